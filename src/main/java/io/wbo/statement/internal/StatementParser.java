package io.wbo.statement.internal;

import java.io.InputStream;

/**
 * Reads one statement file as a stream and reports every line and every problem to the sink. A parser never throws
 * for bad content: whatever is wrong with the file becomes an error with its line number (line 0 for the file as a
 * whole), so the importer can refuse the file and list all problems at once.
 */
interface StatementParser {

	void parse(InputStream in, LineSink sink);
}
