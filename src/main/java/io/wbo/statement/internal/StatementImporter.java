package io.wbo.statement.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import javax.sql.DataSource;

import io.wbo.audit.AuditLog;
import io.wbo.audit.AuditRecord;
import io.wbo.audit.FieldChange;
import io.wbo.common.Actor;
import io.wbo.common.PhaseTimes;
import io.wbo.customer.CompanyAccount;
import io.wbo.customer.Customers;
import io.wbo.statement.StatementLinesImported;
import org.jspecify.annotations.Nullable;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.postgresql.copy.CopyManager;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * B-1 import, all or nothing, in one transaction. The parser streams lines with their fingerprints straight into
 * statement_line with COPY while it reads; every bad row is collected, and a file with any problem is refused (422
 * listing them) and the transaction rolls back. When a line's fingerprint is already stored, or repeats an earlier line
 * of the file, the unique key stops that COPY: the import goes back to a savepoint and stages the file in a temporary
 * table instead, from which a set-based INSERT … SELECT leaves those lines out (anti-join), so a re-import or an
 * overlapping period creates no duplicate. Imports of one account take turns (an advisory lock), so the anti-join sees
 * every line that could collide. The original file is kept, in chunks, for download.
 */
@Service
public class StatementImporter {

	/** Opens the uploaded file; called two or three times (parse, perhaps parse again to stage, store the original). */
	public interface FileSource {
		InputStream open() throws IOException;
	}

	public record ImportResult(long importId, int total, int created, int duplicates) {
	}

	private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(StatementImporter.class);
	private static final int CHUNK = 1 << 20;
	/** What COPY writes, into statement_line or into the staging table, which has the same columns. */
	private static final String COLUMNS = "account_id, direction, original_direction, amount, currency, booking_date, value_date, bank_reference, "
			+ "counterparty_name, counterparty_account, counterparty_bank, description, source, import_id, line_no, fingerprint";

	private final JdbcClient jdbc;
	private final DataSource dataSource;
	private final Customers customers;
	private final AuditLog audit;
	private final ApplicationEventPublisher events;

	StatementImporter(JdbcClient jdbc, DataSource dataSource, Customers customers, AuditLog audit, ApplicationEventPublisher events) {
		this.jdbc = jdbc;
		this.dataSource = dataSource;
		this.customers = customers;
		this.audit = audit;
		this.events = events;
	}

	@Transactional
	public ImportResult importFile(long accountId, String format, @Nullable Long templateId, StatementParser parser, String fileName,
			FileSource file, Actor actor) {
		CompanyAccount account = customers.requireCompanyAccount(accountId, "accountId");
		PhaseTimes phases = new PhaseTimes();
		takeTurn(account);
		// the lines name their import, so the import exists first; its file's hash, size and counts are known after the parse
		long importId = jdbc.sql("""
				INSERT INTO statement_import (account_id, format, template_id, file_name, file_sha256, file_size, total, created, duplicates, imported_by)
				VALUES (:account, :format, :template, :name, '', 0, 0, 0, 0, :by) RETURNING id""")
				.param("account", accountId).param("format", format).param("template", templateId).param("name", fileName)
				.param("by", actor.name()).query(Long.class).single();
		Stored stored = storeLines(account, parser, file, "IMPORT", importId, phases);
		Copied lines = stored.lines();
		int duplicates = lines.total() - stored.created();
		jdbc.sql("UPDATE statement_import SET file_sha256 = :sha, file_size = :size, total = :total, created = :c, duplicates = :d WHERE id = :id")
				.param("sha", lines.sha256()).param("size", lines.size()).param("total", lines.total()).param("c", stored.created())
				.param("d", duplicates).param("id", importId).update();
		storeOriginal(importId, file);
		phases.done("original stored");
		log.info("statement import {} ({} lines into account {}): {}", importId, lines.total(), accountId, phases);
		audit.record(AuditRecord.of(actor, "STATEMENT_IMPORTED", "StatementImport", importId, List.of(
				FieldChange.set("accountId", accountId), FieldChange.set("format", format), FieldChange.set("fileName", fileName),
				FieldChange.set("fileSha256", lines.sha256()), FieldChange.set("total", lines.total()), FieldChange.set("created", stored.created()),
				FieldChange.set("duplicates", duplicates))));
		if (stored.created() > 0) {
			events.publishEvent(new StatementLinesImported(accountId, importId, "IMPORT", stored.created()));
		}
		return new ImportResult(importId, lines.total(), stored.created(), duplicates);
	}

