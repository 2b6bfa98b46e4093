package io.wbo.withdrawal.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.swagger.v3.oas.annotations.media.Schema;
import io.wbo.common.AmountRange;
import io.wbo.common.Asset;
import io.wbo.common.BusinessDay;
import io.wbo.common.CursorPage;
import io.wbo.common.DomainException;
import io.wbo.common.InvalidInputException;
import io.wbo.common.Periods;
import io.wbo.common.export.ExportFormat;
import io.wbo.common.export.Exports;
import io.wbo.common.web.MessageCatalog;
import io.wbo.common.web.SaidMessage;
import io.wbo.common.web.ValueNames;
import io.wbo.files.StoredFile;
import io.wbo.risk.RiskFinding;
import io.wbo.withdrawal.WithdrawalStatus;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Read side of withdrawals: the filtered list (W-14), one application with its history, indicators (W-11), export. */
@Component
class WithdrawalQueries {

	private final JdbcClient jdbc;
	private final NamedParameterJdbcTemplate streaming;
	private final JsonMapper json;
	private final WithdrawalProofs proofs;

	WithdrawalQueries(JdbcClient jdbc, javax.sql.DataSource dataSource, JsonMapper json, WithdrawalProofs proofs) {
		this.jdbc = jdbc;
		JdbcTemplate template = new JdbcTemplate(dataSource);
		template.setFetchSize(1000);
		this.streaming = new NamedParameterJdbcTemplate(template);
		this.json = json;
		this.proofs = proofs;
	}

	/** The list's filters; every one optional. {@code status} may list several states separated by commas. */
	record Filter(@Nullable String serial, @Nullable String customer, @Nullable String currency, @Nullable String status,
			@Nullable String channel, @Nullable String source, @Nullable String from, @Nullable String to, @Nullable String completedFrom,
			@Nullable String completedTo, @Nullable String minAmount, @Nullable String maxAmount, @Nullable Long batchId,
			@Nullable String reconciliation) {

		static Filter none() {
			return new Filter(null, null, null, null, null, null, null, null, null, null, null, null, null, null);
		}
	}

	record Card(long id, String bankName, String bankCode, String accountNo, String holderName) {
	}

	record View(long id, String serial, long customerId, String customerNo, String customerName, String currency, String amount,
			String fee, Card bankCard, @Nullable String remark, String source, WithdrawalStatus status, @Nullable String riskResult,
			@SaidMessage List<String> riskReasons, @Nullable Long pendingEditWorkOrderId, @Nullable String closeReason, @Nullable Long batchId,
			@Nullable String batchSerial, @Nullable Long payoutId, @Nullable String channel, @Nullable Long payingAccountId, @Nullable String bankReference,
			@Nullable String failureReason, @Nullable String abnormalAction, @Nullable Long abnormalWorkOrderId,
			@Nullable String reconciliationResult, @SaidMessage @Nullable String reconciliationReason, String createdBy, Instant createdAt,
			@Nullable Instant submittedAt, @Nullable Instant completedAt, Instant updatedAt, int version) {
	}

	/**
	 * {@code remark}: the operator's words, or what the system recorded (the risk reasons, the reconciliation's result),
	 * which is said in the operator's language; free text no template makes stays as written.
	 */
	record HistoryEntry(long id, Instant at, String actor, String action, @Nullable String fromStatus, @Nullable String toStatus,
			@Nullable Long workOrderId, @SaidMessage @Nullable String remark) {
	}

	record PayoutView(long id, int attempt, String mode, @Nullable Long batchId, long payingAccountId, String channel,
			@Nullable String bankReference, String status, @Nullable String result, @Nullable String resultReason, int sentCount,
			@Nullable Long workOrderId, String createdBy, Instant createdAt, @Nullable Instant finishedAt) {
	}

	record ChequePrint(long id, String chequeNumber, boolean reprint, @Nullable String reason, String printedBy, Instant printedAt) {
	}

