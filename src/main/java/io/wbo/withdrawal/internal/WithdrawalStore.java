package io.wbo.withdrawal.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.wbo.common.Actor;
import io.wbo.common.Asset;
import io.wbo.common.BusinessDay;
import io.wbo.common.DomainException;
import io.wbo.common.Money;
import io.wbo.withdrawal.WithdrawalStatus;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** SQL of withdrawal applications, their payout orders and their history. */
@Component
class WithdrawalStore {

	private final JdbcClient jdbc;

	WithdrawalStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	record NewWithdrawal(long customerId, String customerNo, String customerName, Money amount, Money fee, Withdrawal.Card card,
			@Nullable String remark, String source, String createdBy) {
	}

	/** Inserts a new application and its CREATED history entry; returns it as stored, locked by the insert. */
	Withdrawal insert(NewWithdrawal w) {
		return jdbc.sql("""
				WITH w AS (
				  INSERT INTO withdrawal (serial, customer_id, customer_no, customer_name, currency, amount, fee, bank_card_id,
				                          card_bank_name, card_bank_code, card_account_no, card_holder_name, remark, source, status, created_by)
				  VALUES ('W' || """ + BusinessDay.SQL_TODAY_DIGITS + """
				          || '-' || lpad(nextval('withdrawal_serial_seq')::text, 6, '0'),
				          :customerId, :customerNo, :customerName, :currency, :amount, :fee, :cardId, :bankName, :bankCode, :accountNo,
				          :holder, :remark, :source, 'RISK_CHECKING', :createdBy)
				  RETURNING *
				), ev AS (
				  INSERT INTO withdrawal_event (withdrawal_id, actor, action, from_status, to_status, remark)
				  SELECT id, :createdBy, 'CREATED', NULL, status, remark FROM w
				)
				SELECT * FROM w""")
				.param("customerId", w.customerId()).param("customerNo", w.customerNo()).param("customerName", w.customerName())
				.param("currency", w.amount().asset().code()).param("amount", w.amount().amount()).param("fee", w.fee().amount())
				.param("cardId", w.card().id()).param("bankName", w.card().bankName()).param("bankCode", w.card().bankCode())
				.param("accountNo", w.card().accountNo()).param("holder", w.card().holderName()).param("remark", w.remark())
				.param("source", w.source()).param("createdBy", w.createdBy())
				.query(WithdrawalStore::map).single();
	}

	Optional<Withdrawal> lock(long id) {
		return jdbc.sql("SELECT * FROM withdrawal WHERE id = :id FOR UPDATE").param("id", id).query(WithdrawalStore::map).optional();
	}

	Withdrawal require(long id) {
		return lock(id).orElseThrow(() -> DomainException.notFound("withdrawal", id));
	}

	Optional<Withdrawal> find(long id) {
		return jdbc.sql("SELECT * FROM withdrawal WHERE id = :id").param("id", id).query(WithdrawalStore::map).optional();
	}

	static Withdrawal map(ResultSet rs, int n) throws SQLException {
		Asset asset = Asset.of(rs.getString("currency"));
		return new Withdrawal(rs.getLong("id"), rs.getString("serial"), rs.getLong("customer_id"), asset,
				new Money(asset, rs.getBigDecimal("amount")), new Money(asset, rs.getBigDecimal("fee")),
				new Withdrawal.Card(rs.getLong("bank_card_id"), rs.getString("card_bank_name"), rs.getString("card_bank_code"),
						rs.getString("card_account_no"), rs.getString("card_holder_name")),
				rs.getString("remark"), WithdrawalStatus.valueOf(rs.getString("status")), rs.getInt("freeze_version"),
				(Long) rs.getObject("pending_edit_wo"), (Long) rs.getObject("batch_id"),
				(Long) rs.getObject("payout_id"), rs.getString("close_reason"), rs.getString("failure_reason"),
				rs.getString("abnormal_action"), (Long) rs.getObject("abnormal_wo"), rs.getTimestamp("created_at").toInstant(),
				rs.getInt("version"));
	}

