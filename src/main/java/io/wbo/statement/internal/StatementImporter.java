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
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * B-1 import, all or nothing, in one transaction: the parser streams lines into a temporary staging table with COPY,
 * every bad row is collected; a file with any problem is refused (422 listing them) and the transaction rolls back. A
 * clean file goes into statement_line with set-based INSERT … SELECT, leaving out lines whose fingerprint the account
 * already has (anti-join) or that repeat an earlier line of the file, so a re-import or an overlapping period creates
 * no duplicate. Imports of one account take turns (an advisory lock), so the anti-join sees every line that could
 * collide; the unique key stays as the last guard. The original file is kept, in chunks, for download.
 */
@Service
public class StatementImporter {

	/** Opens the uploaded file; called twice (parse, then store the original). */
	public interface FileSource {
		InputStream open() throws IOException;
	}

	public record ImportResult(long importId, int total, int created, int duplicates) {
	}

	private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(StatementImporter.class);
	private static final int CHUNK = 1 << 20;

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
		Staging staging = stage(account, parser, file);
		phases.done("parsed and staged");
		long importId = jdbc.sql("""
				INSERT INTO statement_import (account_id, format, template_id, file_name, file_sha256, file_size, total, created, duplicates, imported_by)
				VALUES (:account, :format, :template, :name, :sha, :size, :total, 0, 0, :by) RETURNING id""")
				.param("account", accountId).param("format", format).param("template", templateId).param("name", fileName)
				.param("sha", staging.sha256).param("size", staging.size).param("total", staging.total).param("by", actor.name())
				.query(Long.class).single();
		storeOriginal(importId, file);
		phases.done("original stored");
		int created = insertStaged(accountId, staging, "IMPORT", importId);
		phases.done("lines inserted");
		log.info("statement import {} ({} lines into account {}): {}", importId, staging.total, accountId, phases);
		int duplicates = staging.total - created;
		jdbc.sql("UPDATE statement_import SET created = :c, duplicates = :d WHERE id = :id").param("c", created).param("d", duplicates)
				.param("id", importId).update();
		audit.record(AuditRecord.of(actor, "STATEMENT_IMPORTED", "StatementImport", importId, List.of(
				FieldChange.set("accountId", accountId), FieldChange.set("format", format), FieldChange.set("fileName", fileName),
				FieldChange.set("fileSha256", staging.sha256), FieldChange.set("total", staging.total), FieldChange.set("created", created),
				FieldChange.set("duplicates", duplicates))));
		if (created > 0) {
			events.publishEvent(new StatementLinesImported(accountId, importId, "IMPORT", created));
		}
		return new ImportResult(importId, staging.total, created, duplicates);
	}

	/** Lines pushed or pulled through a bank API (B-2): the same staging, fingerprint and duplicate rules as a file. */
	@Transactional
	public ImportResult importLines(long accountId, List<ParsedLine> lines, String connector, Actor actor) {
		CompanyAccount account = customers.requireCompanyAccount(accountId, "accountId");
		Staging staging = stage(account, (in, sink) -> lines.forEach(sink::line), () -> InputStream.nullInputStream());
		int created = insertStaged(accountId, staging, "API", null);
		audit.record(AuditRecord.of(actor, "STATEMENT_LINES_RECEIVED", "CompanyAccount", accountId, List.of(
				FieldChange.set("connector", connector), FieldChange.set("total", staging.total), FieldChange.set("created", created))));
		if (created > 0) {
			events.publishEvent(new StatementLinesImported(accountId, null, "API", created));
		}
		return new ImportResult(0, staging.total, created, staging.total - created);
	}

	/** What the insert needs to know of the staged lines: their period, and whether the file may repeat a line. */
	private record Staging(int total, String sha256, long size, LocalDate firstDate, LocalDate lastDate, boolean mayRepeat) {
	}

	private Staging stage(CompanyAccount account, StatementParser parser, FileSource file) {
		jdbc.sql("SELECT pg_advisory_xact_lock(hashtext('statement-import'), hashtext(CAST(:account AS TEXT)))").param("account", account.id())
				.query(Object.class).list();
		jdbc.sql("SET LOCAL work_mem = '64MB'").update();
		jdbc.sql("""
				CREATE TEMP TABLE statement_stage (
				  line_no INT, direction TEXT, amount NUMERIC, currency TEXT, booking_date DATE, value_date DATE,
				  ref TEXT, cp_name TEXT, cp_account TEXT, cp_bank TEXT, description TEXT, fp UUID, h TEXT) ON COMMIT DROP""").update();
		Connection connection = DataSourceUtils.getConnection(dataSource);
		MessageDigest sha;
		try {
			sha = MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
		CopySink sink;
		long size;
		try {
			CopyIn copy = connection.unwrap(PGConnection.class).getCopyAPI().copyIn(
					"COPY statement_stage (line_no, direction, amount, currency, booking_date, value_date, ref, cp_name, cp_account, cp_bank, description, fp, h) FROM STDIN");
			sink = new CopySink(copy, account);
			try (InputStream raw = file.open()) {
				CountingStream in = new CountingStream(new DigestInputStream(raw, sha));
				try {
					parser.parse(in, sink);
				}
				catch (RuntimeException e) {
					// a parser bug must still refuse the file cleanly, never leave a half-staged import
					sink.error(0, "the file could not be read: " + TemplateParser.reason(e));
				}
				in.transferTo(java.io.OutputStream.nullOutputStream()); // hash and size of the whole file
				size = in.count;
			}
			catch (IOException e) {
				sink.error(0, "the file could not be read: " + TemplateParser.reason(e));
				size = 0;
			}
			if (!sink.errors.isEmpty()) {
				if (copy.isActive()) {
					copy.cancelCopy();
				}
				throw new ImportRefusedException(sink.errors, sink.errorCount);
			}
			sink.flush();
			copy.endCopy();
		}
		catch (SQLException e) {
			throw new IllegalStateException("staging the statement lines failed", e);
		}
		if (sink.total == 0) {
			throw new ImportRefusedException(List.of(new ImportRefusedException.LineError(0, "the file contains no statement line")), 1);
		}
		return new Staging(sink.total, HexFormat.of().formatHex(sha.digest()), size, sink.fingerprints.firstDate(), sink.fingerprints.lastDate(),
				sink.fingerprints.mayRepeat());
	}

	/**
	 * Inserts the staged lines the account does not have yet (see {@link Fingerprints}; lines without a bank reference
	 * get their position among identical lines of the file here). A file whose period holds no line of the account yet
	 * (the usual first import) is inserted without looking for duplicates; the joins run only when they can find one.
	 */
	private int insertStaged(long accountId, Staging staging, String source, @Nullable Long importId) {
		boolean overlaps = jdbc.sql("SELECT EXISTS (SELECT 1 FROM statement_line WHERE account_id = :account AND booking_date BETWEEN :first AND :last)")
				.param("account", accountId).param("first", staging.firstDate()).param("last", staging.lastDate()).query(Boolean.class).single();
		if (overlaps || staging.mayRepeat()) {
			jdbc.sql("ANALYZE statement_stage").update();
		}
		String notStored = overlaps ? " AND NOT EXISTS (SELECT 1 FROM statement_line l"
				+ " WHERE l.account_id = :account AND l.booking_date = s.booking_date AND l.fingerprint = s.fp)" : "";
		String firstInFile = staging.mayRepeat() ? " AND NOT EXISTS (SELECT 1 FROM statement_stage e WHERE e.fp = s.fp AND e.line_no < s.line_no)" : "";
		return jdbc.sql("""
				INSERT INTO statement_line (account_id, direction, original_direction, amount, currency, booking_date, value_date,
				  bank_reference, counterparty_name, counterparty_account, counterparty_bank, description, source, import_id, line_no, fingerprint)
				SELECT :account, direction, direction, amount, currency, booking_date, value_date, ref, cp_name, cp_account, cp_bank,
				  description, :source, :import, line_no, fp
				FROM (SELECT line_no, direction, amount, currency, booking_date, value_date, ref, cp_name, cp_account, cp_bank, description, fp
				      FROM statement_stage WHERE fp IS NOT NULL
				      UNION ALL
				      SELECT line_no, direction, amount, currency, booking_date, value_date, ref, cp_name, cp_account, cp_bank, description,
				        md5(h || '#' || row_number() OVER (PARTITION BY h ORDER BY line_no))::uuid
				      FROM statement_stage WHERE fp IS NULL) s
				WHERE true""" + notStored + firstInFile)
				.param("account", accountId).param("source", source).param("import", importId).update();
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
	 * good lines with their fingerprints to COPY in 64 KB batches.
	 */
	private static final class CopySink implements LineSink {
		private final CopyIn copy;
		private final CompanyAccount account;
		private final StringBuilder buffer = new StringBuilder(70_000);
		final List<ImportRefusedException.LineError> errors = new ArrayList<>();
		final Fingerprints fingerprints = new Fingerprints();
		int errorCount;
		int total;

		CopySink(CopyIn copy, CompanyAccount account) {
			this.copy = copy;
			this.account = account;
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
			buffer.append(l.lineNo()).append('\t').append(l.direction().name()).append('\t').append(amount).append('\t').append(l.currency())
					.append('\t').append(l.bookingDate()).append('\t');
			field(l.valueDate() == null ? null : l.valueDate().toString());
			field(l.bankReference());
			field(l.counterpartyName());
			field(l.counterpartyAccount());
			field(l.counterpartyBank());
			field(l.description());
			if (l.bankReference() != null) {
				buffer.append(fingerprints.withReference(l, amount, l.bankReference())).append("\t\\N\n");
			}
			else {
				buffer.append("\\N\t").append(fingerprints.content(l, amount)).append('\n');
			}
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
			if (buffer.isEmpty()) {
				return;
			}
			byte[] bytes = buffer.toString().getBytes(StandardCharsets.UTF_8);
			try {
				copy.writeToCopy(bytes, 0, bytes.length);
			}
			catch (SQLException e) {
				throw new IllegalStateException("staging the statement lines failed", e);
			}
			buffer.setLength(0);
		}
	}

	private static final class CountingStream extends java.io.FilterInputStream {
		long count;

		CountingStream(InputStream in) {
			super(in);
		}

		@Override
		public int read() throws IOException {
			int b = super.read();
			if (b >= 0) {
				count++;
			}
			return b;
		}

		@Override
		public int read(byte[] b, int off, int len) throws IOException {
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
