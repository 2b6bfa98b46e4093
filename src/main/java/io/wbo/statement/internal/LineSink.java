package io.wbo.statement.internal;

/** Receives what a parser reads, in file order: good lines and the problems of bad ones. */
interface LineSink {

	void line(ParsedLine line);

	void error(int lineNo, String message);
}
