package io.wbo.withdrawal.internal;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;
import io.wbo.approval.WorkOrderView;
import io.wbo.common.Actor;
import io.wbo.common.Asset;
import io.wbo.common.CursorPage;
import io.wbo.common.DomainException;
import io.wbo.common.security.Permission;
import io.wbo.common.security.RequiresPermission;
import io.wbo.customer.CompanyAccount;
import io.wbo.customer.Customers;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Admin API of payout batches (打包提審, W-9) and their payment files (W-10). */
@RestController
class PayoutBatchController {

	private final PayoutBatchService service;
	private final PayoutFiles files;
	private final JdbcClient jdbc;
	private final Customers customers;

	PayoutBatchController(PayoutBatchService service, PayoutFiles files, JdbcClient jdbc, Customers customers) {
		this.service = service;
		this.files = files;
		this.jdbc = jdbc;
		this.customers = customers;
	}

	record Total(String currency, String amount, String fee, long items) {
	}

	record Item(long withdrawalId, String serial, String customerNo, String customerName, String currency, String amount, String fee,
			String payeeBankName, String payeeAccountNo, String payeeName, String status, @Nullable String result,
			@Nullable String bankReference, @Nullable String reason) {
	}

	/**
	 * A batch with the company account that pays it (bank and account number, as the operator knows it), its totals per
	 * currency and, for one batch, its items.
	 */
	record BatchView(long id, String serial, long payingAccountId, @Nullable String payingBankName, @Nullable String payingAccountNo,
			String channel, String status, @Nullable Long workOrderId, @Nullable Long reviewWorkOrderId, String createdBy, Instant createdAt,
			long itemCount, List<Total> totals, @Nullable List<Item> items) {
	}