	/**
	 * {@code proofs} are the current ones; {@code proposedProofs} those the pending edit would put in their place (empty
	 * when there is no such edit or it leaves the proofs alone).
	 */
	/** A risk rule's verdict as the operator reads it (the stored {@link RiskFinding} stays in English). */
	record RiskVerdict(String rule, boolean passed, @SaidMessage String message) {
	}

	record WithdrawalDetail(View withdrawal, List<RiskVerdict> riskFindings, List<HistoryEntry> history, List<PayoutView> payouts,
			List<ChequePrint> chequePrints, List<StoredFile> proofs, List<StoredFile> proposedProofs) {
	}

	private static final TypeReference<List<RiskFinding>> FINDINGS = new TypeReference<>() {
	};

	View map(ResultSet rs, int n) throws SQLException {
		Asset asset = Asset.of(rs.getString("currency"));
		String reasonsJson = rs.getString("risk_reasons");
		List<String> reasons = reasonsJson == null ? List.of()
				: json.readValue(reasonsJson, FINDINGS).stream().filter(f -> !f.passed()).map(f -> f.rule() + ": " + f.message()).toList();
		return new View(rs.getLong("id"), rs.getString("serial"), rs.getLong("customer_id"), rs.getString("customer_no"),
				rs.getString("customer_name"), asset.code(), scaled(rs.getBigDecimal("amount"), asset), scaled(rs.getBigDecimal("fee"), asset),
				new Card(rs.getLong("bank_card_id"), rs.getString("card_bank_name"), rs.getString("card_bank_code"),
						rs.getString("card_account_no"), rs.getString("card_holder_name")),
				rs.getString("remark"), rs.getString("source"), WithdrawalStatus.valueOf(rs.getString("status")), rs.getString("risk_result"),
				reasons, (Long) rs.getObject("pending_edit_wo"), rs.getString("close_reason"), (Long) rs.getObject("batch_id"),
				rs.getString("batch_serial"), (Long) rs.getObject("payout_id"), rs.getString("channel"), (Long) rs.getObject("paying_account_id"),
				rs.getString("bank_reference"), rs.getString("failure_reason"), rs.getString("abnormal_action"),
				(Long) rs.getObject("abnormal_wo"), rs.getString("recon_result"), rs.getString("recon_reason"), rs.getString("created_by"),
				instant(rs.getTimestamp("created_at")), instant(rs.getTimestamp("submitted_at")), instant(rs.getTimestamp("completed_at")),
				instant(rs.getTimestamp("updated_at")), rs.getInt("version"));
	}

	static String scaled(BigDecimal value, Asset asset) {
		return value.setScale(asset.scale(), java.math.RoundingMode.UNNECESSARY).toPlainString();
	}

	static @Nullable Instant instant(@Nullable Timestamp t) {
		return t == null ? null : t.toInstant();
	}

	@Transactional(readOnly = true)
	public CursorPage<View> list(Filter filter, int size, @Nullable Long after) {
		Map<String, Object> params = new HashMap<>();
		StringBuilder sql = new StringBuilder("SELECT * FROM withdrawal_view w WHERE true");
		where(filter, sql, params);
		if (after != null) {
			sql.append(" AND w.id < :after");
			params.put("after", after);
		}
		sql.append(" ORDER BY w.id DESC LIMIT :limit");
		params.put("limit", size + 1);
		List<View> rows = jdbc.sql(sql.toString()).params(params).query(this::map).list();
		return CursorPage.of(new ArrayList<>(rows), size, v -> Long.toString(v.id()));
	}

	/** One currency of the list's totals (合計): how many applications the filter selects, and their amounts and fees. */
	@Schema(name = "WithdrawalTotal")
	record Total(String currency, long count, String amount, String fee) {
	}