	/** Lines pushed or pulled through a bank API (B-2): the same fingerprint and duplicate rules as a file. */
	@Transactional
	public ImportResult importLines(long accountId, List<ParsedLine> lines, String connector, Actor actor) {
		CompanyAccount account = customers.requireCompanyAccount(accountId, "accountId");
		takeTurn(account);
		Stored stored = storeLines(account, (in, sink) -> lines.forEach(sink::line), () -> InputStream.nullInputStream(), "API", null,
				new PhaseTimes());
		int total = stored.lines().total();
		audit.record(AuditRecord.of(actor, "STATEMENT_LINES_RECEIVED", "CompanyAccount", accountId, List.of(
				FieldChange.set("connector", connector), FieldChange.set("total", total), FieldChange.set("created", stored.created()))));
		if (stored.created() > 0) {
			events.publishEvent(new StatementLinesImported(accountId, null, "API", stored.created()));
		}
		return new ImportResult(0, total, stored.created(), total - stored.created());
	}

	/** What one COPY of the parsed lines took in. */
	private record Copied(int total, String sha256, long size, LocalDate firstDate, LocalDate lastDate, boolean mayRepeat) {
	}

	/** The database refused a COPY of the lines (a line it already has, or one the file repeats). */
	private static final class CopyRefused extends Exception {
		CopyRefused(SQLException cause) {
			super(cause.getMessage(), cause);
		}
	}

	private record Stored(Copied lines, int created) {
	}

	private void takeTurn(CompanyAccount account) {
		jdbc.sql("SELECT pg_advisory_xact_lock(hashtext('statement-import'), hashtext(CAST(:account AS TEXT)))").param("account", account.id())
				.query(Object.class).list();
	}

	/**
	 * Straight into statement_line first, since most imports bring only new lines; if the database refuses that COPY
	 * (a line it already has, or one the file repeats), back to the savepoint and through the staging table.
	 */
	private Stored storeLines(CompanyAccount account, StatementParser parser, FileSource file, String source, @Nullable Long importId,
			PhaseTimes phases) {
		Connection connection = DataSourceUtils.getConnection(dataSource);
		try {
			Savepoint beforeCopy = connection.setSavepoint();
			try {
				Copied direct = copy(connection, "statement_line", account, parser, file, source, importId);
				connection.releaseSavepoint(beforeCopy);
				phases.done("lines parsed and stored");
				return new Stored(direct, direct.total());
			}
			catch (CopyRefused refused) {
				connection.rollback(beforeCopy);
				log.debug("statement lines for account {} go through staging: {}", account.id(), refused.getMessage());
				phases.done("stopped at a stored or repeated line");
			}
			jdbc.sql("SET LOCAL work_mem = '64MB'").update();
			jdbc.sql("CREATE TEMP TABLE statement_stage ON COMMIT DROP AS SELECT " + COLUMNS + " FROM statement_line WITH NO DATA").update();
			Copied staged = copy(connection, "statement_stage", account, parser, file, source, importId);
			phases.done("parsed and staged");
			int created = insertStaged(account.id(), staged);
			phases.done("new lines inserted");
			return new Stored(staged, created);
		}
		catch (SQLException | CopyRefused e) {
			throw new IllegalStateException("storing the statement lines failed", e);
		}
	}

