package io.wbo.withdrawal.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.wbo.approval.WorkOrderDecided;
import io.wbo.approval.WorkOrderRequest;
import io.wbo.approval.WorkOrderView;
import io.wbo.approval.WorkOrders;
import io.wbo.audit.AuditLog;
import io.wbo.audit.AuditRecord;
import io.wbo.audit.FieldChange;
import io.wbo.common.Actor;
import io.wbo.common.BusinessDay;
import io.wbo.common.DomainException;
import io.wbo.common.IllegalTransitionException;
import io.wbo.common.InvalidInputException;
import io.wbo.common.TextLimits;
import io.wbo.customer.CompanyAccount;
import io.wbo.withdrawal.WithdrawalStatus;
import org.jspecify.annotations.Nullable;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * Batch payouts (打包提審, W-9): pack submitted applications into a batch, remove items, submit for approval, record
 * each item's result (singly or many at once), and have a second work order review the results before successes
 * complete and failures become abnormal. Every step over the items is set-based SQL plus one chained audit insert,
 * so a batch of 10,000 is a handful of statements.
 */
@Service
class PayoutBatchService {

	static final String ENTITY = "PayoutBatch";

	/** DRAFT → PENDING_APPROVAL → PROCESSING → RESULT_PENDING_REVIEW → COMPLETED (a refusal steps back one). */
	enum BatchStatus { DRAFT, PENDING_APPROVAL, PROCESSING, RESULT_PENDING_REVIEW, COMPLETED, DISCARDED }

	private final JdbcClient jdbc;
	private final WithdrawalStore store;
	private final WithdrawalService withdrawals;
	private final WorkOrders workOrders;
	private final AuditLog audit;
	private final JsonMapper json;

	PayoutBatchService(JdbcClient jdbc, WithdrawalStore store, WithdrawalService withdrawals, WorkOrders workOrders, AuditLog audit,
			JsonMapper json) {
		this.jdbc = jdbc;
		this.store = store;
		this.withdrawals = withdrawals;
		this.workOrders = workOrders;
		this.audit = audit;
		this.json = json;
	}

	record Batch(long id, String serial, long payingAccountId, String channel, BatchStatus status, @Nullable Long workOrderId,
			@Nullable Long reviewWorkOrderId, String createdBy, @Nullable Long createdById, List<Long> resultEnteredBy,
			java.time.Instant createdAt) {

		/** Who packed the batch: they may not approve paying it, whoever submits it (four-eyes). */
		Set<Long> packer() {
			return createdById == null ? Set.of() : Set.of(createdById);
		}
	}

	Batch lock(long id) {
		return jdbc.sql("SELECT * FROM payout_batch WHERE id = :id FOR UPDATE").param("id", id).query((rs, n) -> new Batch(
				rs.getLong("id"), rs.getString("serial"), rs.getLong("paying_account_id"), rs.getString("channel"),
				BatchStatus.valueOf(rs.getString("status")), (Long) rs.getObject("work_order_id"), (Long) rs.getObject("review_wo"),
				rs.getString("created_by"), (Long) rs.getObject("created_by_id"),
				List.of((Long[]) rs.getArray("result_entered_by").getArray()), rs.getTimestamp("created_at").toInstant())).optional()
				.orElseThrow(() -> DomainException.notFound("payout batch", id));
	}

	private void require(Batch b, BatchStatus expected, String action) {
		if (b.status() != expected) {
			throw new IllegalTransitionException("payout batch", b.serial(), b.status(), action);
		}
	}

	private void status(long batchId, BatchStatus status) {
		jdbc.sql("UPDATE payout_batch SET status = :s, updated_at = now(), version = version + 1 WHERE id = :id")
				.param("s", status.name()).param("id", batchId).update();
	}

	record Created(long batchId, Outcomes outcomes) {
	}

