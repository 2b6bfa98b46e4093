package io.wbo.withdrawal.internal;

import java.io.IOException;
import java.util.List;

import io.wbo.approval.WorkOrderView;
import io.wbo.common.Actor;
import io.wbo.common.CursorPage;
import io.wbo.common.InvalidInputException;
import io.wbo.common.export.ExportFormat;
import io.wbo.common.export.Exports;
import io.wbo.common.security.Permission;
import io.wbo.common.security.RequiresPermission;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Admin API of withdrawal applications and their processing (款項管理 › 出金). */
@RestController
class WithdrawalController {

	private final WithdrawalService service;
	private final WithdrawalQueries queries;
	private final PayoutFiles files;
	private final WithdrawalProofs proofs;

	WithdrawalController(WithdrawalService service, WithdrawalQueries queries, PayoutFiles files, WithdrawalProofs proofs) {
		this.service = service;
		this.queries = queries;
		this.files = files;
		this.proofs = proofs;
	}

	/** {@code proofIds}: files uploaded beforehand through {@code POST /api/files}. */
	record ManualBody(@Nullable Long customerId, @Nullable String currency, @Nullable String amount, @Nullable String fee,
			@Nullable Long bankCardId, @Nullable String remark, @Nullable List<Long> proofIds) {
	}

	/** 手工提現 (W-2): amount + fee are frozen at once; not enough balance → 422 and nothing is created. */
	@PostMapping("/api/withdrawals")
	@ResponseStatus(HttpStatus.CREATED)
	@RequiresPermission(Permission.WITHDRAWAL_APPLY)
	WithdrawalQueries.View create(@RequestBody ManualBody body, Actor actor) {
		if (body.customerId() == null) {
			throw InvalidInputException.of("customerId", "is required");
		}
		long id = service.create(body.customerId(), new WithdrawalService.Application(body.currency(), body.amount(),
				body.fee() == null ? "0" : body.fee(), body.bankCardId(), body.remark(), body.proofIds()), "MANUAL", actor).id();
		return queries.view(id);
	}

	@GetMapping("/api/withdrawals")
	@RequiresPermission({ Permission.WITHDRAWAL_VIEW, Permission.WITHDRAWAL_APPLY, Permission.WITHDRAWAL_PROCESS })
	CursorPage<WithdrawalQueries.View> list(@ParameterObject WithdrawalQueries.Filter filter,
			@RequestParam(required = false) @Nullable Integer size, @RequestParam(required = false) @Nullable String after) {
		return queries.list(filter, CursorPage.size(size), CursorPage.afterId(after));
	}

	/** The count and sums per currency of everything the same filters select in the list (not only the page shown). */
	@GetMapping("/api/withdrawals/totals")
	@RequiresPermission({ Permission.WITHDRAWAL_VIEW, Permission.WITHDRAWAL_APPLY, Permission.WITHDRAWAL_PROCESS })
	List<WithdrawalQueries.Total> totals(@ParameterObject WithdrawalQueries.Filter filter) {
		return queries.totals(filter);
	}

	/** Exactly what the same filters select in the list, streamed as XLSX or CSV. */
	@GetMapping("/api/withdrawals/export")
	@RequiresPermission({ Permission.WITHDRAWAL_VIEW, Permission.WITHDRAWAL_APPLY, Permission.WITHDRAWAL_PROCESS })
	void export(@RequestParam(required = false) @Nullable String format, @ParameterObject WithdrawalQueries.Filter filter,
			jakarta.servlet.http.HttpServletRequest request, HttpServletResponse response) throws IOException {
		ExportFormat f = ExportFormat.parse(format);
		queries.where(filter, new StringBuilder(), new java.util.HashMap<>()); // a bad filter is a 400 before any byte is sent
		Exports.prepare(response, f, Exports.fileName("withdrawals", f));
		queries.export(filter, f, response.getOutputStream(), io.wbo.common.web.MessageCatalog.Language.ofRequest(request));
	}

	@GetMapping("/api/withdrawals/indicators")
	@RequiresPermission({ Permission.WITHDRAWAL_VIEW, Permission.WITHDRAWAL_APPLY, Permission.WITHDRAWAL_PROCESS })
	List<WithdrawalQueries.Indicator> indicators() {
		return queries.indicators();
	}

