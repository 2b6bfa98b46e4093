package io.wbo.common.export;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * RFC 4180 CSV in UTF-8 with a byte-order mark (so Excel shows Chinese names), CRLF line ends. A cell that a
 * spreadsheet would run as a formula ({@code = + - @} first) is prefixed with a quote: exports must not carry
 * formula injection to the reader.
 */
public final class CsvTableWriter implements TableWriter {

	private final Writer out;

	public CsvTableWriter(OutputStream stream) {
		this.out = new BufferedWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8), 1 << 16);
	}

	@Override
	public void header(List<String> headers) throws IOException {
		out.write('\uFEFF');
		row(headers.toArray());
	}

	@Override
	public void row(Object[] cells) throws IOException {
		for (int i = 0; i < cells.length; i++) {
			if (i > 0) {
				out.write(',');
			}
			out.write(escape(text(cells[i])));
		}
		out.write("\r\n");
	}

	static String text(Object cell) {
		if (cell == null) {
			return "";
		}
		if (cell instanceof BigDecimal d) {
			return d.toPlainString();
		}
		if (cell instanceof java.time.Instant t) {
			return TableWriter.time(t);
		}
		return cell.toString();
	}

	static String escape(String value) {
		String v = value;
		// a number, or a lone "-" (no value), is no formula
		if (!v.isEmpty() && "=+-@\t\r".indexOf(v.charAt(0)) >= 0 && !v.matches("-?\\d+(\\.\\d+)?") && !v.equals("-")) {
			v = "'" + v;
		}
		if (v.indexOf(',') >= 0 || v.indexOf('"') >= 0 || v.indexOf('\n') >= 0 || v.indexOf('\r') >= 0) {
			return '"' + v.replace("\"", "\"\"") + '"';
		}
		return v;
	}

	@Override
	public void finish() throws IOException {
		out.flush();
	}

	@Override
	public void close() throws IOException {
		out.flush();
	}
}