	@Transactional
	public Created create(@Nullable List<Long> ids, @Nullable Long payingAccountId, @Nullable String channel, Actor actor) {
		InvalidInputException.Collector errors = new InvalidInputException.Collector();
		CompanyAccount account = withdrawals.requirePayingAccount(payingAccountId, channel, errors);
		errors.throwIfAny();
		List<Long> wanted = WithdrawalService.distinct(ids);
		long batchId = jdbc.sql("""
				INSERT INTO payout_batch (serial, paying_account_id, channel, status, created_by, created_by_id)
				VALUES ('PB' || """ + BusinessDay.SQL_TODAY_DIGITS + """
				        || '-' || lpad(nextval('payout_batch_serial_seq')::text, 5, '0'),
				        :account, :channel, 'DRAFT', :by, :byId) RETURNING id""")
				.param("account", account.id()).param("channel", channel.trim()).param("by", actor.name()).param("byId", actor.id())
				.query(Long.class).single();
		List<WithdrawalStore.Moved> moved = store.move(wanted, Transition.PACK, actor, "PACKED", null, "batch " + batchId,
				", batch_id = :batch, paying_account_id = :account, channel = :channel",
				"AND w.currency = ANY(CAST(:currencies AS text[]))",
				Map.of("batch", batchId, "account", account.id(), "channel", channel.trim(),
						"currencies", account.currencies().toArray(String[]::new)));
		// a pending application the move left out is in a currency the account does not pay (its only condition)
		Outcomes outcomes = withdrawals.outcomes(wanted, moved, Transition.PACK,
				s -> "account " + account.accountNo() + " does not pay " + s.currency());
		if (moved.isEmpty()) {
			throw DomainException.rule("empty-batch", "no application could be packed: "
					+ outcomes.results().stream().map(Outcomes.Outcome::error).limit(3).toList());
		}
		audit.record(AuditRecord.of(actor, "PAYOUT_BATCH_CREATED", ENTITY, batchId, List.of(
				FieldChange.set("payingAccount", account.accountNo()), FieldChange.set("channel", channel.trim()),
				FieldChange.set("items", moved.size()))));
		audit.recordAll(moved.stream().map(m -> AuditRecord.of(actor, "WITHDRAWAL_PACKED", WithdrawalService.ENTITY, m.id(),
				List.of(FieldChange.of("status", m.from(), WithdrawalStatus.IN_BATCH), FieldChange.set("batch", batchId)))).toList());
		return new Created(batchId, outcomes);
	}

	@Transactional
	public Outcomes removeItems(long batchId, @Nullable List<Long> ids, Actor actor) {
		Batch b = lock(batchId);
		require(b, BatchStatus.DRAFT, "remove items from");
		List<Long> wanted = WithdrawalService.distinct(ids);
		Outcomes outcomes = withdrawals.outcomes(wanted, unpack(b, wanted, actor), Transition.UNPACK);
		if (itemIds(batchId, WithdrawalStatus.IN_BATCH).isEmpty()) {
			// nothing can be added to a batch: an empty one would only wait in the list for ever
			discarded(b, actor, "its last item was removed");
		}
		return outcomes;
	}

	/** 作廢: a draft batch nobody will submit; its items go back to pending, the batch stays listed as DISCARDED. */
	@Transactional
	public Outcomes discard(long batchId, @Nullable String reason, Actor actor) {
		if (reason == null || reason.isBlank()) {
			throw InvalidInputException.of("reason", "is required");
		}
		Batch b = lock(batchId);
		require(b, BatchStatus.DRAFT, "discard");
		List<Long> items = itemIds(batchId, WithdrawalStatus.IN_BATCH);
		Outcomes outcomes = withdrawals.outcomes(items, unpack(b, items, actor), Transition.UNPACK);
		discarded(b, actor, reason.trim());
		return outcomes;
	}

	private List<WithdrawalStore.Moved> unpack(Batch b, List<Long> ids, Actor actor) {
		List<WithdrawalStore.Moved> moved = store.move(ids, Transition.UNPACK, actor, "REMOVED_FROM_BATCH", null,
				"batch " + b.serial(), ", batch_id = NULL, paying_account_id = NULL, channel = NULL", "AND w.batch_id = :batch", Map.of("batch", b.id()));
		audit.recordAll(moved.stream().map(m -> AuditRecord.of(actor, "WITHDRAWAL_REMOVED_FROM_BATCH", WithdrawalService.ENTITY, m.id(),
				List.of(FieldChange.of("status", m.from(), WithdrawalStatus.SUBMITTED), FieldChange.of("batch", b.id(), null)))).toList());
		return moved;
	}

	private void discarded(Batch b, Actor actor, String why) {
		status(b.id(), BatchStatus.DISCARDED);
		audit.record(AuditRecord.of(actor, "PAYOUT_BATCH_DISCARDED", ENTITY, b.id(),
				List.of(FieldChange.of("status", BatchStatus.DRAFT, BatchStatus.DISCARDED))).withRemark(why));
	}