	/** Writes the aggregate's mutable state; the version guards against a lost update. */
	void save(Withdrawal w) {
		int updated = jdbc.sql("""
				UPDATE withdrawal SET amount = :amount, fee = :fee, bank_card_id = :cardId, card_bank_name = :bankName,
				       card_bank_code = :bankCode, card_account_no = :accountNo, card_holder_name = :holder, remark = :remark,
				       status = :status, freeze_version = :fv, pending_edit_wo = :pe, close_reason = :close,
				       deleted = (:status = 'DELETED'), batch_id = :batch, payout_id = :payout, failure_reason = :failure,
				       abnormal_action = :aa, abnormal_wo = :awo,
				       submitted_at = CASE WHEN :status = 'SUBMITTED' AND submitted_at IS NULL THEN now() ELSE submitted_at END,
				       completed_at = CASE WHEN :status = 'COMPLETED' THEN now() ELSE completed_at END,
				       updated_at = now(), version = version + 1
				WHERE id = :id AND version = :version""")
				.param("amount", w.amount().amount()).param("fee", w.fee().amount()).param("cardId", w.card().id())
				.param("bankName", w.card().bankName()).param("bankCode", w.card().bankCode()).param("accountNo", w.card().accountNo())
				.param("holder", w.card().holderName()).param("remark", w.remark()).param("status", w.status().name())
				.param("fv", w.freezeVersion()).param("pe", w.pendingEdit()).param("close", w.closeReason())
				.param("batch", w.batchId()).param("payout", w.payoutId()).param("failure", w.failureReason())
				.param("aa", w.abnormalAction()).param("awo", w.abnormalWorkOrder()).param("id", w.id()).param("version", w.version())
				.update();
		if (updated != 1) {
			throw DomainException.conflict("withdrawal " + w.serial() + " was changed by someone else; reload and try again");
		}
	}

	void setPayoutInfo(long id, long accountId, String channel, @Nullable String bankReference) {
		jdbc.sql("UPDATE withdrawal SET paying_account_id = :a, channel = :c, bank_reference = COALESCE(:r, bank_reference) WHERE id = :id")
				.param("a", accountId).param("c", channel).param("r", bankReference).param("id", id).update();
	}

	void setBankReference(long id, @Nullable String bankReference) {
		if (bankReference != null) {
			jdbc.sql("UPDATE withdrawal SET bank_reference = :r WHERE id = :id").param("r", bankReference).param("id", id).update();
		}
	}

	void setRisk(long id, String result, String reasonsJson) {
		jdbc.sql("UPDATE withdrawal SET risk_result = :r, risk_reasons = :reasons, risk_checked_at = now() WHERE id = :id")
				.param("r", result).param("reasons", reasonsJson).param("id", id).update();
	}

	void clearRisk(long id) {
		jdbc.sql("UPDATE withdrawal SET risk_result = NULL, risk_reasons = NULL, risk_checked_at = NULL WHERE id = :id")
				.param("id", id).update();
	}

	void event(long withdrawalId, Actor actor, String action, @Nullable WithdrawalStatus from, @Nullable WithdrawalStatus to,
			@Nullable Long workOrderId, @Nullable String remark) {
		jdbc.sql("""
				INSERT INTO withdrawal_event (withdrawal_id, actor, action, from_status, to_status, work_order_id, remark)
				VALUES (:id, :actor, :action, :from, :to, :wo, :remark)""")
				.param("id", withdrawalId).param("actor", actor.name()).param("action", action)
				.param("from", from == null ? null : from.name()).param("to", to == null ? null : to.name())
				.param("wo", workOrderId).param("remark", remark).update();
	}

	/** Today's total (the Hong Kong day, at the currency's scale) and the count of the last 24 hours of a customer's live applications, for the risk rules. */
	record RecentActivity(java.math.BigDecimal amountToday, int count24h) {
	}

	/**
	 * The applications waiting for their risk check, oldest first, locked; rows another instance's job holds are
	 * skipped, so two jobs never check the same application.
	 */
	List<Withdrawal> lockAwaitingRiskCheck(int limit, java.util.Collection<Long> setAside) {
		return jdbc.sql("""
				SELECT * FROM withdrawal WHERE status = 'RISK_CHECKING' AND id <> ALL(:aside)
				ORDER BY id LIMIT :limit FOR UPDATE SKIP LOCKED""")
				.param("aside", setAside.toArray(Long[]::new)).param("limit", limit).query(WithdrawalStore::map).list();
	}