	/**
	 * The totals per currency of exactly what the filter selects, for the whole list rather than the page shown: one
	 * aggregate under the list's own conditions, so it uses the same indexes (the state's, for the processing tabs);
	 * the reconciliation join of the view drops out when no reconciliation filter is asked for.
	 */
	@Transactional(readOnly = true)
	public List<Total> totals(Filter filter) {
		Map<String, Object> params = new HashMap<>();
		StringBuilder sql = new StringBuilder("SELECT w.currency, count(*), sum(w.amount), sum(w.fee) FROM withdrawal_view w WHERE true");
		where(filter, sql, params);
		sql.append(" GROUP BY w.currency ORDER BY w.currency");
		return jdbc.sql(sql.toString()).params(params).query((rs, n) -> {
			Asset asset = Asset.of(rs.getString(1));
			return new Total(asset.code(), rs.getLong(2), scaled(rs.getBigDecimal(3), asset), scaled(rs.getBigDecimal(4), asset));
		}).list();
	}

	/** The customer's own applications (the APP list), deleted ones left out. */
	@Transactional(readOnly = true)
	public CursorPage<View> listOfCustomer(long customerId, Filter filter, int size, @Nullable Long after) {
		Map<String, Object> params = new HashMap<>();
		StringBuilder sql = new StringBuilder("SELECT * FROM withdrawal_view w WHERE w.customer_id = :me");
		params.put("me", customerId);
		where(filter, sql, params);
		if (after != null) {
			sql.append(" AND w.id < :after");
			params.put("after", after);
		}
		sql.append(" ORDER BY w.id DESC LIMIT :limit");
		params.put("limit", size + 1);
		List<View> rows = jdbc.sql(sql.toString()).params(params).query(this::map).list();
		return CursorPage.of(new ArrayList<>(rows), size, v -> Long.toString(v.id()));
	}

	@Transactional(readOnly = true)
	public java.util.Optional<View> find(long id) {
		return jdbc.sql("SELECT * FROM withdrawal_view WHERE id = :id").param("id", id).query(this::map).optional();
	}

	@Transactional(readOnly = true)
	public View view(long id) {
		return jdbc.sql("SELECT * FROM withdrawal_view WHERE id = :id").param("id", id).query(this::map).optional()
				.orElseThrow(() -> DomainException.notFound("withdrawal", id));
	}

	@Transactional(readOnly = true)
	public WithdrawalDetail detail(long id) {
		View view = view(id);
		String findings = jdbc.sql("SELECT risk_reasons FROM withdrawal WHERE id = :id").param("id", id).query(String.class).optional()
				.orElse(null);
		List<HistoryEntry> history = jdbc.sql("SELECT * FROM withdrawal_event WHERE withdrawal_id = :id ORDER BY id").param("id", id)
				.query((rs, n) -> new HistoryEntry(rs.getLong("id"), rs.getTimestamp("at").toInstant(), rs.getString("actor"),
						rs.getString("action"), rs.getString("from_status"), rs.getString("to_status"), (Long) rs.getObject("work_order_id"),
						rs.getString("remark"))).list();
		List<PayoutView> payouts = jdbc.sql("SELECT * FROM withdrawal_payout WHERE withdrawal_id = :id ORDER BY attempt").param("id", id)
				.query(WithdrawalStore::mapPayout).list().stream()
				.map(p -> new PayoutView(p.id(), p.attempt(), p.mode(), p.batchId(), p.payingAccountId(), p.channel(), p.bankReference(),
						p.status(), p.result(), p.resultReason(), p.sentCount(), p.workOrderId(), p.createdBy(), p.createdAt(), p.finishedAt()))
				.toList();
		List<RiskVerdict> verdicts = findings == null ? List.of()
				: json.readValue(findings, FINDINGS).stream().map(f -> new RiskVerdict(f.rule(), f.passed(), f.message())).toList();
		return new WithdrawalDetail(view, verdicts, history, payouts, chequePrints(id),
				proofs.current(id), view.pendingEditWorkOrderId() == null ? List.of() : proofs.proposed(view.pendingEditWorkOrderId()));
	}

