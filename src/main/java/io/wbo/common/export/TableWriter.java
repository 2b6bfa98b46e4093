package io.wbo.common.export;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;

/** Streams a table to an output: the header row, then rows as they come, then the end of the file. */
public interface TableWriter extends AutoCloseable {

	void header(List<String> headers) throws IOException;

	void row(Object[] cells) throws IOException;

	/** Finishes the file (the XLSX zip is written here) and flushes; does not close the output. */
	void finish() throws IOException;

	@Override
	void close() throws IOException;

	static TableWriter of(ExportFormat format, OutputStream out, String sheetName) {
		return switch (format) {
			case CSV -> new CsvTableWriter(out);
			case XLSX -> new XlsxTableWriter(out, sheetName);
		};
	}
}
