package io.wbo.reconciliation.internal;

import java.time.LocalDate;

import io.wbo.common.Actor;
import io.wbo.common.CursorPage;
import io.wbo.common.InvalidInputException;
import io.wbo.common.security.Permission;
import io.wbo.common.security.RequiresPermission;
import io.wbo.reconciliation.Direction;
import io.wbo.reconciliation.ReconciliationResult;
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

	ReconciliationController(ReconciliationEngine engine, ReconciliationQueries queries, FollowUps followUps) {
		this.engine = engine;
		this.queries = queries;
		this.followUps = followUps;
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
			@RequestParam(required = false) @Nullable Integer size, @RequestParam(required = false) @Nullable String after) {
		return queries.results(id, parse(result), CursorPage.size(size), CursorPage.afterId(after));
	}

	static @Nullable ReconciliationResult parse(@Nullable String result) {
		if (result == null || result.isBlank()) {
			return null;
		}
		try {
			return ReconciliationResult.valueOf(result);
		}
		catch (IllegalArgumentException e) {
			throw InvalidInputException.of("result", "must be one of MATCHED, AMOUNT_MISMATCH, MISSING_IN_BANK, MISSING_IN_SYSTEM");
		}
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
