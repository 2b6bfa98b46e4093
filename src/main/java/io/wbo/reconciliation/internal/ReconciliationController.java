package io.wbo.reconciliation.internal;

import java.time.LocalDate;

import io.wbo.common.Actor;
import io.wbo.common.CursorPage;
import io.wbo.common.security.Permission;
import io.wbo.common.security.RequiresPermission;
import io.wbo.common.web.MessageCatalog;
import io.wbo.reconciliation.Direction;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** 出金對帳 / 入金對帳: refresh a period (a run), its counts per result, the result list, follow-up of mismatches. */
@RestController
class ReconciliationController {

	private final ReconciliationEngine engine;
	private final ReconciliationQueries queries;
	private final FollowUps followUps;
	private final ResultExports exporter;

	ReconciliationController(ReconciliationEngine engine, ReconciliationQueries queries, FollowUps followUps, ResultExports exporter) {
		this.engine = engine;
		this.queries = queries;
		this.followUps = followUps;
		this.exporter = exporter;
	}

	record RunBody(@Nullable Direction direction, @Nullable Long accountId, @Nullable LocalDate from, @Nullable LocalDate to,
			@Nullable Integer windowDays) {
	}

	@PostMapping("/api/reconciliations")
	@RequiresPermission(Permission.RECONCILE)
	ReconciliationQueries.RunView run(@RequestBody RunBody body, Actor actor) {
		long id = engine.run(body.direction(), body.accountId(), body.from(), body.to(), body.windowDays(), actor);
		return queries.run(id);
	}

	@GetMapping("/api/reconciliations")
	@RequiresPermission(Permission.RECONCILE)
	CursorPage<ReconciliationQueries.RunView> runs(@RequestParam(required = false) @Nullable Long accountId,
			@RequestParam(required = false) @Nullable Direction direction, @RequestParam(required = false) @Nullable Integer size,
			@RequestParam(required = false) @Nullable String after) {
		return queries.runs(accountId, direction, CursorPage.size(size), CursorPage.afterId(after));
	}

	@GetMapping("/api/reconciliations/{id}")
	@RequiresPermission(Permission.RECONCILE)
	ReconciliationQueries.RunView get(@PathVariable long id) {
		return queries.run(id);
	}

	@GetMapping("/api/reconciliations/{id}/results")
	@RequiresPermission(Permission.RECONCILE)
	CursorPage<ReconciliationQueries.ResultView> results(@PathVariable long id, @RequestParam(required = false) @Nullable String result,
			@RequestParam(required = false) @Nullable String minAmount, @RequestParam(required = false) @Nullable String maxAmount,
			@RequestParam(required = false) @Nullable Integer size, @RequestParam(required = false) @Nullable String after) {
		return queries.results(id, ReconciliationQueries.ResultFilter.parse(result, minAmount, maxAmount), CursorPage.size(size),
				CursorPage.afterId(after));
	}

	static final java.util.List<String> EXPORT_HEADERS = java.util.List.of("Result 對帳結果", "Reason 原因", "Record type 類型", "Record 業務流水號",
			"Bank line 銀行流水 ID", "Currency 幣種", "System amount 系統金額", "Bank amount 銀行金額", "System date 系統日期", "Bank date 銀行日期",
			"Bank reference 銀行流水號", "Counterparty account 對方帳號", "Follow-up 跟進");

	@GetMapping("/api/reconciliations/{id}/results/export")
	@RequiresPermission(Permission.RECONCILE)
	void export(@PathVariable long id, @RequestParam(required = false) @Nullable String result, @RequestParam(required = false) @Nullable String minAmount,
			@RequestParam(required = false) @Nullable String maxAmount, @RequestParam(required = false) @Nullable String format,
			jakarta.servlet.http.HttpServletRequest request, jakarta.servlet.http.HttpServletResponse response) throws java.io.IOException {
		io.wbo.common.export.ExportFormat f = io.wbo.common.export.ExportFormat.parse(format);
		ReconciliationQueries.ResultFilter filter = ReconciliationQueries.ResultFilter.parse(result, minAmount, maxAmount);
		queries.run(id);
		io.wbo.common.export.Exports.prepare(response, f, io.wbo.common.export.Exports.fileName("reconciliation-" + id, f));
		exporter.export(id, filter, f, response.getOutputStream(), MessageCatalog.Language.ofRequest(request));
	}

	record FollowUpBody(@Nullable String assignee, @Nullable String comment, @Nullable String reason) {
	}

	@PostMapping("/api/reconciliations/results/{resultId}/follow-up")
	@RequiresPermission(Permission.RECONCILE)
	FollowUps.FollowUp openFollowUp(@PathVariable long resultId, @RequestBody(required = false) @Nullable FollowUpBody body, Actor actor) {
		return followUps.open(resultId, body == null ? null : body.assignee(), body == null ? null : body.comment(), actor);
	}

	@GetMapping("/api/reconciliation-follow-ups")
	@RequiresPermission(Permission.RECONCILE)
	CursorPage<FollowUps.FollowUp> followUps(@RequestParam(required = false) FollowUps.@Nullable Status status,
			@RequestParam(required = false) @Nullable Integer size, @RequestParam(required = false) @Nullable String after) {
		return followUps.list(status, CursorPage.size(size), CursorPage.afterId(after));
	}

	@GetMapping("/api/reconciliation-follow-ups/{id}")
	@RequiresPermission(Permission.RECONCILE)
	FollowUps.FollowUp followUp(@PathVariable long id) {
		return followUps.get(id);
	}

	@PostMapping("/api/reconciliation-follow-ups/{id}/assign")
	@RequiresPermission(Permission.RECONCILE)
	FollowUps.FollowUp assign(@PathVariable long id, @RequestBody FollowUpBody body, Actor actor) {
		return followUps.assign(id, body.assignee(), actor);
	}

	@PostMapping("/api/reconciliation-follow-ups/{id}/comments")
	@RequiresPermission(Permission.RECONCILE)
	FollowUps.FollowUp comment(@PathVariable long id, @RequestBody FollowUpBody body, Actor actor) {
		return followUps.comment(id, body.comment(), actor);
	}

	@PostMapping("/api/reconciliation-follow-ups/{id}/resolve")
	@RequiresPermission(Permission.RECONCILE)
	FollowUps.FollowUp resolve(@PathVariable long id, @RequestBody FollowUpBody body, Actor actor) {
		return followUps.resolve(id, body.reason(), actor);
	}
}