	private Copied copy(Connection connection, String table, CompanyAccount account, StatementParser parser, FileSource file, String source,
			@Nullable Long importId) throws SQLException, CopyRefused {
		MessageDigest sha;
		try {
			sha = MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
		CopySink sink = new CopySink(connection.unwrap(PGConnection.class).getCopyAPI(), "COPY " + table + " (" + COLUMNS + ") FROM STDIN", account,
				source, importId);
		long size;
		try (InputStream raw = file.open()) {
			// once the database has refused the COPY the file ends early for this pass: the staging pass reads it whole
			CountingStream in = new CountingStream(new DigestInputStream(raw, sha), () -> sink.failure != null);
			try {
				parser.parse(in, sink);
			}
			catch (RuntimeException e) {
				// a parser bug must still refuse the file cleanly, never leave a half-stored import
				sink.error(0, "the file could not be read: " + TemplateParser.reason(e));
			}
			in.transferTo(java.io.OutputStream.nullOutputStream()); // hash and size of the whole file
			size = in.count;
		}
		catch (IOException e) {
			sink.error(0, "the file could not be read: " + TemplateParser.reason(e));
			size = 0;
		}
		// a refused COPY ended this pass early: the errors it found may be the file's cut-off end, the staging pass judges
		if (sink.failure == null && sink.errors.isEmpty() && sink.total == 0) {
			sink.error(0, "the file contains no statement line");
		}
		if (sink.failure == null && !sink.errors.isEmpty()) {
			sink.cancel();
			throw new ImportRefusedException(sink.errors, sink.errorCount);
		}
		sink.finish();
		if (sink.failure != null) {
			throw new CopyRefused(sink.failure);
		}
		return new Copied(sink.total, HexFormat.of().formatHex(sha.digest()), size, sink.fingerprints.firstDate(), sink.fingerprints.lastDate(),
				sink.fingerprints.mayRepeat());
	}

	/**
	 * Inserts the staged lines the account does not have yet (see {@link Fingerprints}), each repeated line of the file
	 * once. The joins run only when they can find something: a period the account has lines in, a file that may repeat.
	 */
	private int insertStaged(long accountId, Copied staged) {
		boolean overlaps = jdbc.sql("SELECT EXISTS (SELECT 1 FROM statement_line WHERE account_id = :account AND booking_date BETWEEN :first AND :last)")
				.param("account", accountId).param("first", staged.firstDate()).param("last", staged.lastDate()).query(Boolean.class).single();
		if (overlaps || staged.mayRepeat()) {
			jdbc.sql("ANALYZE statement_stage").update();
		}
		String notStored = overlaps ? " AND NOT EXISTS (SELECT 1 FROM statement_line l"
				+ " WHERE l.account_id = s.account_id AND l.booking_date = s.booking_date AND l.fingerprint = s.fingerprint)" : "";
		String firstInFile = staged.mayRepeat()
				? " AND NOT EXISTS (SELECT 1 FROM statement_stage e WHERE e.fingerprint = s.fingerprint AND e.line_no < s.line_no)"
				: "";
		return jdbc.sql("INSERT INTO statement_line (" + COLUMNS + ") SELECT " + COLUMNS + " FROM statement_stage s WHERE true" + notStored + firstInFile)
				.update();
	}

	private void storeOriginal(long importId, FileSource file) {
		try (InputStream in = file.open()) {
			byte[] buffer = new byte[CHUNK];
			int seq = 0;
			while (true) {
				int n = in.readNBytes(buffer, 0, CHUNK);
				if (n <= 0) {
					break;
				}
				byte[] chunk = n == CHUNK ? buffer : java.util.Arrays.copyOf(buffer, n);
				jdbc.sql("INSERT INTO statement_import_chunk (import_id, seq, data) VALUES (:id, :seq, :data)").param("id", importId)
						.param("seq", seq++).param("data", chunk).update();
				if (n < CHUNK) {
					break;
				}
			}
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/**
	 * Validates each parsed line and each statement's account against the chosen account, collects errors, and writes
	 * good lines with their fingerprints to COPY in 64 KB batches. Once the database has refused the COPY it only keeps
	 * reading, for the file's bad rows and its hash.
	 */
	private static final class CopySink implements LineSink {
		/** The first COPY ends after one batch, later ones every 4 MB: the server's refusal is only read when a COPY ends. */
		private static final int FIRST_SEGMENT = 60_000;
		private static final int SEGMENT = 4 << 20;
		private final CopyManager copies;
		private final String sql;
		private CopyIn copy;
		private long segmentBytes;
		private long segmentLimit = FIRST_SEGMENT;
		private final CompanyAccount account;
		private final String rowEnd;
		private final StringBuilder buffer = new StringBuilder(70_000);
		final List<ImportRefusedException.LineError> errors = new ArrayList<>();
		final Fingerprints fingerprints = new Fingerprints();
		@Nullable SQLException failure;
		int errorCount;
		int total;

		CopySink(CopyManager copies, String sql, CompanyAccount account, String source, @Nullable Long importId) throws SQLException {
			this.copies = copies;
			this.sql = sql;
			this.copy = copies.copyIn(sql);
			this.account = account;
			this.rowEnd = "\t" + source + "\t" + (importId == null ? "\\N" : importId) + "\t";
		}

		@Override
		public void line(ParsedLine l) {
			if (!account.supportsCurrency(l.currency())) {
				error(l.lineNo(), "currency " + l.currency() + " is not held in account " + account.accountNo() + " (" + String.join(", ", account.currencies()) + ")");
				return;
			}
			if (!Fingerprints.printable(l.bookingDate()) || (l.valueDate() != null && !Fingerprints.printable(l.valueDate()))) {
				error(l.lineNo(), "the date is outside the years 1 to 9999");
				return;
			}
			total++;
			if (errorCount > 0) {
				return; // the file is refused anyway: only keep looking for problems
			}
			String amount = l.amount().toPlainString();
			String direction = l.direction().name();
			buffer.append(account.id()).append('\t').append(direction).append('\t').append(direction).append('\t').append(amount).append('\t')
					.append(l.currency()).append('\t').append(l.bookingDate()).append('\t');
			field(l.valueDate() == null ? null : l.valueDate().toString());
			field(l.bankReference());
			field(l.counterpartyName());
			field(l.counterpartyAccount());
			field(l.counterpartyBank());
			text(l.description());
			buffer.append(rowEnd).append(l.lineNo()).append('\t')
					.append(l.bankReference() != null ? fingerprints.withReference(l, amount, l.bankReference()) : fingerprints.content(l, amount))
					.append('\n');
			if (buffer.length() > 64_000) {
				flush();
			}
		}

		@Override
		public void account(int lineNo, String accountId) {
			if (!StatementAccountRule.isFor(accountId, account.accountNo())) {
				error(lineNo, "the statement is for account " + accountId + ", not the chosen account " + account.accountNo());
			}
		}

		private void field(@Nullable String value) {
			text(value);
			buffer.append('\t');
		}

		private void text(@Nullable String value) {
			if (value == null) {
				buffer.append("\\N");
				return;
			}
			for (int i = 0; i < value.length(); i++) {
				char c = value.charAt(i);
				switch (c) {
					case '\\' -> buffer.append("\\\\");
					case '\t' -> buffer.append("\\t");
					case '\n' -> buffer.append("\\n");
					case '\r' -> buffer.append("\\r");
					case '\0' -> {
					}
					default -> buffer.append(c);
				}
			}
		}

		@Override
		public void error(int lineNo, String message) {
			errorCount++;
			if (errors.size() < ImportRefusedException.MAX_REPORTED) {
				errors.add(new ImportRefusedException.LineError(lineNo, message));
			}
		}

		void flush() {
			if (failure == null && !buffer.isEmpty()) {
				byte[] bytes = buffer.toString().getBytes(StandardCharsets.UTF_8);
				try {
					copy.writeToCopy(bytes, 0, bytes.length);
					segmentBytes += bytes.length;
					if (segmentBytes >= segmentLimit) {
						copy.endCopy();
						copy = copies.copyIn(sql);
						segmentBytes = 0;
						segmentLimit = SEGMENT;
					}
				}
				catch (SQLException e) {
					failure = e;
				}
			}
			buffer.setLength(0);
		}

		/** Ends the COPY; a refusal by the database is kept in {@link #failure} for the importer to decide. */
		void finish() {
			flush();
			if (failure == null) {
				try {
					copy.endCopy();
				}
				catch (SQLException e) {
					failure = e;
				}
			}
			if (failure != null) {
				cancel();
			}
		}

		void cancel() {
			if (copy.isActive()) {
				try {
					copy.cancelCopy();
				}
				catch (SQLException e) {
					// the COPY is over either way; the transaction is rolled back or rolled back to its savepoint
					log.debug("cancelling the COPY: {}", e.getMessage());
				}
			}
		}
	}

	private static final class CountingStream extends java.io.FilterInputStream {
		private final java.util.function.BooleanSupplier stopped;
		long count;

		CountingStream(InputStream in, java.util.function.BooleanSupplier stopped) {
			super(in);
			this.stopped = stopped;
		}

		@Override
		public int read() throws IOException {
			if (stopped.getAsBoolean()) {
				return -1;
			}
			int b = super.read();
			if (b >= 0) {
				count++;
			}
			return b;
		}

		@Override
		public int read(byte[] b, int off, int len) throws IOException {
			if (stopped.getAsBoolean()) {
				return -1;
			}
			int n = super.read(b, off, len);
			if (n > 0) {
				count += n;
			}
			return n;
		}

		@Override
		public void close() {
			// the parser's reader may close the stream; the importer closes the underlying file itself
		}
	}
}
