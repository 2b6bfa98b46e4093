package io.wbo.common.export;

import java.io.IOException;
import java.io.OutputStream;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;

import io.wbo.common.BusinessDay;

/** Streams a table to an output: the header row, then rows as they come, then the end of the file. */
public interface TableWriter extends AutoCloseable {

	void header(List<String> headers) throws IOException;

	void row(Object[] cells) throws IOException;

	/** Finishes the file (the XLSX zip is written here) and flushes; does not close the output. */
	void finish() throws IOException;

	@Override
	void close() throws IOException;

	/** Exports are read by the broker's staff in Hong Kong, like the console: times in Hong Kong time, to the second. */
	DateTimeFormatter HONG_KONG_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(BusinessDay.ZONE);

	static String time(Instant instant) {
		return HONG_KONG_TIME.format(instant);
	}

	static TableWriter of(ExportFormat format, OutputStream out, String sheetName) {
		return switch (format) {
			case CSV -> new CsvTableWriter(out);
			case XLSX -> new XlsxTableWriter(out, sheetName);
		};
	}
}