	/** One application, when it still waits for its check and nobody else is checking it. */
	List<Withdrawal> lockAwaitingRiskCheck(long id) {
		return jdbc.sql("SELECT * FROM withdrawal WHERE id = :id AND status = 'RISK_CHECKING' FOR UPDATE SKIP LOCKED")
				.param("id", id).query(WithdrawalStore::map).list();
	}

	/** The ids of the next applications waiting for their check, read without reading the rows themselves. */
	List<Long> awaitingRiskCheck(int limit, java.util.Collection<Long> setAside) {
		return jdbc.sql("SELECT id FROM withdrawal WHERE status = 'RISK_CHECKING' AND id <> ALL(:aside) ORDER BY id LIMIT :limit")
				.param("aside", setAside.toArray(Long[]::new)).param("limit", limit).query(Long.class).list();
	}

	/** {@link RecentActivity} of each application's customer in the application's currency, by application id. */
	Map<Long, RecentActivity> recentActivity(List<Withdrawal> applications) {
		Map<List<Object>, RecentActivity> byPair = new HashMap<>();
		jdbc.sql("""
				WITH pairs AS (
				  SELECT DISTINCT customer_id, currency FROM unnest(CAST(:customers AS bigint[]), CAST(:currencies AS text[]))
				         AS p(customer_id, currency)
				), bounds AS (
				  -- the Hong Kong day began within the last 24 hours: the 24-hour window holds all of today
				  SELECT (""" + BusinessDay.SQL_TODAY_START + """
				         ) AS day_start,
				         now() - interval '24 hours' AS since
				)
				SELECT p.customer_id, p.currency,
				       COALESCE(sum(w.amount) FILTER (WHERE w.created_at >= b.day_start AND w.currency = p.currency), 0),
				       count(w.customer_id)
				FROM pairs p CROSS JOIN bounds b
				LEFT JOIN withdrawal w ON w.customer_id = p.customer_id AND w.created_at >= b.since
				                      AND w.status NOT IN ('REJECTED', 'DELETED', 'FAILED')
				GROUP BY p.customer_id, p.currency, b.day_start""")
				.param("customers", applications.stream().map(Withdrawal::customerId).toArray(Long[]::new))
				.param("currencies", applications.stream().map(w -> w.currency().code()).toArray(String[]::new))
				.query(rs -> {
					// the sum comes at the column's 18 decimals; the rules say it to operators at the currency's own scale
					Money today = new Money(Asset.of(rs.getString(2)), rs.getBigDecimal(3));
					byPair.put(List.of(rs.getLong(1), rs.getString(2)), new RecentActivity(today.amount(), rs.getInt(4)));
				});
		Map<Long, RecentActivity> byApplication = new HashMap<>();
		applications.forEach(w -> byApplication.put(w.id(), byPair.get(List.of(w.customerId(), w.currency().code()))));
		return byApplication;
	}

	/** One application's risk result as the job decided it. */
	record RiskResult(Withdrawal application, String result, String findingsJson, @Nullable String reasons) {
	}

	/** Writes the results of a risk-check batch and their history in one statement; the rows are locked by the caller. */
	void saveRiskResults(List<RiskResult> results, Actor actor) {
		int n = results.size();
		Long[] ids = new Long[n];
		Integer[] versions = new Integer[n];
		String[] statuses = new String[n], outcomes = new String[n], findings = new String[n], reasons = new String[n];
		for (int i = 0; i < n; i++) {
			RiskResult r = results.get(i);
			ids[i] = r.application().id();
			versions[i] = r.application().version();
			statuses[i] = r.application().status().name();
			outcomes[i] = r.result();
			findings[i] = r.findingsJson();
			reasons[i] = r.reasons();
		}
		int saved = jdbc.sql("""
				WITH r AS (
				  SELECT * FROM unnest(CAST(:ids AS bigint[]), CAST(:versions AS int[]), CAST(:statuses AS text[]),
				                       CAST(:outcomes AS text[]), CAST(:findings AS text[]), CAST(:reasons AS text[]))
				         AS r(id, version, status, outcome, findings, reasons)
				), upd AS (
				  UPDATE withdrawal w SET status = r.status, risk_result = r.outcome, risk_reasons = r.findings, risk_checked_at = now(),
				         updated_at = now(), version = w.version + 1
				  FROM r WHERE w.id = r.id AND w.version = r.version AND w.status = 'RISK_CHECKING'
				  RETURNING w.id, r.status, r.outcome, r.reasons
				), ev AS (
				  INSERT INTO withdrawal_event (withdrawal_id, actor, action, from_status, to_status, remark)
				  SELECT id, :actor, 'RISK_' || outcome, 'RISK_CHECKING', status, reasons FROM upd
				)
				SELECT count(*) FROM upd""")
				.param("ids", ids).param("versions", versions).param("statuses", statuses).param("outcomes", outcomes)
				.param("findings", findings).param("reasons", reasons).param("actor", actor.name())
				.query(Integer.class).single();
		if (saved != n) {
			throw new IllegalStateException("risk results of " + n + " locked applications saved " + saved);
		}
	}

