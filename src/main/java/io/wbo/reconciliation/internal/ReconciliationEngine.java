package io.wbo.reconciliation.internal;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;

import javax.sql.DataSource;

import io.wbo.audit.AuditLog;
import io.wbo.audit.AuditRecord;
import io.wbo.audit.FieldChange;
import io.wbo.common.AccountNumbers;
import io.wbo.common.Actor;
import io.wbo.common.InvalidInputException;
import io.wbo.common.PhaseTimes;
import io.wbo.customer.Customers;
import io.wbo.reconciliation.Direction;
import io.wbo.reconciliation.ReconciliationResult;
import io.wbo.reconciliation.ReconciliationSource;
import io.wbo.reconciliation.ReconciliationStates;
import io.wbo.reconciliation.RecordReconciled;
import io.wbo.reconciliation.RecordsReconciled;
import io.wbo.reconciliation.SystemRecord;
import org.jspecify.annotations.Nullable;
import org.postgresql.PGConnection;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 刷新: one reconciliation run of a direction, a company account and a period, all set-based SQL in one
 * transaction. The system records of the direction's sources are spooled to a temporary file and COPYed into a
 * temporary table; the bank lines of the period (widened by the date window) are copied beside them. Matches are then
 * appended to a third temporary table, each step taking only what earlier steps left: hand-made tags, the bank
 * reference, then (on the few records and lines the references left, set aside) one bank line for a whole payout batch, amount + currency + counterparty account within the window
 * (closest date first, mutual best pairs, repeated until nothing more pairs), and the same counterparty with another
 * amount (AMOUNT_MISMATCH). What is left is MISSING_IN_BANK or MISSING_IN_SYSTEM. Every join is an equality join (hash
 * or index), never records × lines.
 *
 * <p>Statement lines are read and marked here with SQL on statement_line: both modules are owned together and the
 * million-line target rules out moving every line through Java twice. The columns written are status (MATCHED /
 * UNMATCHED, never touching TAGGED or DELETED), the matched record and the recon_* columns, none of them indexed, so
 * a line is marked in place (V35); only lines whose marks change are written.
 *
 * <p>A re-run recomputes from the same inputs and gives the same result, and writes nothing but the run and its
 * results: the latest result per record is kept in recon_record_state and {@link RecordReconciled} is published
 * (synchronously, in this transaction) only for records whose result changed. Each run logs how long each phase took.
 */
@Service
public class ReconciliationEngine {

	private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(ReconciliationEngine.class);
	public static final int DEFAULT_WINDOW_DAYS = 3;

	private static final int MAX_ROUNDS = 100;
	/** At most this many sources (see loadRecords). */
	private static final int SLOTS = 16;

	private final JdbcClient jdbc;
	private final DataSource dataSource;
	private final List<ReconciliationSource> sources;
	private final Customers customers;
	private final AuditLog audit;
	private final ApplicationEventPublisher events;

	ReconciliationEngine(JdbcClient jdbc, DataSource dataSource, List<ReconciliationSource> sources, Customers customers, AuditLog audit,
			ApplicationEventPublisher events) {
		this.jdbc = jdbc;
		this.dataSource = dataSource;
		// a fixed order: each source's slot is part of its records' keys (see loadRecords)
		this.sources = sources.stream().sorted(java.util.Comparator.comparing(ReconciliationSource::recordType)).toList();
		if (this.sources.size() > SLOTS) {
			throw new IllegalStateException("at most " + SLOTS + " reconciliation sources, not " + sources.size());
		}
		this.customers = customers;
		this.audit = audit;
		this.events = events;
	}

