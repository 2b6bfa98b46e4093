package io.wbo.app.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

import io.wbo.app.AppCustomer;
import io.wbo.common.DomainException;
import io.wbo.common.Hashing;
import io.wbo.common.web.ProblemResponses;
import io.wbo.customer.Customers;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.Part;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.cfg.JsonNodeFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The idempotency-key mechanism of every creating POST of the APP API. The key row, the business change and the stored
 * response share one transaction: a crash leaves neither, so a retry is always safe. Same key and body → the first
 * response again; same key, other body → 422; the first request still running → 409 (a non-blocking advisory lock).
 * Only successful responses are kept; a refused request can be retried with the same key. Keys live 48 hours.
 * Uploads (multipart) are identified by their parts' names, file names and content hashes, not by the raw body, whose
 * boundary changes from one attempt to the next.
 */
class IdempotencyFilter extends OncePerRequestFilter {

	static final String HEADER = "Idempotency-Key";

	private final JdbcClient jdbc;
	private final TransactionTemplate transactions;
	private final Customers customers;
	private final ProblemResponses problems;
	private final JsonMapper sorted;

	IdempotencyFilter(JdbcClient jdbc, PlatformTransactionManager transactions, Customers customers, JsonMapper json) {
		this.jdbc = jdbc;
		this.transactions = new TransactionTemplate(transactions);
		this.customers = customers;
		this.problems = new ProblemResponses(json);
		// keys sorted on writing: a body's canonical form (see canonical)
		this.sorted = json.rebuild().enable(JsonNodeFeature.WRITE_PROPERTIES_SORTED).build();
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		return !"POST".equals(request.getMethod()) || !path.startsWith("/app/v1/") || path.startsWith("/app/v1/dev/");
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String key = request.getHeader(HEADER);
		if (key == null || key.isBlank() || key.length() > 200) {
			problems.write(request, response, HttpStatus.BAD_REQUEST, "idempotency-key-required",
					"the " + HEADER + " header is required on this request (1 to 200 characters, unique per intended action)");
			return;
		}
		AppCustomer customer;
		try {
			customer = AppWebConfig.current(customers, request);
		}
		catch (DomainException e) {
			problems.write(request, response, e.status(), e.type(), e.getMessage());
			return;
		}
		String hash;
		HttpServletRequest forward;
		if (isMultipart(request)) {
			try {
				hash = multipartHash(request);
			}
			catch (IllegalStateException | IOException | ServletException e) {
				refuseUpload(request, response, e);
				return;
			}
			forward = request; // the container keeps the parsed parts; the handler reads them from there
		}
		else {
			byte[] body = request.getInputStream().readAllBytes();
			hash = Hashing.sha256(request.getRequestURI() + "\n" + canonical(body));
			forward = new CachedBodyRequest(request, body);
		}
		ContentCachingResponseWrapper wrapped = new ContentCachingResponseWrapper(response);
		Outcome outcome;
		try {
			outcome = transactions.execute(tx -> once(customer, key, hash, chain, forward, wrapped, tx));
		}
		catch (KeyTakenMeanwhile e) {
			// the first request with this key committed between this one's read of the key and its lock (the read and the
			// lock are one statement): this one's work rolled back with its key row, and the first one's answer stands
			// and what it began to answer is dropped, its status and headers with it, so that a refusal can be written
			wrapped.resetBuffer();
			response.reset();
			outcome = transactions.execute(tx -> once(customer, key, hash, chain, forward, wrapped, tx));
		}
		switch (outcome) {
			case IN_PROGRESS -> problems.write(request, response, HttpStatus.CONFLICT, "idempotency-key-in-use",
					"a request with this " + HEADER + " is still being processed; retry in a moment");
			case DIFFERENT_BODY -> problems.write(request, response, HttpStatus.UNPROCESSABLE_CONTENT, "idempotency-key-reused",
					"this " + HEADER + " was already used for a different request");
			default -> wrapped.copyBodyToResponse();
		}
	}

	/**
	 * Runs the request unless its key was used already: the key's lock and its stored answer are read by one
	 * statement. A request that finds the lock taken is still running elsewhere.
	 */
	private Outcome once(AppCustomer customer, String key, String hash, FilterChain chain, HttpServletRequest forward,
			ContentCachingResponseWrapper wrapped, TransactionStatus tx) {
		Stored stored = jdbc.sql("""
				SELECT pg_try_advisory_xact_lock(hashtextextended(:lock, 0)) AS mine, k.request_hash, k.response_status, k.response_body
				FROM (VALUES (1)) AS one LEFT JOIN idempotency_key k ON k.customer_id = :c AND k.key = :k""")
				.param("lock", customer.id() + ":" + key).param("c", customer.id()).param("k", key)
				.query((rs, n) -> new Stored(rs.getBoolean(1), rs.getString(2), rs.getInt(3), rs.getString(4))).single();
		if (!stored.mine()) {
			return Outcome.IN_PROGRESS;
		}
		if (stored.requestHash() != null) {
			if (!stored.requestHash().equals(hash)) {
				return Outcome.DIFFERENT_BODY;
			}
			replay(wrapped, stored.status(), stored.body());
			return Outcome.REPLAYED;
		}
		try {
			chain.doFilter(forward, wrapped);
		}
		catch (IOException | ServletException e) {
			throw new IllegalStateException(e);
		}
		if (wrapped.getStatus() >= 200 && wrapped.getStatus() < 300) {
			try {
				jdbc.sql("INSERT INTO idempotency_key (customer_id, key, request_hash, response_status, response_body) VALUES (:c, :k, :h, :s, :b)")
						.param("c", customer.id()).param("k", key).param("h", hash).param("s", wrapped.getStatus())
						.param("b", new String(wrapped.getContentAsByteArray(), StandardCharsets.UTF_8)).update();
			}
			catch (DuplicateKeyException e) {
				throw new KeyTakenMeanwhile(e);
			}
		}
		else {
			tx.setRollbackOnly();
		}
		return Outcome.EXECUTED;
	}