	record BatchPayload(long batchId) {
	}

	/** Submits the batch for approval (提交審核): items wait for the work order, each gets its payout order. */
	@Transactional
	public WorkOrderView submit(long batchId, Actor actor) {
		Batch b = lock(batchId);
		require(b, BatchStatus.DRAFT, "submit");
		List<Long> items = itemIds(batchId, WithdrawalStatus.IN_BATCH);
		if (items.isEmpty()) {
			throw DomainException.rule("empty-batch", "payout batch " + b.serial() + " has no items");
		}
		List<WithdrawalStore.Moved> moved = store.move(items, Transition.BATCH_SUBMIT, actor, "BATCH_SUBMITTED", null, "batch " + b.serial(),
				"", "AND w.batch_id = :batch", Map.of("batch", batchId));
		jdbc.sql("""
				WITH p AS (
				  INSERT INTO withdrawal_payout (withdrawal_id, attempt, mode, batch_id, paying_account_id, channel, status, created_by)
				  SELECT w.id, COALESCE((SELECT max(attempt) FROM withdrawal_payout x WHERE x.withdrawal_id = w.id), 0) + 1, 'BATCH',
				         :batch, :account, :channel, 'PENDING_APPROVAL', :by
				  FROM withdrawal w WHERE w.batch_id = :batch AND w.status = 'BATCH_PENDING_APPROVAL'
				  RETURNING id, withdrawal_id
				)
				UPDATE withdrawal w SET payout_id = p.id FROM p WHERE w.id = p.withdrawal_id""")
				.param("batch", batchId).param("account", b.payingAccountId()).param("channel", b.channel()).param("by", actor.name())
				.update();
		List<FieldChange> summary = new ArrayList<>(List.of(FieldChange.set("batch", b.serial()), FieldChange.set("items", moved.size()),
				FieldChange.set("channel", b.channel()), FieldChange.set("payingAccountId", b.payingAccountId())));
		totals(batchId).forEach((currency, total) -> summary.add(FieldChange.set("total " + currency, total.toPlainString())));
		WorkOrderView order = workOrders.open(new WorkOrderRequest(WorkOrderTypes.BATCH_PAYOUT, ENTITY, Long.toString(batchId), b.serial(),
				summary, json.writeValueAsString(new BatchPayload(batchId)), "batch payout " + b.serial()).withContributors(b.packer()),
				actor);
		jdbc.sql("UPDATE payout_batch SET work_order_id = :wo WHERE id = :id").param("wo", order.id()).param("id", batchId).update();
		jdbc.sql("UPDATE withdrawal_payout SET work_order_id = :wo WHERE batch_id = :id AND status = 'PENDING_APPROVAL'")
				.param("wo", order.id()).param("id", batchId).update();
		status(batchId, BatchStatus.PENDING_APPROVAL);
		audit.record(AuditRecord.of(actor, "PAYOUT_BATCH_SUBMITTED", ENTITY, batchId,
				List.of(FieldChange.of("status", BatchStatus.DRAFT, BatchStatus.PENDING_APPROVAL))).withRemark("work order " + order.id()));
		audit.recordAll(moved.stream().map(m -> AuditRecord.of(actor, "WITHDRAWAL_BATCH_SUBMITTED", WithdrawalService.ENTITY, m.id(),
				List.of(FieldChange.of("status", m.from(), WithdrawalStatus.BATCH_PENDING_APPROVAL))).withRemark("work order " + order.id()))
				.toList());
		return order;
	}

	Map<String, BigDecimal> totals(long batchId) {
		Map<String, BigDecimal> totals = new java.util.TreeMap<>();
		jdbc.sql("SELECT currency, sum(amount) FROM withdrawal WHERE batch_id = :b GROUP BY currency").param("b", batchId)
				.query((rs, n) -> totals.put(rs.getString(1), rs.getBigDecimal(2).stripTrailingZeros())).list();
		return totals;
	}

	List<Long> itemIds(long batchId, WithdrawalStatus status) {
		return store.ids("SELECT id FROM withdrawal WHERE batch_id = :b AND status = :s ORDER BY id",
				Map.of("b", batchId, "s", status.name()));
	}