	/** One application with its risk findings, full history, payout orders and cheque prints. */
	@GetMapping("/api/withdrawals/{id}")
	@RequiresPermission({ Permission.WITHDRAWAL_VIEW, Permission.WITHDRAWAL_APPLY, Permission.WITHDRAWAL_PROCESS })
	WithdrawalQueries.WithdrawalDetail get(@PathVariable long id) {
		return queries.detail(id);
	}

	/**
	 * A proof of this application, shown in place (images, PDF) or, with {@code download=true}, saved. Only files that
	 * are or were linked to the application (including those an edit proposes) are reachable this way.
	 */
	@GetMapping("/api/withdrawals/{id}/proofs/{fileId}")
	@RequiresPermission({ Permission.WITHDRAWAL_VIEW, Permission.WITHDRAWAL_APPLY, Permission.WITHDRAWAL_PROCESS })
	ResponseEntity<byte[]> proof(@PathVariable long id, @PathVariable long fileId, @RequestParam(defaultValue = "false") boolean download) {
		return proofs.content(id, fileId).toResponse(download);
	}

	/** 修改 (W-6): opens a work order; the change applies only when it is approved. */
	@PatchMapping("/api/withdrawals/{id}")
	@RequiresPermission(Permission.WITHDRAWAL_APPLY)
	WorkOrderView edit(@PathVariable long id, @RequestBody WithdrawalService.Edit body, Actor actor) {
		return service.proposeEdit(id, body, actor);
	}

	/** 刪除 (W-5): a soft delete with its reason; the funds are unfrozen. */
	@DeleteMapping("/api/withdrawals/{id}")
	@RequiresPermission(Permission.WITHDRAWAL_APPLY)
	WithdrawalQueries.View delete(@PathVariable long id, @RequestParam(required = false) @Nullable String reason, Actor actor) {
		service.delete(id, reason, actor);
		return queries.view(id);
	}

	record IdsBody(@Nullable List<Long> ids, @Nullable String reason) {
	}

	@PostMapping("/api/withdrawals/reject")
	@RequiresPermission(Permission.WITHDRAWAL_APPLY)
	Outcomes reject(@RequestBody IdsBody body, Actor actor) {
		WithdrawalService.requireReason(body.reason());
		return service.reject(WithdrawalService.distinct(body.ids()), body.reason(), actor);
	}

	@PostMapping("/api/withdrawals/submit")
	@RequiresPermission(Permission.WITHDRAWAL_APPLY)
	Outcomes submit(@RequestBody IdsBody body, Actor actor) {
		return service.submit(body.ids(), actor);
	}

	record DirectPayoutResponse(WithdrawalQueries.View withdrawal, WorkOrderView workOrder) {
	}

	/** 直接出帳 (W-8): submits the payout for review (work order). */
	@PostMapping("/api/withdrawals/{id}/direct-payout")
	@RequiresPermission(Permission.WITHDRAWAL_PROCESS)
	DirectPayoutResponse directPayout(@PathVariable long id, @RequestBody WithdrawalService.PayoutRequest body, Actor actor) {
		WorkOrderView order = service.requestDirectPayout(id, body, actor);
		return new DirectPayoutResponse(queries.view(id), order);
	}

	/** 檢視並更新結果 of a direct payout (or a re-paid / resubmitted one). */
	@PostMapping("/api/withdrawals/{id}/result")
	@RequiresPermission(Permission.WITHDRAWAL_PROCESS)
	WithdrawalQueries.View result(@PathVariable long id, @RequestBody WithdrawalService.Result body, Actor actor) {
		service.recordResult(id, body, actor);
		return queries.view(id);
	}

	record AbnormalBody(@Nullable List<Long> ids, @Nullable String action, @Nullable String remark) {
	}

	/** 異常出金 (W-13): each listed application waits for review of the chosen action (one work order each). */
	@PostMapping("/api/withdrawals/abnormal/handle")
	@RequiresPermission(Permission.WITHDRAWAL_PROCESS)
	Outcomes handleAbnormal(@RequestBody AbnormalBody body, Actor actor) {
		return service.handleAbnormal(body.ids(), body.action(), body.remark(), actor);
	}

	/** The bank payment file of a direct payout (W-10): csv, xlsx or pain001 (ISO 20022 pain.001.001.09). */
	@GetMapping("/api/withdrawals/{id}/payout-file")
	@RequiresPermission({ Permission.WITHDRAWAL_PROCESS, Permission.WITHDRAWAL_VIEW })
	void payoutFile(@PathVariable long id, @RequestParam(required = false) @Nullable String format, HttpServletResponse response)
			throws IOException {
		files.forWithdrawal(id, format, response);
	}
}
