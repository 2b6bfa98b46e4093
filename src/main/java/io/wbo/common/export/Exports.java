package io.wbo.common.export;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import io.wbo.common.BusinessDay;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;

/**
 * Streams an export to an HTTP response: sets the content type and an attachment Content-Disposition (RFC 6266 with a
 * UTF-8 file name), then writes rows as the source produces them. The caller runs this inside a read-only transaction
 * so the source can read from a cursor.
 */
public final class Exports {

	private Exports() {
	}

	/** {@code <base>-<yyyyMMdd>.<ext>}, e.g. {@code withdrawals-20261122.xlsx}. */
	public static String fileName(String base, ExportFormat format) {
		return base + "-" + BusinessDay.today().toString().replace("-", "") + "." + format.extension();
	}

	public static void prepare(HttpServletResponse response, ExportFormat format, String fileName) {
		response.setContentType(format.contentType());
		response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
				ContentDisposition.attachment().filename(fileName, StandardCharsets.UTF_8).build().toString());
		response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
	}

	/** Writes headers and every row of the source to {@code out}. Returns the number of data rows. */
	public static long write(ExportFormat format, OutputStream out, String sheetName, List<String> headers, RowSource source)
			throws IOException {
		long[] count = { 0 };
		try (TableWriter writer = TableWriter.of(format, out, sheetName)) {
			writer.header(headers);
			try {
				source.forEachRow(row -> {
					writer.row(row);
					count[0]++;
				});
			}
			catch (IOException | RuntimeException e) {
				throw e;
			}
			catch (Exception e) {
				throw new IOException(e);
			}
			writer.finish();
		}
		return count[0];
	}
}