	private void applyApproval(WorkOrderDecided d) {
		long batchId = json.readValue(d.payload(), BatchPayload.class).batchId();
		Batch b = lock(batchId);
		require(b, BatchStatus.PENDING_APPROVAL, d.approved() ? "approve" : "refuse");
		Actor checker = WithdrawalService.checker(d);
		List<Long> items = itemIds(batchId, WithdrawalStatus.BATCH_PENDING_APPROVAL);
		List<WithdrawalStore.Moved> moved;
		if (d.approved()) {
			moved = store.move(items, Transition.BATCH_APPROVED, checker, "BATCH_APPROVED", d.workOrderId(), null, "", "", Map.of());
			jdbc.sql("UPDATE withdrawal_payout SET status = 'PROCESSING' WHERE batch_id = :b AND status = 'PENDING_APPROVAL'")
					.param("b", batchId).update();
			status(batchId, BatchStatus.PROCESSING);
		}
		else {
			moved = store.move(items, Transition.BATCH_REFUSED, checker, "BATCH_" + d.status().name(), d.workOrderId(),
					blankToNull(d.comment()), ", payout_id = NULL", "", Map.of());
			jdbc.sql("UPDATE withdrawal_payout SET status = 'CANCELLED', finished_at = now() WHERE batch_id = :b AND status = 'PENDING_APPROVAL'")
					.param("b", batchId).update();
			status(batchId, BatchStatus.DRAFT);
		}
		BatchStatus after = d.approved() ? BatchStatus.PROCESSING : BatchStatus.DRAFT;
		audit.record(AuditRecord.of(checker, "PAYOUT_BATCH_" + (d.approved() ? "APPROVED" : d.status().name()), ENTITY, batchId,
				List.of(FieldChange.of("status", BatchStatus.PENDING_APPROVAL, after))).withRemark("work order " + d.workOrderId()));
		WithdrawalStatus to = d.approved() ? WithdrawalStatus.BATCH_PROCESSING : WithdrawalStatus.IN_BATCH;
		audit.recordAll(moved.stream().map(m -> AuditRecord.of(checker, "WITHDRAWAL_BATCH_" + (d.approved() ? "APPROVED" : "REFUSED"),
				WithdrawalService.ENTITY, m.id(), List.of(FieldChange.of("status", m.from(), to)))).toList());
	}

	record ItemResult(@Nullable Long withdrawalId, @Nullable String result, @Nullable String bankReference, @Nullable String reason) {
	}

	record ResultsOutcome(List<Outcomes.Outcome> results, BatchStatus batchStatus, @Nullable Long reviewWorkOrderId) {
	}