	List<ChequePrint> chequePrints(long id) {
		return jdbc.sql("SELECT * FROM withdrawal_cheque_print WHERE withdrawal_id = :id ORDER BY id").param("id", id)
				.query((rs, n) -> new ChequePrint(rs.getLong("id"), rs.getString("cheque_number"), rs.getBoolean("reprint"),
						rs.getString("reason"), rs.getString("printed_by"), rs.getTimestamp("printed_at").toInstant())).list();
	}

	/**
	 * One indicator card (W-11): a processing category, the states it covers, and how many applications are in it.
	 * {@code completedFrom} (COMPLETED_TODAY only): the list's {@code completedFrom} filter that shows exactly what the
	 * card counted, since the state alone would show every completion ever.
	 */
	record Indicator(String category, List<WithdrawalStatus> statuses, long count, @Nullable Instant completedFrom) {

		Indicator(String category, List<WithdrawalStatus> statuses, long count) {
			this(category, statuses, count, null);
		}
	}

	/** The cards left to right in the order of the work; {@code COMPLETED_TODAY} counts completions since midnight in Hong Kong. */
	@Transactional(readOnly = true)
	public List<Indicator> indicators() {
		Map<String, Long> counts = new HashMap<>();
		jdbc.sql("""
				SELECT status, count(*) FROM withdrawal
				WHERE status IN ('SUBMITTED', 'DIRECT_PENDING_APPROVAL', 'DIRECT_PROCESSING', 'BATCH_PENDING_APPROVAL', 'BATCH_PROCESSING',
				                 'RESULT_PENDING_REVIEW', 'ABNORMAL', 'ABNORMAL_PENDING_REVIEW', 'IN_BATCH')
				GROUP BY status""").query((rs, n) -> counts.put(rs.getString(1), rs.getLong(2))).list();
		// the day's start comes from the same clock that counts, so the card's filter selects what it counted
		Indicator completedToday = jdbc.sql("SELECT (SELECT count(*) FROM withdrawal WHERE status = 'COMPLETED' AND completed_at >= d.start),"
				+ " d.start FROM (SELECT " + BusinessDay.SQL_TODAY_START + " AS start) d")
				.query((rs, n) -> new Indicator("COMPLETED_TODAY", List.of(WithdrawalStatus.COMPLETED), rs.getLong(1), instant(rs.getTimestamp(2))))
				.single();
		List<Indicator> cards = new ArrayList<>();
		card(cards, counts, "PENDING", WithdrawalStatus.SUBMITTED, WithdrawalStatus.IN_BATCH);
		card(cards, counts, "DIRECT_PENDING_APPROVAL", WithdrawalStatus.DIRECT_PENDING_APPROVAL);
		card(cards, counts, "DIRECT_PROCESSING", WithdrawalStatus.DIRECT_PROCESSING);
		card(cards, counts, "BATCH_PENDING_APPROVAL", WithdrawalStatus.BATCH_PENDING_APPROVAL);
		card(cards, counts, "BATCH_PROCESSING", WithdrawalStatus.BATCH_PROCESSING);
		card(cards, counts, "RESULT_PENDING_REVIEW", WithdrawalStatus.RESULT_PENDING_REVIEW);
		card(cards, counts, "ABNORMAL", WithdrawalStatus.ABNORMAL, WithdrawalStatus.ABNORMAL_PENDING_REVIEW);
		cards.add(completedToday);
		return cards;
	}

	private static void card(List<Indicator> cards, Map<String, Long> counts, String category, WithdrawalStatus... statuses) {
		long sum = 0;
		for (WithdrawalStatus s : statuses) {
			sum += counts.getOrDefault(s.name(), 0L);
		}
		cards.add(new Indicator(category, List.of(statuses), sum));
	}

	static final List<String> EXPORT_HEADERS = List.of("Serial 業務流水號", "Customer No 客戶編號", "Customer 客戶", "Currency 幣種",
			"Amount 金額", "Fee 手續費", "Bank 銀行", "Account 收款帳號", "Holder 收款人", "Source 來源", "Status 狀態", "Risk 風控",
			"Channel 通路", "Bank reference 銀行流水", "Batch 批次", "Reconciliation 對帳結果", "Remark 備註", "Created (HKT) 建立時間",
			"Created by 建立人", "Completed (HKT) 完成時間");