	@Transactional
	public long run(@Nullable Direction direction, @Nullable Long accountId, @Nullable LocalDate from, @Nullable LocalDate to,
			@Nullable Integer windowDays, Actor actor) {
		InvalidInputException.Collector errors = new InvalidInputException.Collector();
		errors.require(direction != null, "direction", "is required (IN or OUT)");
		errors.require(accountId != null, "accountId", "is required");
		errors.require(from != null, "from", "is required");
		errors.require(to != null, "to", "is required");
		int window = windowDays == null ? DEFAULT_WINDOW_DAYS : windowDays;
		errors.require(window >= 0 && window <= 31, "windowDays", "must be between 0 and 31");
		errors.throwIfAny();
		io.wbo.common.Periods.requireOrdered(from, to);
		if (ChronoUnit.DAYS.between(from, to) > 366) {
			throw InvalidInputException.of("to", "a period is at most one year");
		}
		customers.requireCompanyAccount(accountId, "accountId");
		// one run at a time per account and direction; a second waits and then sees the first one's marks
		jdbc.sql("SELECT pg_advisory_xact_lock(hashtext('reconciliation'), hashtext(:key))").param("key", accountId + ":" + direction)
				.query(Object.class).list();
		long runId = jdbc.sql("""
				INSERT INTO recon_run (direction, account_id, period_from, period_to, window_days, started_by)
				VALUES (:direction, :account, :from, :to, :window, :by) RETURNING id""")
				.param("direction", direction.name()).param("account", accountId).param("from", from).param("to", to).param("window", window)
				.param("by", actor.name()).query(Long.class).single();

		// the matching sorts and hashes whole periods: give this transaction room to do it in memory
		jdbc.sql("SET LOCAL work_mem = '128MB'").update();
		PhaseTimes phases = new PhaseTimes();
		loadRecords(direction, accountId, from, to);
		phases.done("records");
		loadLines(direction, accountId, from.minusDays(window), to.plusDays(window));
		phases.done("lines");
		createMatches();
		matchTags();
		matchReferences();
		analyzeMatches();
		phases.done("references");
		setAsideFree();
		matchBatches(window);
		repeat(() -> matchAmounts(window));
		repeat(() -> matchMismatches(window));
		phases.done("amounts");
		writeResults(runId, direction, from, to, window);
		phases.done("results");
		markLines(runId, direction, from, to);
		phases.done("lines-marked");
		keepStates(runId, window);
		phases.done("states");
		publishChanges(runId);
		phases.done("events");
		// the transaction's now() is when the run started
		jdbc.sql("UPDATE recon_run SET finished_at = clock_timestamp() WHERE id = :run").param("run", runId).update();
		log.info("reconciliation run {} ({} {} {}..{}): {}", runId, direction, accountId, from, to, phases);
		audit.record(AuditRecord.of(actor, "RECONCILIATION_RUN", "ReconciliationRun", runId, List.of(FieldChange.set("direction", direction),
				FieldChange.set("accountId", accountId), FieldChange.set("period", from + ".." + to), FieldChange.set("windowDays", window))));
		return runId;
	}