	@Transactional(readOnly = true)
	BatchView view(long id, boolean withItems) {
		BatchView head = jdbc.sql("SELECT * FROM payout_batch WHERE id = :id").param("id", id).query((rs, n) -> new BatchView(
				rs.getLong("id"), rs.getString("serial"), rs.getLong("paying_account_id"), null, null, rs.getString("channel"), rs.getString("status"),
				(Long) rs.getObject("work_order_id"), (Long) rs.getObject("review_wo"), rs.getString("created_by"),
				rs.getTimestamp("created_at").toInstant(), 0, List.of(), null)).optional()
				.orElseThrow(() -> DomainException.notFound("payout batch", id));
		List<Total> totals = jdbc.sql("SELECT currency, sum(amount), sum(fee), count(*) FROM withdrawal WHERE batch_id = :id GROUP BY currency ORDER BY currency")
				.param("id", id).query((rs, n) -> {
					Asset a = Asset.of(rs.getString(1));
					return new Total(a.code(), scaled(rs.getBigDecimal(2), a), scaled(rs.getBigDecimal(3), a), rs.getLong(4));
				}).list();
		List<Item> items = !withItems ? null : jdbc.sql("""
				SELECT w.id, w.serial, w.customer_no, w.customer_name, w.currency, w.amount, w.fee, w.card_bank_name, w.card_account_no,
				       w.card_holder_name, w.status, p.result, COALESCE(p.bank_reference, w.bank_reference) AS ref, p.result_reason
				FROM withdrawal w LEFT JOIN withdrawal_payout p ON p.id = w.payout_id AND p.batch_id = w.batch_id
				WHERE w.batch_id = :id ORDER BY w.id""").param("id", id).query((rs, n) -> {
					Asset a = Asset.of(rs.getString(5));
					return new Item(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), a.code(), scaled(rs.getBigDecimal(6), a),
							scaled(rs.getBigDecimal(7), a), rs.getString(8), rs.getString(9), rs.getString(10), rs.getString(11),
							rs.getString(12), rs.getString(13), rs.getString(14));
				}).list();
		long count = totals.stream().mapToLong(Total::items).sum();
		CompanyAccount paying = customers.companyAccount(head.payingAccountId()).orElse(null);
		return new BatchView(head.id(), head.serial(), head.payingAccountId(), paying == null ? null : paying.bankName(),
				paying == null ? null : paying.accountNo(), head.channel(), head.status(), head.workOrderId(),
				head.reviewWorkOrderId(), head.createdBy(), head.createdAt(), count, totals, items);
	}

	private static String scaled(BigDecimal value, Asset asset) {
		return value.setScale(asset.scale()).toPlainString();
	}

	@Schema(name = "PayoutBatchBody")
	record CreateBody(@Nullable List<Long> ids, @Nullable Long payingAccountId, @Nullable String channel) {
	}

	record Created(BatchView batch, List<Outcomes.Outcome> results) {
	}

	/** Packs pending (SUBMITTED) applications into a new batch (打包). */
	@PostMapping("/api/payout-batches")
	@ResponseStatus(HttpStatus.CREATED)
	@RequiresPermission(Permission.WITHDRAWAL_PROCESS)
	Created create(@RequestBody CreateBody body, Actor actor) {
		PayoutBatchService.Created created = service.create(body.ids(), body.payingAccountId(), body.channel(), actor);
		return new Created(view(created.batchId(), false), created.outcomes().results());
	}

	/** Batches by status (e.g. the 打包待處理 tab lists PENDING_APPROVAL and PROCESSING), newest first. */
	@GetMapping("/api/payout-batches")
	@RequiresPermission({ Permission.WITHDRAWAL_VIEW, Permission.WITHDRAWAL_PROCESS })
	CursorPage<BatchView> list(@RequestParam(required = false) @Nullable String status, @RequestParam(required = false) @Nullable Integer size,
			@RequestParam(required = false) @Nullable String after) {
		int limit = CursorPage.size(size);
		Long afterId = CursorPage.afterId(after);
		List<Long> ids = jdbc.sql("""
				SELECT id FROM payout_batch WHERE (CAST(:status AS text) IS NULL OR status = ANY(string_to_array(:status, ',')))
				  AND (CAST(:after AS bigint) IS NULL OR id < :after) ORDER BY id DESC LIMIT :limit""")
				.param("status", status == null || status.isBlank() ? null : status.replace(" ", "")).param("after", afterId)
				.param("limit", limit + 1).query(Long.class).list();
		return CursorPage.of(new java.util.ArrayList<>(ids), limit, String::valueOf).map(id -> view(id, false));
	}

	@GetMapping("/api/payout-batches/{id}")
	@RequiresPermission({ Permission.WITHDRAWAL_VIEW, Permission.WITHDRAWAL_PROCESS })
	BatchView get(@PathVariable long id) {
		return view(id, true);
	}

	@Schema(name = "BatchItemIds")
	record IdsBody(@Nullable List<Long> ids) {
	}

	/** Takes items out of a batch that has not been submitted; they return to pending. */
	@PostMapping("/api/payout-batches/{id}/remove-items")
	@RequiresPermission(Permission.WITHDRAWAL_PROCESS)
	Outcomes removeItems(@PathVariable long id, @RequestBody IdsBody body, Actor actor) {
		return service.removeItems(id, body.ids(), actor);
	}

	record DiscardBody(@Nullable String reason) {
	}

	/** 作廢: a draft batch that will not be submitted; its items return to pending. */
	@PostMapping("/api/payout-batches/{id}/discard")
	@RequiresPermission(Permission.WITHDRAWAL_PROCESS)
	Outcomes discard(@PathVariable long id, @RequestBody DiscardBody body, Actor actor) {
		return service.discard(id, body.reason(), actor);
	}

	/** A batch sent to a work order (its payout, or its results to review) and the work order. */
	record Submitted(BatchView batch, WorkOrderView workOrder) {
	}

	/** 提交審核: opens the batch payout work order; the checker approves it in /api/work-orders/{id}/approve. */
	@PostMapping("/api/payout-batches/{id}/submit")
	@RequiresPermission(Permission.WITHDRAWAL_PROCESS)
	Submitted submit(@PathVariable long id, Actor actor) {
		WorkOrderView order = service.submit(id, actor);
		return new Submitted(view(id, false), order);
	}

	record ResultsBody(@Nullable List<PayoutBatchService.ItemResult> items) {
	}

	/** 檢視並更新結果: records item results; once every item has one, the results go to review (a work order). */
	@PostMapping("/api/payout-batches/{id}/results")
	@RequiresPermission(Permission.WITHDRAWAL_PROCESS)
	PayoutBatchService.ResultsOutcome results(@PathVariable long id, @RequestBody ResultsBody body, Actor actor) {
		return service.recordResults(id, body.items(), actor);
	}

	/**
	 * 重新提交結果審核: after the review refused the results and the operator entered the wrong ones again, sends the
	 * batch's results (every item has one) to a new review work order.
	 */
	@PostMapping("/api/payout-batches/{id}/submit-results")
	@RequiresPermission(Permission.WITHDRAWAL_PROCESS)
	Submitted submitResults(@PathVariable long id, Actor actor) {
		WorkOrderView order = service.submitResults(id, actor);
		return new Submitted(view(id, false), order);
	}

	@GetMapping("/api/payout-batches/{id}/file")
	@RequiresPermission({ Permission.WITHDRAWAL_PROCESS, Permission.WITHDRAWAL_VIEW })
	void file(@PathVariable long id, @RequestParam(required = false) @Nullable String format, HttpServletResponse response)
			throws IOException {
		files.forBatch(id, format, response);
	}
}
