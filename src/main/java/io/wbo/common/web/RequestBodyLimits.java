package io.wbo.common.web;

import java.io.IOException;

import io.wbo.common.DomainException;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.json.JsonMapper;

/**
 * How large a request body may be, by endpoint, checked before anything reads it: an anonymous login or a customer's
 * APP call carries a few fields; the console's JSON, a form's worth; integrations and uploads, files. A body over its
 * limit is answered 413 with the limit named: at once when the declared length is over it, or as soon as a body sent
 * without a length (chunked) passes it, so no body larger than its limit is ever held in memory.
 */
@Configuration(proxyBeanMethods = false)
class RequestBodyLimits {

	/** The login and every APP call: a few fields. */
	static final DataSize SMALL = DataSize.ofKilobytes(64);

	/** Any other console or admin JSON body. */
	static final DataSize JSON = DataSize.ofMegabytes(1);

	/** Integration calls (a bank's statement lines) and file uploads (proofs: wbo.files.max-size, 10 MB). */
	static final DataSize FILES = DataSize.ofMegabytes(16);

	/**
	 * A bank statement import: a month of a busy account's lines is tens of megabytes, and the import streams it. The
	 * same as spring.servlet.multipart.max-request-size, which must stay at least this.
	 */
	static final DataSize STATEMENTS = DataSize.ofMegabytes(50);

	static DataSize limitFor(HttpServletRequest request) {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		String type = request.getContentType();
		boolean multipart = type != null && type.toLowerCase(java.util.Locale.ROOT).startsWith("multipart/");
		if (path.equals("/api/statements/import")) {
			return STATEMENTS;
		}
		if (multipart || path.startsWith("/api/integrations/")) {
			return FILES;
		}
		if (path.equals("/api/auth/login") || path.startsWith("/app/")) {
			return SMALL;
		}
		return JSON;
	}

	static String text(DataSize size) {
		long bytes = size.toBytes();
		return bytes % DataSize.ofMegabytes(1).toBytes() == 0 ? size.toMegabytes() + " MB" : size.toKilobytes() + " KB";
	}

	static DomainException tooLarge(DataSize limit) {
		return new DomainException(HttpStatus.CONTENT_TOO_LARGE, "body-too-large",
				"the request body is larger than " + text(limit) + ", the limit of this endpoint");
	}

	private static void refuse(ProblemResponses problems, HttpServletRequest request, HttpServletResponse response, DataSize limit)
			throws IOException {
		DomainException refusal = tooLarge(limit);
		problems.write(request, response, refusal.status(), refusal.type(), refusal.getMessage());
	}

	/** Thrown by the bounded body when a body without a declared length passes its limit. */
	static final class BodyTooLargeException extends IOException {

		final DataSize limit;

		BodyTooLargeException(DataSize limit) {
			super(tooLarge(limit).getMessage());
			this.limit = limit;
		}

		/** The limit, when this failure (or what it wraps) is a body over its limit. */
		static java.util.Optional<DataSize> in(Throwable failure) {
			for (Throwable t = failure; t != null; t = t.getCause()) {
				if (t instanceof BodyTooLargeException tooLarge) {
					return java.util.Optional.of(tooLarge.limit);
				}
			}
			return java.util.Optional.empty();
		}
	}

	@Bean
	FilterRegistrationBean<Filter> requestBodyLimitFilter(JsonMapper json) {
		ProblemResponses problems = new ProblemResponses(json);
		FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>(new OncePerRequestFilter() {
			@Override
			protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
					throws ServletException, IOException {
				DataSize limit = limitFor(request);
				if (request.getContentLengthLong() > limit.toBytes()) {
					refuse(problems, request, response, limit);
					return;
				}
				try {
					chain.doFilter(request.getContentLengthLong() < 0 ? new Bounded(request, limit) : request, response);
				}
				catch (IOException | ServletException | RuntimeException e) {
					// a filter past this one (the idempotency filter, say) read the body and passed the limit
					if (BodyTooLargeException.in(e).isEmpty() || response.isCommitted()) {
						throw e;
					}
					response.resetBuffer();
					refuse(problems, request, response, limit);
				}
			}
		});
		// before the session and security filters: an oversized body costs no session lookup, no password check
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
		registration.addUrlPatterns("/*");
		return registration;
	}

	/** A body sent without its length, counted as it is read and cut off past the limit. */
	private static final class Bounded extends HttpServletRequestWrapper {

		private final DataSize limit;
		private ServletInputStream bounded;

		Bounded(HttpServletRequest request, DataSize limit) {
			super(request);
			this.limit = limit;
		}

		@Override
		public ServletInputStream getInputStream() throws IOException {
			if (bounded == null) {
				ServletInputStream in = super.getInputStream();
				long max = limit.toBytes();
				bounded = new ServletInputStream() {
					private long read;

					private int counted(int n) throws IOException {
						if (n > 0) {
							read += n;
							if (read > max) {
								throw new BodyTooLargeException(limit);
							}
						}
						return n;
					}

					@Override
					public int read() throws IOException {
						int b = in.read();
						if (b >= 0) {
							counted(1);
						}
						return b;
					}

					@Override
					public int read(byte[] buffer, int offset, int length) throws IOException {
						return counted(in.read(buffer, offset, length));
					}

					@Override
					public boolean isFinished() {
						return in.isFinished();
					}

					@Override
					public boolean isReady() {
						return in.isReady();
					}

					@Override
					public void setReadListener(ReadListener listener) {
						in.setReadListener(listener);
					}
				};
			}
			return bounded;
		}

		@Override
		public java.io.BufferedReader getReader() throws IOException {
			String encoding = getCharacterEncoding();
			return new java.io.BufferedReader(new java.io.InputStreamReader(getInputStream(),
					encoding == null ? java.nio.charset.StandardCharsets.UTF_8 : java.nio.charset.Charset.forName(encoding)));
		}
	}
}