	/**
	 * A record's key in a run, rid, is its id times {@value #SLOTS} plus its source's slot: unique across sources,
	 * and the same in every run, so the matching breaks ties between equally good candidates by it (the older record
	 * first) and a re-run pairs them as the first run did, whatever order the sources return them in. The temporary
	 * tables of a run carry no index: every step joins whole tables (hash joins), and building indexes on a million
	 * rows cost more than the steps that could use them.
	 */
	private void loadRecords(Direction direction, long accountId, LocalDate from, LocalDate to) {
		jdbc.sql("""
				CREATE TEMP TABLE recon_rr (
				  rid BIGINT NOT NULL, record_type TEXT NOT NULL, record_id BIGINT NOT NULL, serial TEXT,
				  currency TEXT NOT NULL, amount NUMERIC NOT NULL, d DATE NOT NULL, cp TEXT, cp_raw TEXT, ref TEXT, batch TEXT) ON COMMIT DROP""").update();
		Path spool;
		boolean streamed = false;
		try {
			spool = Files.createTempFile("wbo-recon-", ".copy");
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		try {
			// sources stream their rows from a cursor on this transaction's connection, so they are spooled first
			try (BufferedWriter out = Files.newBufferedWriter(spool, StandardCharsets.UTF_8)) {
				StringBuilder row = new StringBuilder(256);
				for (int slot = 0; slot < sources.size(); slot++) {
					ReconciliationSource source = sources.get(slot);
					if (source.direction() != direction) {
						continue;
					}
					if (source.recordsQuery().isPresent()) {
						copyBySql(source, slot, accountId, from, to);
						continue;
					}
					streamed = true;
					int sourceSlot = slot;
					source.forEachRecord(accountId, from, to, r -> {
						row.setLength(0);
						appendRecord(row, sourceSlot, r);
						try {
							out.write(row.toString());
						}
						catch (IOException e) {
							throw new UncheckedIOException(e);
						}
					});
				}
			}
			Connection connection = DataSourceUtils.getConnection(dataSource);
			try (Reader in = Files.newBufferedReader(spool, StandardCharsets.UTF_8)) {
				connection.unwrap(PGConnection.class).getCopyAPI().copyIn(
						"COPY recon_rr (rid, record_type, record_id, serial, currency, amount, d, cp, cp_raw, ref, batch) FROM STDIN", in, 65536);
			}
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		catch (SQLException e) {
			throw new IllegalStateException("loading the system records failed", e);
		}
		finally {
			try {
				Files.deleteIfExists(spool);
			}
			catch (IOException ignored) {
				// a temp file left behind is harmless
			}
		}
		if (streamed) {
			// a streamed source listing a record twice must not count it twice (a query's rows come from the owner's keys)
			jdbc.sql("DELETE FROM recon_rr a USING recon_rr b WHERE a.rid = b.rid AND a.ctid > b.ctid").update();
		}
		jdbc.sql("ANALYZE recon_rr").update();
	}

	/**
	 * A source's records copied by one statement from its own query; the same columns as {@link #appendRecord}
	 * writes, the reference trimmed and blank as none, the counterparty key left to setAsideFree, which computes it
	 * for the few records the references leave (as it does for lines).
	 */
	private void copyBySql(ReconciliationSource source, int slot, long accountId, LocalDate from, LocalDate to) {
		jdbc.sql("""
				INSERT INTO recon_rr (rid, record_type, record_id, serial, currency, amount, d, cp, cp_raw, ref, batch)
				SELECT q.record_id * %d + :slot, :type, q.record_id, q.serial, q.currency, q.amount, q.d, NULL, q.counterparty,
				       NULLIF(btrim(q.bank_reference, E' \\t\\n\\r\\f\\v'), ''), q.batch
				FROM (%s) q""".formatted(SLOTS, source.recordsQuery().orElseThrow()))
				.param("slot", slot).param("type", source.recordType()).param("account", accountId).param("from", from).param("to", to).update();
	}

	private static void appendRecord(StringBuilder row, int slot, SystemRecord r) {
		field(row, Long.toString(r.id() * SLOTS + slot));
		field(row, r.recordType());
		field(row, Long.toString(r.id()));
		field(row, r.serial());
		field(row, r.currency());
		field(row, r.amount().toPlainString());
		field(row, r.date().toString());
		field(row, AccountNumbers.key(r.counterpartyAccount()));
		field(row, r.counterpartyAccount());
		String ref = r.bankReference() == null || r.bankReference().isBlank() ? null : r.bankReference().trim();
		field(row, ref);
		text(row, r.batchId());
		row.append('\n');
	}

	private static void field(StringBuilder row, @Nullable String value) {
		text(row, value);
		row.append('\t');
	}

	private static void text(StringBuilder row, @Nullable String value) {
		if (value == null) {
			row.append("\\N");
			return;
		}
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			switch (c) {
				case '\\' -> row.append("\\\\");
				case '\t' -> row.append("\\t");
				case '\n' -> row.append("\\n");
				case '\r' -> row.append("\\r");
				default -> row.append(c);
			}
		}
	}

	/**
	 * The lines of the period, less those already bound (tagged or matched) to a record this run does not see. Right
	 * after a large import the line statistics are stale and promise a few rows: without nested loops the planner hashes
	 * the records instead of probing them once per line, and without plain index scans it reads the period's lines
	 * through a bitmap, in the order of the table, instead of jumping through the table in fingerprint order.
	 */
	private void loadLines(Direction direction, long accountId, LocalDate from, LocalDate to) {
		jdbc.sql("SET LOCAL enable_nestloop = off").update();
		jdbc.sql("SET LOCAL enable_indexscan = off").update();
		jdbc.sql("""
				CREATE TEMP TABLE recon_rl ON COMMIT DROP AS
				SELECT s.id, s.currency, s.amount, s.booking_date AS d, s.counterparty_account AS cp_raw, NULLIF(btrim(s.bank_reference), '') AS ref, s.status, s.record_type, s.record_id
				FROM statement_line s LEFT JOIN recon_rr r ON r.record_type = s.record_type AND r.record_id = s.record_id
				WHERE s.account_id = :account AND s.direction = :direction AND s.booking_date BETWEEN :from AND :to AND s.status <> 'DELETED'
				  AND (s.record_id IS NULL OR s.status NOT IN ('TAGGED', 'MATCHED') OR r.rid IS NOT NULL)""")
				.param("account", accountId).param("direction", direction.name()).param("from", from).param("to", to).update();
		jdbc.sql("SET LOCAL enable_nestloop = on").update();
		jdbc.sql("SET LOCAL enable_indexscan = on").update();
		jdbc.sql("ANALYZE recon_rl").update();
	}

	private static final String MONEY_BANK = money("l.amount", "l.currency");
	private static final String MONEY_SYSTEM = money("r.amount", "r.currency");

	/** An amount as a reason says it. Reasons are written after the matching picks its pairs: only their amounts are said. */
	private static String money(String amount, String currency) {
		return "round(" + amount + ", 2)::text || ' ' || " + currency;
	}
	private static final String FREE_RECORD = "NOT EXISTS (SELECT 1 FROM recon_m m WHERE m.rid = r.rid)";
	private static final String FREE_LINE = "NOT EXISTS (SELECT 1 FROM recon_m m WHERE m.lid = l.id)";

	/**
	 * Matches are appended to recon_m (record, line, result, reason); the loaded tables are never updated, and each
	 * step only considers records and lines that no earlier step took.
	 */
	private void createMatches() {
		// lead: the one row per line that speaks for it (a batch line has a row per payout)
		jdbc.sql("""
				CREATE TEMP TABLE recon_m (rid BIGINT NOT NULL, lid BIGINT NOT NULL, result TEXT NOT NULL, reason TEXT NOT NULL, label TEXT,
				  lead BOOLEAN NOT NULL DEFAULT true) ON COMMIT DROP""").update();
	}

	private void analyzeMatches() {
		jdbc.sql("ANALYZE recon_m").update();
	}

	private void matchTags() {
		jdbc.sql("""
				INSERT INTO recon_m (rid, lid, result, reason)
				SELECT r.rid, l.id, 'MATCHED', :tagged FROM recon_rl l
				JOIN recon_rr r ON r.record_type = l.record_type AND r.record_id = l.record_id
				WHERE l.status = 'TAGGED'""").param("tagged", ReconciliationStates.TAGGED_BY_HAND).update();
	}

	private void matchReferences() {
		jdbc.sql("""
				INSERT INTO recon_m (rid, lid, result, reason)
				SELECT rid, lid, CASE WHEN same THEN 'MATCHED' ELSE 'AMOUNT_MISMATCH' END,
				  CASE WHEN same THEN 'same bank reference ' || ref ELSE 'bank reference ' || ref || ': bank ' || %s || ', system ' || %s END
				FROM (
				  SELECT r.rid, l.id AS lid, r.amount = l.amount AS same, r.ref, l.amount AS l_amount, r.amount AS r_amount, r.currency,
				    row_number() OVER (PARTITION BY r.rid ORDER BY abs(l.d - r.d), l.id) AS rn_r,
				    row_number() OVER (PARTITION BY l.id ORDER BY abs(l.d - r.d), r.rid) AS rn_l
				  FROM recon_rr r JOIN recon_rl l ON l.ref = r.ref AND l.currency = r.currency
				  WHERE %s AND %s) p
				WHERE rn_r = 1 AND rn_l = 1""".formatted(money("l_amount", "currency"), money("r_amount", "currency"), FREE_RECORD, FREE_LINE))
				.update();
	}

	/** One bank debit for a whole payout batch (one-to-many): the batch's total, its currency, within the window. */
	private void matchBatches(int window) {
		take("""
				INSERT INTO recon_m (rid, lid, result, reason, label, lead)
				WITH free AS (SELECT * FROM recon_fr WHERE batch IS NOT NULL),
				b AS (SELECT batch, currency, sum(amount) AS total, max(d) AS d, count(*) AS n FROM free GROUP BY batch, currency HAVING count(*) > 1),
				p AS (
				  SELECT b.batch, b.currency, b.n, b.total, l.id AS lid,
				    row_number() OVER (PARTITION BY b.batch, b.currency ORDER BY abs(l.d - b.d), l.id) AS rn_b,
				    row_number() OVER (PARTITION BY l.id ORDER BY abs(l.d - b.d), b.batch) AS rn_l
				  FROM b JOIN recon_fl l ON l.currency = b.currency AND l.amount = b.total AND l.d BETWEEN b.d - :w AND b.d + :w),
				mm AS (SELECT * FROM p WHERE rn_b = 1 AND rn_l = 1)
				SELECT f.rid, mm.lid, 'MATCHED', 'one bank line for batch ' || mm.batch || ' (' || mm.n || ' payouts, ' || round(mm.total, 2)::text
				  || ' ' || mm.currency || ')', 'batch ' || mm.batch, row_number() OVER (PARTITION BY mm.lid ORDER BY f.rid) = 1
				FROM mm JOIN free f ON f.batch = mm.batch AND f.currency = mm.currency""", window);
	}

	private int matchAmounts(int window) {
		return take("""
				INSERT INTO recon_m (rid, lid, result, reason)
				SELECT rid, lid, 'MATCHED', 'same amount and currency' || CASE WHEN same_cp THEN ' and counterparty account' ELSE '' END
				  || CASE WHEN days = 0 THEN ', same day' WHEN days = 1 THEN ', 1 day apart' ELSE ', ' || days || ' days apart' END
				FROM (
				  SELECT r.rid, l.id AS lid, abs(l.d - r.d) AS days, (r.cp IS NOT NULL AND r.cp = l.cp) AS same_cp,
				    row_number() OVER (PARTITION BY r.rid ORDER BY (r.cp IS NOT NULL AND r.cp = l.cp) DESC, abs(l.d - r.d), l.id) AS rn_r,
				    row_number() OVER (PARTITION BY l.id ORDER BY (r.cp IS NOT NULL AND r.cp = l.cp) DESC, abs(l.d - r.d), r.rid) AS rn_l
				  FROM recon_fr r JOIN recon_fl l ON l.currency = r.currency AND l.amount = r.amount AND l.d BETWEEN r.d - :w AND r.d + :w
				    AND (r.cp IS NULL OR l.cp IS NULL OR r.cp = l.cp)) p
				WHERE rn_r = 1 AND rn_l = 1""", window);
	}

	/** The bank paid the same counterparty within the window, but another amount. */
	private int matchMismatches(int window) {
		return take("""
				INSERT INTO recon_m (rid, lid, result, reason)
				SELECT rid, lid, 'AMOUNT_MISMATCH', 'same counterparty account within the window but bank ' || bank_money || ', system ' || system_money
				FROM (
				  SELECT r.rid, l.id AS lid, %s AS bank_money, %s AS system_money,
				    row_number() OVER (PARTITION BY r.rid ORDER BY abs(l.amount - r.amount), abs(l.d - r.d), l.id) AS rn_r,
				    row_number() OVER (PARTITION BY l.id ORDER BY abs(l.amount - r.amount), abs(l.d - r.d), r.rid) AS rn_l
				  FROM recon_fr r JOIN recon_fl l ON l.currency = r.currency AND l.cp = r.cp AND l.d BETWEEN r.d - :w AND r.d + :w
				  WHERE r.cp IS NOT NULL) p
				WHERE rn_r = 1 AND rn_l = 1""".formatted(MONEY_BANK, MONEY_SYSTEM), window);
	}

	/**
	 * After the references, few records and lines are left (a tenth, typically): they are set aside so that the steps
	 * after it, some repeated round after round, join only them instead of filtering the whole period each time.
	 */
	private void setAsideFree() {
		jdbc.sql("CREATE TEMP TABLE recon_fr ON COMMIT DROP AS SELECT * FROM recon_rr r WHERE " + FREE_RECORD).update();
		// records copied by SQL come without their counterparty key (AccountNumbers' rule, here in SQL)
		jdbc.sql("""
				UPDATE recon_fr SET cp = NULLIF(upper(regexp_replace(cp_raw, '[^0-9A-Za-z]', '', 'g')), '')
				WHERE cp IS NULL AND cp_raw IS NOT NULL""").update();
		// the counterparty account is normalised (as AccountNumbers.key does) only here: only the rules after the references use it
		jdbc.sql("""
				CREATE TEMP TABLE recon_fl ON COMMIT DROP AS
				SELECT l.*, NULLIF(upper(regexp_replace(coalesce(l.cp_raw, ''), '[^0-9A-Za-z]', '', 'g')), '') AS cp
				FROM recon_rl l WHERE %s""".formatted(FREE_LINE)).update();
		jdbc.sql("ANALYZE recon_fr").update();
		jdbc.sql("ANALYZE recon_fl").update();
	}

	/** Runs one matching INSERT into recon_m and takes what it matched out of the free records and lines. */
	private int take(String insertIntoMatches, int window) {
		return jdbc.sql("WITH taken AS (" + insertIntoMatches + """
				 RETURNING rid, lid),
				gone_records AS (DELETE FROM recon_fr f USING taken t WHERE f.rid = t.rid),
				gone_lines AS (DELETE FROM recon_fl f USING taken t WHERE f.id = t.lid)
				SELECT count(*) FROM taken""").param("w", window).query(Integer.class).single();
	}

	private static void repeat(java.util.function.IntSupplier round) {
		for (int i = 0; i < MAX_ROUNDS; i++) {
			if (round.getAsInt() == 0) {
				return;
			}
		}
	}

	private static String missingInBank(int window) {
		return "no bank line with its bank reference, nor with its amount, currency and counterparty account within ±" + window + " days";
	}

	private static String missingInSystem(Direction direction) {
		return direction == Direction.OUT ? "no completed withdrawal matches this bank line" : "no credited deposit matches this bank line";
	}

	/**
	 * One INSERT for all results of the run; the run keeps the range of their ids (how its results are found, V34) and
	 * the count per result, both taken from what the INSERT returns.
	 */
	private void writeResults(long runId, Direction direction, LocalDate from, LocalDate to, int window) {
		jdbc.sql("""
				WITH written AS (
				INSERT INTO recon_result (run_id, result, reason, record_type, record_id, record_serial, line_id, currency, system_amount,
				  bank_amount, system_date, bank_date, bank_reference, counterparty_account)
				SELECT :run, coalesce(m.result, 'MISSING_IN_BANK'), coalesce(m.reason, :missingInBank), r.record_type, r.record_id, r.serial, m.lid,
				  r.currency, r.amount, l.amount, r.d, l.d, coalesce(l.ref, r.ref), coalesce(r.cp_raw, l.cp_raw)
				FROM recon_rr r LEFT JOIN recon_m m ON m.rid = r.rid LEFT JOIN recon_rl l ON l.id = m.lid
				UNION ALL
				SELECT :run, 'MISSING_IN_SYSTEM', :missingInSystem, NULL, NULL, NULL, l.id, l.currency, NULL, l.amount, NULL, l.d, l.ref, l.cp_raw
				FROM recon_rl l WHERE l.d BETWEEN :from AND :to AND NOT EXISTS (SELECT 1 FROM recon_m m WHERE m.lid = l.id)
				RETURNING id, result)
				UPDATE recon_run SET first_result_id = w.first_id, last_result_id = w.last_id, matched = w.matched,
				  amount_mismatch = w.amount_mismatch, missing_in_bank = w.missing_in_bank, missing_in_system = w.missing_in_system
				FROM (SELECT min(id) AS first_id, max(id) AS last_id, count(*) FILTER (WHERE result = 'MATCHED') AS matched,
				        count(*) FILTER (WHERE result = 'AMOUNT_MISMATCH') AS amount_mismatch,
				        count(*) FILTER (WHERE result = 'MISSING_IN_BANK') AS missing_in_bank,
				        count(*) FILTER (WHERE result = 'MISSING_IN_SYSTEM') AS missing_in_system FROM written) w
				WHERE recon_run.id = :run""")
				.param("run", runId).param("missingInBank", missingInBank(window)).param("missingInSystem", missingInSystem(direction))
				.param("from", from).param("to", to).update();
	}

	private void markLines(long runId, Direction direction, LocalDate from, LocalDate to) {
		jdbc.sql("""
				UPDATE statement_line s SET
				  status = x.new_status, record_type = x.new_type, record_id = x.new_id, record_serial = x.new_serial,
				  recon_result = x.result, recon_reason = x.reason, recon_run_id = CASE WHEN x.result IS NULL THEN NULL ELSE :run END,
				  version = s.version + 1
				FROM (
				  SELECT l.id, l.status,
				    CASE WHEN m.lid IS NOT NULL THEN m.result WHEN l.d BETWEEN :from AND :to THEN 'MISSING_IN_SYSTEM' END AS result,
				    CASE WHEN m.lid IS NOT NULL THEN m.reason WHEN l.d BETWEEN :from AND :to THEN :missingInSystem END AS reason,
				    CASE WHEN l.status = 'TAGGED' THEN 'TAGGED' WHEN m.result = 'MATCHED' THEN 'MATCHED' ELSE 'UNMATCHED' END AS new_status,
				    CASE WHEN l.status = 'TAGGED' THEN l.record_type WHEN m.label IS NOT NULL THEN 'BATCH' ELSE r.record_type END AS new_type,
				    CASE WHEN l.status = 'TAGGED' THEN l.record_id WHEN m.label IS NOT NULL THEN NULL ELSE r.record_id END AS new_id,
				    coalesce(m.label, r.serial) AS new_serial
				  FROM recon_rl l
				  LEFT JOIN recon_m m ON m.lid = l.id AND m.lead
				  LEFT JOIN recon_rr r ON r.rid = m.rid) x
				WHERE s.id = x.id AND s.status <> 'DELETED' AND (x.result IS NOT NULL OR s.status = 'MATCHED')
				  AND (s.status, s.record_type, s.record_id, s.record_serial, s.recon_result, s.recon_reason)
				      IS DISTINCT FROM (x.new_status, x.new_type, x.new_id, x.new_serial, x.result, x.reason)""")
				.param("run", runId).param("from", from).param("to", to).param("missingInSystem", missingInSystem(direction)).update();
	}

	/**
	 * Keeps the latest result per record; the records whose result changed are kept aside in recon_changed for
	 * {@link #publishChanges}.
	 */
	private void keepStates(long runId, int window) {
		jdbc.sql("""
				CREATE TEMP TABLE recon_changed ON COMMIT DROP AS
				SELECT r.record_type, r.record_id, n.result, n.reason, m.lid AS line_id, s.record_id IS NULL AS fresh, s.result AS previous
				FROM recon_rr r LEFT JOIN recon_m m ON m.rid = r.rid
				CROSS JOIN LATERAL (SELECT coalesce(m.result, 'MISSING_IN_BANK') AS result, coalesce(m.reason, :missingInBank) AS reason) n
				LEFT JOIN recon_record_state s ON s.record_type = r.record_type AND s.record_id = r.record_id
				WHERE s.record_id IS NULL OR (s.result, s.reason, s.line_id) IS DISTINCT FROM (n.result, n.reason, m.lid)""")
				.param("missingInBank", missingInBank(window)).update();
		// plain UPDATE and INSERT of the changed records only: an upsert of every record would write each of them
		jdbc.sql("""
				UPDATE recon_record_state s SET result = c.result, reason = c.reason, line_id = c.line_id, run_id = :run
				FROM recon_changed c WHERE NOT c.fresh AND s.record_type = c.record_type AND s.record_id = c.record_id""")
				.param("run", runId).update();
		jdbc.sql("""
				INSERT INTO recon_record_state (record_type, record_id, result, reason, line_id, run_id)
				SELECT record_type, record_id, result, reason, line_id, :run FROM recon_changed WHERE fresh""").param("run", runId).update();
	}

	/**
	 * Publishes the records whose result changed — all but first clean matches — in {@link RecordsReconciled} chunks,
	 * read back through a cursor, so a first run of a million records never holds them all in memory; listeners may run
	 * SQL on this connection meanwhile.
	 */
	private void publishChanges(long runId) {
		java.util.List<RecordReconciled> chunk = new java.util.ArrayList<>(RecordsReconciled.CHUNK);
		// a first clean match is the expected outcome of nearly every record: it is in recon_record_state, not worth an event
		jdbc.sql("SELECT record_type, record_id, previous, result, reason, line_id FROM recon_changed WHERE previous IS NOT NULL OR result <> 'MATCHED'")
				.withFetchSize(5000)
				.query((org.springframework.jdbc.core.RowCallbackHandler) rs -> {
					String previous = rs.getString("previous");
					chunk.add(new RecordReconciled(rs.getString("record_type"), rs.getLong("record_id"),
							previous == null ? null : ReconciliationResult.valueOf(previous), ReconciliationResult.valueOf(rs.getString("result")),
							rs.getString("reason"), runId, (Long) rs.getObject("line_id")));
					if (chunk.size() == RecordsReconciled.CHUNK) {
						events.publishEvent(new RecordsReconciled(chunk));
						chunk.clear();
					}
				});
		if (!chunk.isEmpty()) {
			events.publishEvent(new RecordsReconciled(chunk));
		}
	}
}