	/** Streams exactly what the filter selects, from a cursor, into the output, its codes named in the language. */
	@Transactional(readOnly = true)
	public long export(Filter filter, ExportFormat format, OutputStream out, MessageCatalog.Language language) throws IOException {
		ValueNames names = ValueNames.get();
		Map<String, Object> params = new HashMap<>();
		StringBuilder sql = new StringBuilder("""
				SELECT w.serial, w.customer_no, w.customer_name, w.currency, w.amount, w.fee, w.card_bank_name, w.card_account_no,
				       w.card_holder_name, w.source, w.status, w.risk_result, w.channel, w.bank_reference,
				       (SELECT b.serial FROM payout_batch b WHERE b.id = w.batch_id) AS batch, w.recon_result,
				       w.remark, w.created_at, w.created_by, w.completed_at
				FROM withdrawal_view w WHERE true""");
		where(filter, sql, params);
		sql.append(" ORDER BY w.id DESC");
		return Exports.write(format, out, "Withdrawals", EXPORT_HEADERS, sink -> streaming.query(sql.toString(), params, rs -> {
			Asset asset = Asset.of(rs.getString(4));
			try {
				sink.accept(new Object[] { rs.getString(1), rs.getString(2), rs.getString(3), asset.code(),
						rs.getBigDecimal(5).setScale(asset.scale()), rs.getBigDecimal(6).setScale(asset.scale()), rs.getString(7),
						rs.getString(8), rs.getString(9), names.name("withdrawal.source", rs.getString(10), language),
						names.name("withdrawal.status", rs.getString(11), language), names.name("withdrawal.risk", rs.getString(12), language),
						names.name("withdrawal.channel", rs.getString(13), language),
						rs.getString(14), rs.getString(15), names.name("reconciliation.result", rs.getString(16), language), rs.getString(17), instant(rs.getTimestamp(18)),
						rs.getString(19), instant(rs.getTimestamp(20)) });
			}
			catch (IOException | RuntimeException e) {
				throw new ExportAborted(e);
			}
			catch (Exception e) {
				throw new ExportAborted(e);
			}
		}));
	}

	/** Carries a writer failure (e.g. the client went away) out of the JDBC callback. */
	static final class ExportAborted extends RuntimeException {
		ExportAborted(Exception cause) {
			super(cause);
		}
	}