	/**
	 * Records item results (batch update allowed). When every item has a result, the results go to a second review
	 * (work order); until then they can be corrected.
	 */
	@Transactional
	public ResultsOutcome recordResults(long batchId, @Nullable List<ItemResult> items, Actor actor) {
		if (items == null || items.isEmpty()) {
			throw InvalidInputException.of("items", "must list at least one result");
		}
		Batch b = lock(batchId);
		require(b, BatchStatus.PROCESSING, "record results of");
		Outcomes.Builder outcomes = new Outcomes.Builder();
		List<Long> ids = new ArrayList<>();
		List<String> results = new ArrayList<>();
		List<String> refs = new ArrayList<>();
		List<String> reasons = new ArrayList<>();
		Set<Long> seen = new HashSet<>();
		for (ItemResult item : items) {
			long id = item.withdrawalId() == null ? 0 : item.withdrawalId();
			if (item.withdrawalId() == null || !seen.add(id)) {
				outcomes.error(id, item.withdrawalId() == null ? "withdrawalId is required" : "listed twice");
			}
			else if (!"SUCCESS".equals(item.result()) && !"FAILED".equals(item.result())) {
				outcomes.error(id, "result must be SUCCESS or FAILED");
			}
			else if ("FAILED".equals(item.result()) && (item.reason() == null || item.reason().isBlank())) {
				outcomes.error(id, "reason is required when the payout failed");
			}
			else if (item.bankReference() != null && item.bankReference().length() > TextLimits.BANK_REFERENCE) {
				outcomes.error(id, "bankReference must be at most " + TextLimits.BANK_REFERENCE + " characters");
			}
			else if (item.reason() != null && item.reason().length() > TextLimits.REMARK) {
				outcomes.error(id, "reason must be at most " + TextLimits.REMARK + " characters");
			}
			else {
				ids.add(id);
				results.add(item.result());
				refs.add(blankToNull(item.bankReference()));
				reasons.add("FAILED".equals(item.result()) ? item.reason().trim() : null);
			}
		}
		WithdrawalStore.preferHashJoins(jdbc, ids.size());
		// "was" reads the payout orders as they were before this statement (every part of one statement sees the same
		// snapshot): a result entered again, after the review refused the results, is audited with the one it replaces
		Map<Long, Replaced> updated = new java.util.HashMap<>();
		jdbc.sql("""
				WITH u AS (
				  SELECT * FROM unnest(CAST(:ids AS bigint[]), CAST(:results AS text[]), CAST(:refs AS text[]), CAST(:reasons AS text[]))
				         AS u(id, result, ref, reason)
				), was AS (
				  SELECT p.id, p.result, p.bank_reference, p.result_reason FROM withdrawal_payout p JOIN u ON p.withdrawal_id = u.id
				  WHERE p.batch_id = :batch AND p.status = 'PROCESSING'
				), p AS (
				  UPDATE withdrawal_payout p SET result = u.result, bank_reference = COALESCE(u.ref, p.bank_reference),
				         result_reason = u.reason
				  FROM u, withdrawal w
				  WHERE p.withdrawal_id = u.id AND p.batch_id = :batch AND p.status = 'PROCESSING'
				    AND w.id = u.id AND w.payout_id = p.id AND w.status = 'BATCH_PROCESSING'
				  RETURNING p.id, p.withdrawal_id, u.result, u.ref, u.reason, p.bank_reference
				), ev AS (
				  INSERT INTO withdrawal_event (withdrawal_id, actor, action, from_status, to_status, remark)
				  SELECT withdrawal_id, :actor, 'RESULT_' || result, 'BATCH_PROCESSING', 'BATCH_PROCESSING', COALESCE(reason, ref) FROM p
				)
				SELECT p.withdrawal_id, was.result AS was_result, was.bank_reference AS was_ref, was.result_reason AS was_reason,
				       p.bank_reference AS ref
				FROM p JOIN was ON was.id = p.id""")
				.param("ids", ids.toArray(Long[]::new)).param("results", results.toArray(String[]::new))
				.param("refs", refs.toArray(String[]::new)).param("reasons", reasons.toArray(String[]::new))
				.param("batch", batchId).param("actor", actor.name())
				.query((rs, n) -> updated.put(rs.getLong(1), new Replaced(rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5))))
				.list();
		boolean filledAnOpenItem = false;
		List<AuditRecord> records = new ArrayList<>();
		for (int i = 0; i < ids.size(); i++) {
			long id = ids.get(i);
			Replaced was = updated.get(id);
			if (was != null) {
				outcomes.ok(id);
				filledAnOpenItem |= was.result() == null;
				records.add(AuditRecord.of(actor, was.result() == null ? "WITHDRAWAL_BATCH_RESULT_RECORDED" : "WITHDRAWAL_BATCH_RESULT_REENTERED",
						WithdrawalService.ENTITY, id, new FieldChange.Diff().field("result", was.result(), results.get(i))
								.field("bankReference", was.bankReference(), was.newBankReference())
								.field("reason", was.reason(), reasons.get(i)).changes())
						.withRemark(reasons.get(i)));
			}
			else {
				outcomes.error(id, "withdrawal " + id + " is not a processing item of batch " + b.serial());
			}
		}
		audit.recordAll(records);
		if (!updated.isEmpty()) {
			jdbc.sql("""
					UPDATE payout_batch SET result_entered_by = array_append(result_entered_by, :me)
					WHERE id = :id AND NOT (:me = ANY(result_entered_by))""").param("me", actor.id()).param("id", batchId).update();
		}
		Long reviewId = null;
		BatchStatus after = BatchStatus.PROCESSING;
		// the entry that gives the last open item its result sends the set to review; results entered again after a
		// refusal wait until the operator sends them back (submitResults), so several corrections can be made first
		if (filledAnOpenItem && openItems(batchId) == 0) {
			reviewId = sendForReview(lock(batchId), actor).id();
			after = BatchStatus.RESULT_PENDING_REVIEW;
		}
		// the refused items were collected before the update: the answer lists them all in the order sent
		List<Long> sent = items.stream().map(item -> item.withdrawalId() == null ? 0L : item.withdrawalId()).toList();
		return new ResultsOutcome(outcomes.buildInOrderOf(sent).results(), after, reviewId);
	}

	/** A result as it was before it was entered again: what the audit shows as replaced. */
	private record Replaced(@Nullable String result, @Nullable String bankReference, @Nullable String reason,
			@Nullable String newBankReference) {
	}

	private long openItems(long batchId) {
		return jdbc.sql("SELECT count(*) FROM withdrawal_payout WHERE batch_id = :b AND status = 'PROCESSING' AND result IS NULL")
				.param("b", batchId).query(Long.class).single();
	}

	/**
	 * Sends the results back to review (重新提交結果審核) after the review refused them and the operator entered the
	 * wrong ones again: every item must have a result.
	 */
	@Transactional
	public WorkOrderView submitResults(long batchId, Actor actor) {
		Batch b = lock(batchId);
		require(b, BatchStatus.PROCESSING, "send the results to review of");
		long open = openItems(batchId);
		if (open > 0) {
			throw DomainException.rule("results-missing", open + " item(s) of payout batch " + b.serial() + " have no result yet");
		}
		return sendForReview(b, actor);
	}

	private WorkOrderView sendForReview(Batch b, Actor actor) {
		List<Long> items = itemIds(b.id(), WithdrawalStatus.BATCH_PROCESSING);
		Map<String, Object> counts = jdbc.sql("""
				SELECT count(*) FILTER (WHERE result = 'SUCCESS') AS succeeded, count(*) FILTER (WHERE result = 'FAILED') AS failed
				FROM withdrawal_payout WHERE batch_id = :b AND status = 'PROCESSING'""").param("b", b.id()).query().singleRow();
		// the review work order first, so each item's history row names it (approval of this type cannot be switched off)
		WorkOrderView order = workOrders.open(new WorkOrderRequest(WorkOrderTypes.BATCH_RESULT, ENTITY, Long.toString(b.id()), b.serial(),
				List.of(FieldChange.set("batch", b.serial()), FieldChange.set("succeeded", counts.get("succeeded")),
						FieldChange.set("failed", counts.get("failed"))),
				json.writeValueAsString(new BatchPayload(b.id())), "results of batch " + b.serial())
				// everyone who entered a result, not only who entered the last one: each result stands as their work
				.withContributors(b.resultEnteredBy()), actor);
		List<WithdrawalStore.Moved> moved = store.move(items, Transition.RESULTS_ENTERED, actor, "RESULTS_ENTERED", order.id(), null, "",
				"AND w.batch_id = :batch", Map.of("batch", b.id()));
		jdbc.sql("UPDATE payout_batch SET review_wo = :wo WHERE id = :id").param("wo", order.id()).param("id", b.id()).update();
		status(b.id(), BatchStatus.RESULT_PENDING_REVIEW);
		audit.record(AuditRecord.of(actor, "PAYOUT_BATCH_RESULTS_ENTERED", ENTITY, b.id(),
				List.of(FieldChange.of("status", BatchStatus.PROCESSING, BatchStatus.RESULT_PENDING_REVIEW))).withRemark("work order " + order.id()));
		audit.recordAll(moved.stream().map(m -> AuditRecord.of(actor, "WITHDRAWAL_RESULTS_ENTERED", WithdrawalService.ENTITY, m.id(),
				List.of(FieldChange.of("status", m.from(), WithdrawalStatus.RESULT_PENDING_REVIEW)))).toList());
		return order;
	}

	/** The second review of the results: approved → successes complete (ledger), failures become abnormal. */
	private void applyReview(WorkOrderDecided d) {
		long batchId = json.readValue(d.payload(), BatchPayload.class).batchId();
		Batch b = lock(batchId);
		require(b, BatchStatus.RESULT_PENDING_REVIEW, d.approved() ? "approve the results of" : "refuse the results of");
		Actor checker = WithdrawalService.checker(d);
		if (!d.approved()) {
			List<WithdrawalStore.Moved> moved = store.move(itemIds(batchId, WithdrawalStatus.RESULT_PENDING_REVIEW), Transition.RESULTS_REFUSED,
					checker, "RESULTS_" + d.status().name(), d.workOrderId(), blankToNull(d.comment()), "", "", Map.of());
			status(batchId, BatchStatus.PROCESSING);
			audit.record(AuditRecord.of(checker, "PAYOUT_BATCH_RESULTS_" + d.status().name(), ENTITY, batchId,
					List.of(FieldChange.of("status", BatchStatus.RESULT_PENDING_REVIEW, BatchStatus.PROCESSING))).withRemark(d.comment()));
			audit.recordAll(moved.stream().map(m -> AuditRecord.of(checker, "WITHDRAWAL_RESULTS_REFUSED", WithdrawalService.ENTITY, m.id(),
					List.of(FieldChange.of("status", m.from(), WithdrawalStatus.BATCH_PROCESSING)))).toList());
			return;
		}
		List<Long> succeeded = store.ids("""
				SELECT w.id FROM withdrawal w JOIN withdrawal_payout p ON p.id = w.payout_id
				WHERE w.batch_id = :b AND w.status = 'RESULT_PENDING_REVIEW' AND p.result = 'SUCCESS' ORDER BY w.id""", Map.of("b", batchId));
		List<Long> failed = store.ids("""
				SELECT w.id FROM withdrawal w JOIN withdrawal_payout p ON p.id = w.payout_id
				WHERE w.batch_id = :b AND w.status = 'RESULT_PENDING_REVIEW' AND p.result = 'FAILED' ORDER BY w.id""", Map.of("b", batchId));
		// the results live on the payout orders until the review; now they become the applications' own
		List<WithdrawalStore.Moved> completed = store.move(succeeded, Transition.BATCH_SUCCEEDED, checker, "COMPLETED", d.workOrderId(), null,
				", completed_at = now(), failure_reason = NULL, bank_reference = COALESCE((SELECT p.bank_reference FROM withdrawal_payout p WHERE p.id = w.payout_id), w.bank_reference)",
				"", Map.of());
		List<WithdrawalStore.Moved> abnormal = store.move(failed, Transition.BATCH_FAILED, checker, "PAYOUT_FAILED", d.workOrderId(), null,
				", failure_reason = (SELECT p.result_reason FROM withdrawal_payout p WHERE p.id = w.payout_id), bank_reference = COALESCE((SELECT p.bank_reference FROM withdrawal_payout p WHERE p.id = w.payout_id), w.bank_reference)",
				"", Map.of());
		jdbc.sql("""
				UPDATE withdrawal_payout SET status = CASE result WHEN 'SUCCESS' THEN 'SUCCEEDED' ELSE 'FAILED' END, finished_at = now()
				WHERE batch_id = :b AND status = 'PROCESSING' AND result IS NOT NULL""").param("b", batchId).update();
		for (WithdrawalStore.Moved m : completed) {
			withdrawals.complete(store.find(m.id()).orElseThrow(), b.payingAccountId(), checker);
		}
		status(batchId, BatchStatus.COMPLETED);
		audit.record(AuditRecord.of(checker, "PAYOUT_BATCH_COMPLETED", ENTITY, batchId, List.of(
				FieldChange.of("status", BatchStatus.RESULT_PENDING_REVIEW, BatchStatus.COMPLETED),
				FieldChange.set("completed", completed.size()), FieldChange.set("abnormal", abnormal.size())))
				.withRemark("work order " + d.workOrderId()));
		List<AuditRecord> records = new ArrayList<>();
		completed.forEach(m -> records.add(AuditRecord.of(checker, "WITHDRAWAL_COMPLETED", WithdrawalService.ENTITY, m.id(),
				List.of(FieldChange.of("status", m.from(), WithdrawalStatus.COMPLETED)))));
		abnormal.forEach(m -> records.add(AuditRecord.of(checker, "WITHDRAWAL_PAYOUT_FAILED", WithdrawalService.ENTITY, m.id(),
				List.of(FieldChange.of("status", m.from(), WithdrawalStatus.ABNORMAL)))));
		audit.recordAll(records);
	}

	@EventListener
	void on(WorkOrderDecided decided) {
		if (decided.is(WorkOrderTypes.BATCH_PAYOUT)) {
			applyApproval(decided);
		}
		else if (decided.is(WorkOrderTypes.BATCH_RESULT)) {
			applyReview(decided);
		}
	}

	private static @Nullable String blankToNull(@Nullable String text) {
		return WithdrawalService.blankToNull(text);
	}
}