	/** Another request stored this key after this one looked: this one's transaction rolls back. */
	private static final class KeyTakenMeanwhile extends RuntimeException {
		KeyTakenMeanwhile(Throwable cause) {
			super(cause);
		}
	}

	/**
	 * What identifies a JSON body: its content, not its bytes. A client that serialises a retry again may put the keys
	 * in another order or space them otherwise, and that is the same request, not "another body under the same key"
	 * (422). Written again with its keys sorted and without spaces; values as they were sent (an amount is text). A
	 * body that is not JSON is taken as it is: the handler refuses it anyway.
	 */
	String canonical(byte[] body) {
		try {
			JsonNode node = sorted.readTree(body);
			if (node != null && !node.isMissingNode()) {
				return sorted.writeValueAsString(node);
			}
		}
		catch (JacksonException e) {
			// not JSON: the raw text below
		}
		return new String(body, StandardCharsets.UTF_8);
	}

	/** What the key's statement found: whether this request holds the key now, and the answer kept for it, if any. */
	private record Stored(boolean mine, @Nullable String requestHash, int status, @Nullable String body) {
	}

	private static boolean isMultipart(HttpServletRequest request) {
		String type = request.getContentType();
		return type != null && type.toLowerCase(java.util.Locale.ROOT).startsWith("multipart/");
	}

	/**
	 * What identifies a multipart request: each part's name, file name and content hash, in order. The raw body
	 * cannot serve, because a client retrying the same upload picks a new random boundary.
	 */
	private static String multipartHash(HttpServletRequest request) throws IOException, ServletException {
		StringBuilder identity = new StringBuilder(request.getRequestURI());
		for (Part part : request.getParts()) {
			try (java.io.InputStream in = part.getInputStream()) {
				identity.append('\n').append(part.getName()).append('\u0000').append(part.getSubmittedFileName()).append('\u0000')
						.append(Hashing.sha256(in.readAllBytes()));
			}
		}
		return Hashing.sha256(identity.toString());
	}

	/** The container refused to parse the upload (over the multipart limit, or malformed); the advice is not reached. */
	private void refuseUpload(HttpServletRequest request, HttpServletResponse response, Exception e) throws IOException {
		boolean tooLarge = false;
		for (Throwable t = e; t != null; t = t.getCause()) {
			tooLarge |= t.getClass().getSimpleName().contains("SizeLimitExceeded") || t.getClass().getSimpleName().contains("SizeException");
		}
		if (tooLarge) {
			problems.write(request, response, HttpStatus.CONTENT_TOO_LARGE, "file-too-large", "the uploaded file is larger than allowed");
		}
		else {
			problems.write(request, response, HttpStatus.BAD_REQUEST, "invalid-input", "file: the upload is not a readable multipart/form-data request");
		}
	}

	private static void replay(ContentCachingResponseWrapper response, int status, String body) {
		response.setStatus(status);
		response.setContentType("application/json");
		response.setHeader("Idempotent-Replayed", "true");
		try {
			response.getOutputStream().write(body.getBytes(StandardCharsets.UTF_8));
		}
		catch (IOException e) {
			throw new IllegalStateException(e);
		}
	}

	enum Outcome { EXECUTED, REPLAYED, IN_PROGRESS, DIFFERENT_BODY }

	/** Lets the handler read a body this filter has already read. */
	static final class CachedBodyRequest extends HttpServletRequestWrapper {
		private final byte[] body;

		CachedBodyRequest(HttpServletRequest request, byte[] body) {
			super(request);
			this.body = body;
		}

		@Override
		public ServletInputStream getInputStream() {
			ByteArrayInputStream in = new ByteArrayInputStream(body);
			return new ServletInputStream() {
				public boolean isFinished() {
					return in.available() == 0;
				}

				public boolean isReady() {
					return true;
				}

				public void setReadListener(ReadListener listener) {
					throw new IllegalStateException("synchronous reads only");
				}

				public int read() {
					return in.read();
				}

				@Override
				public int read(byte[] b, int off, int len) {
					return in.read(b, off, len);
				}
			};
		}

		@Override
		public java.io.BufferedReader getReader() {
			return new java.io.BufferedReader(new java.io.InputStreamReader(getInputStream(), StandardCharsets.UTF_8));
		}
	}
}