	void where(Filter f, StringBuilder sql, Map<String, Object> params) {
		InvalidInputException.Collector errors = new InvalidInputException.Collector();
		if (notBlank(f.serial())) {
			sql.append(" AND w.serial LIKE :serial");
			params.put("serial", f.serial().trim().toUpperCase(Locale.ROOT).replace("%", "") + "%");
		}
		if (notBlank(f.customer())) {
			String c = f.customer().trim();
			sql.append(" AND (w.customer_no = :customer OR w.customer_name ILIKE :customerLike");
			if (c.matches("\\d{1,18}")) {
				sql.append(" OR w.customer_id = :customerId");
				params.put("customerId", Long.parseLong(c));
			}
			sql.append(")");
			params.put("customer", c);
			params.put("customerLike", "%" + c.replace("%", "") + "%");
		}
		if (notBlank(f.currency())) {
			Asset a = errors.attempt(() -> Asset.of(f.currency(), "currency"));
			sql.append(" AND w.currency = :currency");
			params.put("currency", a == null ? "" : a.code());
		}
		if (notBlank(f.status())) {
			List<String> statuses = new ArrayList<>();
			for (String s : f.status().split(",")) {
				try {
					statuses.add(WithdrawalStatus.valueOf(s.trim()).name());
				}
				catch (IllegalArgumentException e) {
					errors.add("status", "unknown state '" + s.trim() + "'");
				}
			}
			sql.append(" AND w.status = ANY(CAST(:statuses AS text[]))");
			params.put("statuses", statuses.toArray(String[]::new));
		}
		else {
			sql.append(" AND w.status <> 'DELETED'"); // deleted applications show only when asked for (auditors)
		}
		if (notBlank(f.channel())) {
			sql.append(" AND w.channel = :channel");
			params.put("channel", oneOf(errors, "channel", f.channel(), CHANNELS));
		}
		if (notBlank(f.source())) {
			sql.append(" AND w.source = :source");
			params.put("source", oneOf(errors, "source", f.source(), SOURCES));
		}
		if (notBlank(f.reconciliation())) {
			sql.append(" AND w.recon_result = :recon");
			params.put("recon", oneOf(errors, "reconciliation", f.reconciliation(), RECONCILIATION_RESULTS));
		}
		Instant createdFrom = range(errors, sql, params, "created_at", "from", f.from(), false);
		Instant createdTo = range(errors, sql, params, "created_at", "to", f.to(), true);
		Instant completedFrom = range(errors, sql, params, "completed_at", "completedFrom", f.completedFrom(), false);
		Instant completedTo = range(errors, sql, params, "completed_at", "completedTo", f.completedTo(), true);
		AmountRange amounts = AmountRange.parse(f.minAmount(), f.maxAmount(), errors);
		if (!amounts.isEmpty()) {
			sql.append(" AND ").append(amounts.condition("w.amount"));
			params.putAll(amounts.params());
		}
		if (f.batchId() != null) {
			sql.append(" AND w.batch_id = :batchId");
			params.put("batchId", f.batchId());
		}
		errors.throwIfAny();
		Periods.requireOrdered(createdFrom, createdTo);
		Periods.requireOrdered("completedFrom", "completedTo", completedFrom, completedTo);
	}

	/**
	 * A date (a whole Hong Kong day, inclusive) or an ISO-8601 instant with offset; returns the instant the condition
	 * lets through last or first, null when not given or not readable.
	 */
	private static @Nullable Instant range(InvalidInputException.Collector errors, StringBuilder sql, Map<String, Object> params, String column,
			String field, @Nullable String text, boolean upper) {
		if (!notBlank(text)) {
			return null;
		}
		Instant at;
		boolean dateOnly = false;
		try {
			if (text.trim().length() == 10) {
				LocalDate day = LocalDate.parse(text.trim());
				at = BusinessDay.startOf(upper ? day.plusDays(1) : day);
				dateOnly = true;
			}
			else {
				at = OffsetDateTime.parse(text.trim()).toInstant();
			}
		}
		catch (RuntimeException e) {
			errors.add(field, "must be a date (2026-11-22) or a time with offset (2026-11-22T08:00:00Z)");
			return null;
		}
		sql.append(" AND w.").append(column).append(upper ? (dateOnly ? " < :" : " <= :") : " >= :").append(field);
		params.put(field, Timestamp.from(at));
		// the last instant the bound lets through, so that from and to on the same day are no empty period
		return upper && dateOnly ? at.minusNanos(1) : at;
	}

	/** Where an application comes from: the customer's APP, or an operator's manual application (W-2). */
	private static final List<String> SOURCES = List.of("APP", "MANUAL");
	private static final List<String> CHANNELS = names(Channel.values());
	private static final List<String> RECONCILIATION_RESULTS = names(io.wbo.reconciliation.ReconciliationResult.values());

	private static List<String> names(Enum<?>[] values) {
		return java.util.Arrays.stream(values).map(Enum::name).toList();
	}

	/** A filter value that can only be one of a few names: an unknown one is refused by name, not answered with nothing. */
	private static String oneOf(InvalidInputException.Collector errors, String field, String value, List<String> allowed) {
		String v = value.trim();
		if (!allowed.contains(v)) {
			errors.add(field, "must be one of " + String.join(", ", allowed));
		}
		return v;
	}

	private static boolean notBlank(@Nullable String s) {
		return s != null && !s.isBlank();
	}
}