	// --- set-based transitions for batch actions

	/** One application moved by a set-based transition. */
	record Moved(long id, String serial, WithdrawalStatus from, long customerId) {
	}

	/**
	 * Moves every listed application whose state allows {@code transition}, in one statement that locks the rows in id
	 * order (two operators acting on the same records queue, and the second finds them moved), writes the history and
	 * returns what moved. {@code extraSet} / {@code extraWhere} are SQL fragments over {@code w}.
	 */
	List<Moved> move(List<Long> ids, Transition transition, Actor actor, String action, @Nullable Long workOrderId,
			@Nullable String remark, String extraSet, String extraWhere, Map<String, Object> extraParams) {
		if (ids.isEmpty()) {
			return List.of();
		}
		preferHashJoins(jdbc, ids.size());
		Map<String, Object> params = new HashMap<>(extraParams);
		params.put("ids", ids.toArray(Long[]::new));
		params.put("from", transition.fromNames());
		params.put("to", transition.to().name());
		params.put("actor", actor.name());
		params.put("action", action);
		params.put("wo", workOrderId);
		params.put("remark", remark);
		String sql = """
				WITH old AS (
				  SELECT id, status FROM withdrawal WHERE id = ANY(CAST(:ids AS bigint[])) ORDER BY id FOR UPDATE
				), moved AS (
				  UPDATE withdrawal w SET status = :to, version = w.version + 1, updated_at = now() %s
				  FROM old WHERE w.id = old.id AND old.status = ANY(CAST(:from AS text[])) %s
				  RETURNING w.id, w.serial, old.status AS from_status, w.customer_id
				), ev AS (
				  INSERT INTO withdrawal_event (withdrawal_id, actor, action, from_status, to_status, work_order_id, remark)
				  SELECT id, :actor, :action, from_status, :to, CAST(:wo AS bigint), CAST(:remark AS text) FROM moved
				)
				SELECT id, serial, from_status, customer_id FROM moved ORDER BY id""".formatted(extraSet, extraWhere);
		return jdbc.sql(sql).params(params).query((rs, n) -> new Moved(rs.getLong(1), rs.getString(2),
				WithdrawalStatus.valueOf(rs.getString(3)), rs.getLong(4))).list();
	}

	/**
	 * For a set-based statement over many rows: right after a bulk change (a batch packed, its payouts inserted) the
	 * statistics still describe the table before it, and the planner may pick a nested loop over thousands of rows on
	 * both sides (seconds instead of milliseconds). Hash joins are right for these sizes whatever the statistics say;
	 * the setting lasts until the end of the transaction.
	 */
	static void preferHashJoins(JdbcClient jdbc, int rows) {
		if (rows >= 200) {
			jdbc.sql("SET LOCAL enable_nestloop = off").update();
		}
	}

	record State(long id, String serial, WithdrawalStatus status, @Nullable Long pendingEdit, String currency) {
	}

	Map<Long, State> states(List<Long> ids) {
		Map<Long, State> states = new HashMap<>();
		if (ids.isEmpty()) {
			return states;
		}
		jdbc.sql("SELECT id, serial, status, pending_edit_wo, currency FROM withdrawal WHERE id = ANY(CAST(:ids AS bigint[]))")
				.param("ids", ids.toArray(Long[]::new))
				.query((rs, n) -> new State(rs.getLong(1), rs.getString(2), WithdrawalStatus.valueOf(rs.getString(3)),
						(Long) rs.getObject(4), rs.getString(5)))
				.list().forEach(s -> states.put(s.id(), s));
		return states;
	}

