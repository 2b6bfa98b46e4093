package io.wbo.bench;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * A load generator's HTTP/1.1 client: one kept-alive connection, one request at a time, the request written by hand.
 * Benchmarks share the two cores with the server and the database, and pgbench's own client is a few microseconds of
 * C per transaction; the JDK's client (a selector thread per client, futures, header maps) took a third of a core at
 * 800 requests per second, which this one does not.
 */
final class KeepAliveHttp implements AutoCloseable {

	record Response(int status, String body) {
	}

	private final String host;
	private final int port;
	private Socket socket;
	private OutputStream out;
	private InputStream in;

	KeepAliveHttp(String host, int port) {
		this.host = host;
		this.port = port;
	}

	Response postJson(String path, Map<String, String> headers, String json) throws IOException {
		return send("POST", path, headers, json.getBytes(StandardCharsets.UTF_8));
	}

	Response get(String path, Map<String, String> headers) throws IOException {
		return send("GET", path, headers, null);
	}

	private Response send(String method, String path, Map<String, String> headers, byte @Nullable [] body) throws IOException {
		StringBuilder head = new StringBuilder(256).append(method).append(' ').append(path).append(" HTTP/1.1\r\nHost: ").append(host).append(':')
				.append(port).append("\r\n");
		if (body != null) {
			head.append("Content-Type: application/json\r\nContent-Length: ").append(body.length).append("\r\n");
		}
		headers.forEach((k, v) -> head.append(k).append(": ").append(v).append("\r\n"));
		head.append("\r\n");
		byte[] h = head.toString().getBytes(StandardCharsets.ISO_8859_1);
		byte[] content = body == null ? new byte[0] : body;
		byte[] request = new byte[h.length + content.length];
		System.arraycopy(h, 0, request, 0, h.length);
		System.arraycopy(content, 0, request, h.length, content.length);
		boolean reused = socket != null;
		try {
			return exchange(request);
		}
		catch (ClosedBeforeAnswer e) {
			if (!reused || body != null) {
				throw e;
			}
			// the server had closed the connection while it was idle (its keep-alive timeout): as any HTTP client does, a
			// GET goes again on a new one
			close();
			return exchange(request);
		}
	}

	private Response exchange(byte[] request) throws IOException {
		if (socket == null) {
			socket = new Socket(host, port);
			socket.setTcpNoDelay(true);
			out = socket.getOutputStream();
			in = new BufferedInputStream(socket.getInputStream(), 16 * 1024);
		}
		out.write(request);
		out.flush();
		return read();
	}

	/** The connection ended before the first byte of an answer. */
	private static final class ClosedBeforeAnswer extends IOException {
		ClosedBeforeAnswer() {
			super("the server closed the connection before answering");
		}
	}

	private Response read() throws IOException {
		int first = in.read();
		if (first < 0) {
			throw new ClosedBeforeAnswer();
		}
		String statusLine = (char) first + line();
		int status = Integer.parseInt(statusLine.split(" ", 3)[1]);
		int length = -1;
		boolean chunked = false;
		boolean close = false;
		for (String header = line(); !header.isEmpty(); header = line()) {
			String lower = header.toLowerCase(Locale.ROOT);
			if (lower.startsWith("content-length:")) {
				length = Integer.parseInt(lower.substring(15).trim());
			}
			else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
				chunked = true;
			}
			else if (lower.startsWith("connection:") && lower.contains("close")) {
				close = true;
			}
		}
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		if (chunked) {
			for (int size = Integer.parseInt(line().split(";")[0].trim(), 16); size > 0; size = Integer.parseInt(line().split(";")[0].trim(), 16)) {
				body.write(in.readNBytes(size));
				line();
			}
			line();
		}
		else if (length >= 0) {
			body.write(in.readNBytes(length));
		}
		if (close) {
			close();
		}
		return new Response(status, body.toString(StandardCharsets.UTF_8));
	}

	private String line() throws IOException {
		StringBuilder s = new StringBuilder(64);
		for (int c = in.read(); c != '\n'; c = in.read()) {
			if (c < 0) {
				throw new IOException("the server closed the connection");
			}
			if (c != '\r') {
				s.append((char) c);
			}
		}
		return s.toString();
	}

	@Override
	public void close() throws IOException {
		if (socket != null) {
			socket.close();
			socket = null;
		}
	}
}
