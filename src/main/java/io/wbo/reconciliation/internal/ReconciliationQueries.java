package io.wbo.reconciliation.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.wbo.common.AmountRange;
import io.wbo.common.Asset;
import io.wbo.common.CursorPage;
import io.wbo.common.DomainException;
import io.wbo.common.InvalidInputException;
import io.wbo.common.web.SaidMessage;
import io.wbo.reconciliation.Direction;
import io.wbo.reconciliation.ReconciliationResult;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Reads runs and their results for the 出金對帳 / 入金對帳 pages (cards with counts, the result list, export). */
@Component
class ReconciliationQueries {

	private final JdbcClient jdbc;

	ReconciliationQueries(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	record RunView(long id, Direction direction, long accountId, LocalDate from, LocalDate to, int windowDays, String startedBy,
			Instant startedAt, @Nullable Instant finishedAt, Map<String, Integer> counts) {
	}

	record RecordRef(String type, long id, @Nullable String serial) {
	}

	record FollowUpRef(long id, String status, @Nullable String assignee) {
	}

	record ResultView(long id, long runId, ReconciliationResult result, @SaidMessage String reason, @Nullable RecordRef record, @Nullable Long lineId,
			String currency, @Nullable String systemAmount, @Nullable String bankAmount, @Nullable LocalDate systemDate,
			@Nullable LocalDate bankDate, @Nullable String bankReference, @Nullable String counterpartyAccount, @Nullable FollowUpRef followUp) {
	}

	RunView run(long id) {
		return jdbc.sql("SELECT * FROM recon_run WHERE id = :id").param("id", id).query(ReconciliationQueries::runView).optional()
				.orElseThrow(() -> DomainException.notFound("reconciliation run", id));
	}

	CursorPage<RunView> runs(@Nullable Long accountId, @Nullable Direction direction, int size, @Nullable Long before) {
		List<RunView> rows = jdbc.sql("""
				SELECT * FROM recon_run WHERE (CAST(:account AS BIGINT) IS NULL OR account_id = :account)
				  AND (CAST(:direction AS TEXT) IS NULL OR direction = :direction) AND (CAST(:before AS BIGINT) IS NULL OR id < :before)
				ORDER BY id DESC LIMIT :limit""").param("account", accountId).param("direction", direction == null ? null : direction.name())
				.param("before", before).param("limit", size + 1).query(ReconciliationQueries::runView).list();
		return CursorPage.of(new ArrayList<>(rows), size, r -> Long.toString(r.id()));
	}

	private static final String RESULTS = """
			SELECT r.*, f.id AS follow_up_id, f.status AS follow_up_status, f.assignee FROM recon_result r
			LEFT JOIN recon_follow_up f ON f.subject_key = CASE WHEN r.record_id IS NOT NULL THEN 'RECORD:' || r.record_type || ':' || r.record_id
			                                                     ELSE 'LINE:' || r.line_id END
			""";

	/** A run's results, by the range of ids it recorded (V34), so the primary key finds them. */
	private static final String OF_RUN = " r.id BETWEEN (SELECT first_result_id FROM recon_run WHERE id = :run)"
			+ " AND (SELECT last_result_id FROM recon_run WHERE id = :run) AND r.run_id = :run";

	/**
	 * The filter of the result list and its export: the result, and an amount range ({@code minAmount}, {@code maxAmount})
	 * that a result matches when its system amount or its bank amount is in it. Either side, because the officer looking
	 * for "the 5,000 payout" must find it whichever side says 5,000: a mismatch (system 5,000.00, bank 4,990.00) is exactly
	 * the result searched for, and a result missing on one side has only the other amount to go by.
	 */
	record ResultFilter(@Nullable ReconciliationResult result, AmountRange amounts) {

		/** Reads the list's parameters; every bad one is reported at once, by name (400). */
		static ResultFilter parse(@Nullable String result, @Nullable String minAmount, @Nullable String maxAmount) {
			InvalidInputException.Collector errors = new InvalidInputException.Collector();
			ReconciliationResult r = errors.attempt(() -> result(result));
			AmountRange amounts = AmountRange.parse(minAmount, maxAmount, errors);
			errors.throwIfAny();
			return new ResultFilter(r, amounts);
		}

		private static @Nullable ReconciliationResult result(@Nullable String result) {
			if (result == null || result.isBlank()) {
				return null;
			}
			try {
				return ReconciliationResult.valueOf(result.trim());
			}
			catch (IllegalArgumentException e) {
				throw InvalidInputException.of("result", "must be one of MATCHED, AMOUNT_MISMATCH, MISSING_IN_BANK, MISSING_IN_SYSTEM");
			}
		}

		/**
		 * The WHERE conditions after a run's id range. No index serves the amounts, as none serves the result: a run's
		 * results are found by their id range (V34, which dropped the secondary index because it cost as much per result as
		 * the row when a run writes a million), and the filters are checked on the run's rows only.
		 */
		String sql() {
			String sql = " AND (CAST(:result AS TEXT) IS NULL OR r.result = :result)";
			return amounts.isEmpty() ? sql
					: sql + " AND ((" + amounts.condition("r.system_amount") + ") OR (" + amounts.condition("r.bank_amount") + "))";
		}

		JdbcClient.StatementSpec bind(JdbcClient.StatementSpec statement) {
			return statement.param("result", result == null ? null : result.name()).params(amounts.params());
		}
	}

	CursorPage<ResultView> results(long runId, ResultFilter filter, int size, @Nullable Long after) {
		run(runId);
		List<ResultView> rows = filter.bind(jdbc.sql(RESULTS + "WHERE" + OF_RUN + filter.sql() + """
				 AND r.id > COALESCE(CAST(:after AS BIGINT), 0)
				ORDER BY r.id LIMIT :limit""")).param("run", runId).param("after", after).param("limit", size + 1)
				.query(ReconciliationQueries::resultView).list();
		return CursorPage.of(new ArrayList<>(rows), size, r -> Long.toString(r.id()));
	}

	/** Streams every result of a run (export) without holding them in memory. */
	void forEachResult(long runId, ResultFilter filter, java.util.function.Consumer<ResultView> consumer) {
		filter.bind(jdbc.sql(RESULTS + "WHERE" + OF_RUN + filter.sql() + " ORDER BY r.id")).withFetchSize(1000).param("run", runId)
				.query((RowCallbackHandler) rs -> consumer.accept(resultView(rs, 0)));
	}

	Optional<ResultView> result(long id) {
		return jdbc.sql(RESULTS + "WHERE r.id = :id").param("id", id).query(ReconciliationQueries::resultView).optional();
	}

	private static RunView runView(ResultSet rs, int row) throws SQLException {
		Map<String, Integer> counts = new LinkedHashMap<>();
		counts.put("MATCHED", rs.getInt("matched"));
		counts.put("AMOUNT_MISMATCH", rs.getInt("amount_mismatch"));
		counts.put("MISSING_IN_BANK", rs.getInt("missing_in_bank"));
		counts.put("MISSING_IN_SYSTEM", rs.getInt("missing_in_system"));
		java.sql.Timestamp finished = rs.getTimestamp("finished_at");
		return new RunView(rs.getLong("id"), Direction.valueOf(rs.getString("direction")), rs.getLong("account_id"),
				rs.getObject("period_from", LocalDate.class), rs.getObject("period_to", LocalDate.class), rs.getInt("window_days"),
				rs.getString("started_by"), rs.getTimestamp("started_at").toInstant(), finished == null ? null : finished.toInstant(), counts);
	}

	static ResultView resultView(ResultSet rs, int row) throws SQLException {
		String currency = rs.getString("currency");
		Long recordId = (Long) rs.getObject("record_id");
		Long followUp = (Long) rs.getObject("follow_up_id");
		return new ResultView(rs.getLong("id"), rs.getLong("run_id"), ReconciliationResult.valueOf(rs.getString("result")), rs.getString("reason"),
				recordId == null ? null : new RecordRef(rs.getString("record_type"), recordId, rs.getString("record_serial")),
				(Long) rs.getObject("line_id"), currency, money(rs.getBigDecimal("system_amount"), currency),
				money(rs.getBigDecimal("bank_amount"), currency), rs.getObject("system_date", LocalDate.class),
				rs.getObject("bank_date", LocalDate.class), rs.getString("bank_reference"), rs.getString("counterparty_account"),
				followUp == null ? null : new FollowUpRef(followUp, rs.getString("follow_up_status"), rs.getString("assignee")));
	}

	static @Nullable String money(@Nullable BigDecimal amount, String currency) {
		if (amount == null) {
			return null;
		}
		int scale;
		try {
			scale = Asset.of(currency).scale();
		}
		catch (RuntimeException e) {
			scale = 2;
		}
		return amount.setScale(scale, RoundingMode.HALF_EVEN).toPlainString();
	}
}