	// --- payout orders

	record Payout(long id, long withdrawalId, int attempt, String mode, @Nullable Long batchId, long payingAccountId,
			String channel, @Nullable String bankReference, String status, @Nullable String result, @Nullable String resultReason,
			int sentCount, @Nullable Long workOrderId, String createdBy, java.time.Instant createdAt,
			java.time.@Nullable Instant finishedAt) {
	}

	long insertPayout(long withdrawalId, String mode, @Nullable Long batchId, long accountId, String channel,
			@Nullable String bankReference, String status, String createdBy) {
		return jdbc.sql("""
				INSERT INTO withdrawal_payout (withdrawal_id, attempt, mode, batch_id, paying_account_id, channel, bank_reference,
				                               status, created_by)
				VALUES (:w, (SELECT COALESCE(max(attempt), 0) + 1 FROM withdrawal_payout WHERE withdrawal_id = :w), :mode, :batch,
				        :account, :channel, :ref, :status, :by)
				RETURNING id""")
				.param("w", withdrawalId).param("mode", mode).param("batch", batchId).param("account", accountId)
				.param("channel", channel).param("ref", bankReference).param("status", status).param("by", createdBy)
				.query(Long.class).single();
	}

	Optional<Payout> payout(@Nullable Long id) {
		if (id == null) {
			return Optional.empty();
		}
		return jdbc.sql("SELECT * FROM withdrawal_payout WHERE id = :id").param("id", id).query(WithdrawalStore::mapPayout).optional();
	}

	List<Payout> payouts(long withdrawalId) {
		return jdbc.sql("SELECT * FROM withdrawal_payout WHERE withdrawal_id = :id ORDER BY attempt").param("id", withdrawalId)
				.query(WithdrawalStore::mapPayout).list();
	}

	static Payout mapPayout(ResultSet rs, int n) throws SQLException {
		java.sql.Timestamp finished = rs.getTimestamp("finished_at");
		return new Payout(rs.getLong("id"), rs.getLong("withdrawal_id"), rs.getInt("attempt"), rs.getString("mode"),
				(Long) rs.getObject("batch_id"), rs.getLong("paying_account_id"), rs.getString("channel"),
				rs.getString("bank_reference"), rs.getString("status"), rs.getString("result"), rs.getString("result_reason"),
				rs.getInt("sent_count"), (Long) rs.getObject("work_order_id"), rs.getString("created_by"),
				rs.getTimestamp("created_at").toInstant(), finished == null ? null : finished.toInstant());
	}

	void payoutWorkOrder(long payoutId, long workOrderId) {
		jdbc.sql("UPDATE withdrawal_payout SET work_order_id = :wo WHERE id = :id").param("wo", workOrderId).param("id", payoutId).update();
	}

	void payoutStatus(long payoutId, String status) {
		jdbc.sql("""
				UPDATE withdrawal_payout SET status = :s,
				       finished_at = CASE WHEN :s IN ('SUCCEEDED', 'FAILED', 'CANCELLED') THEN now() ELSE NULL END
				WHERE id = :id""").param("s", status).param("id", payoutId).update();
	}

	void payoutResult(long payoutId, String status, String result, @Nullable String bankReference, @Nullable String reason) {
		jdbc.sql("""
				UPDATE withdrawal_payout SET status = :s, result = :r, bank_reference = COALESCE(:ref, bank_reference),
				       result_reason = :reason, finished_at = now()
				WHERE id = :id""")
				.param("s", status).param("r", result).param("ref", bankReference).param("reason", reason).param("id", payoutId).update();
	}

	/** Resubmission (重提交): the same order goes to the channel again. */
	void payoutResent(long payoutId) {
		jdbc.sql("""
				UPDATE withdrawal_payout SET status = 'PROCESSING', result = NULL, result_reason = NULL, finished_at = NULL,
				       sent_count = sent_count + 1 WHERE id = :id""").param("id", payoutId).update();
	}

	List<Long> ids(String sql, Map<String, Object> params) {
		return new ArrayList<>(jdbc.sql(sql).params(params).query(Long.class).list());
	}
}
