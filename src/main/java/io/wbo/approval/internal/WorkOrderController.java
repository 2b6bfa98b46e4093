package io.wbo.approval.internal;

import java.sql.Timestamp;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;

import io.wbo.approval.WorkOrderStatus;
import io.wbo.approval.WorkOrderView;
import io.wbo.approval.WorkOrders;
import io.wbo.common.Actor;
import io.wbo.common.CursorPage;
import io.wbo.common.DomainException;
import io.wbo.common.security.AnyOperator;
import io.wbo.common.security.Permission;
import io.wbo.common.security.RequiresPermission;
import io.wbo.common.web.SaidMessage;
import io.wbo.identity.OperatorDirectory;
import org.jspecify.annotations.Nullable;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The work-order inbox, history and decisions (工單). Reading and deciding are open to any operator: whether one may
 * decide a given level is the four-eyes policy's call, answered with the reason.
 */
@RestController
class WorkOrderController {

	private final WorkOrders workOrders;
	private final WorkOrderStore store;
	private final OperatorDirectory operators;

	WorkOrderController(WorkOrders workOrders, WorkOrderStore store, OperatorDirectory operators) {
		this.workOrders = workOrders;
		this.store = store;
		this.operators = operators;
	}

	@GetMapping("/api/work-orders")
	@AnyOperator
	CursorPage<WorkOrderView> list(Actor actor, @RequestParam(required = false) @Nullable WorkOrderStatus status,
			@RequestParam(required = false) @Nullable String type, @RequestParam(required = false) @Nullable String subjectType,
			@RequestParam(required = false) @Nullable String subjectId, @RequestParam(required = false) @Nullable Long makerId,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) @Nullable OffsetDateTime from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) @Nullable OffsetDateTime to,
			@RequestParam(defaultValue = "false") boolean inbox, @RequestParam(required = false) @Nullable Integer size,
			@RequestParam(required = false) @Nullable String after) {
		return store.search(filter(actor, status, type, subjectType, subjectId, makerId, from, to, inbox), CursorPage.size(size),
				CursorPage.afterId(after)).map(WorkOrder::view);
	}

	record Counts(long inbox, long mine) {
	}

	/** The numbers on the 工單 menu: what I may decide now, and my own pending work orders. */
	@GetMapping("/api/work-orders/counts")
	@AnyOperator
	Counts counts(Actor actor) {
		return new Counts(store.count(filter(actor, null, null, null, null, null, null, null, true)),
				store.count(filter(actor, WorkOrderStatus.PENDING, null, null, null, actor.id(), null, null, false)));
	}

	private WorkOrderStore.Filter filter(Actor actor, @Nullable WorkOrderStatus status, @Nullable String type, @Nullable String subjectType,
			@Nullable String subjectId, @Nullable Long makerId, @Nullable OffsetDateTime from, @Nullable OffsetDateTime to,
			boolean inbox) {
		List<String> perms = inbox ? operators.permissionsOf(actor.id()).stream().map(Enum::name).toList() : null;
		return new WorkOrderStore.Filter(status, blankToNull(type), blankToNull(subjectType), blankToNull(subjectId),
				makerId, from == null ? null : Timestamp.from(from.toInstant()), to == null ? null : Timestamp.from(to.toInstant()),
				inbox ? actor.id() : null, perms);
	}

	private static @Nullable String blankToNull(@Nullable String s) {
		return s == null || s.isBlank() ? null : s;
	}

	/**
	 * The contributors are the operators besides the maker who did part of what is approved (who packed a batch, who
	 * entered its results): like the maker, none of them may decide, and the checker sees who they are.
	 */
	record WorkOrderDetail(WorkOrderView workOrder, List<String> contributors, List<WorkOrder.Decision> decisions,
			List<WorkOrderStore.Comment> comments, boolean canDecide, @SaidMessage @Nullable String whyNot, boolean canCancel) {
	}

	@GetMapping("/api/work-orders/{id}")
	@AnyOperator
	WorkOrderDetail detail(@PathVariable long id, Actor actor) {
		WorkOrder order = store.find(id).orElseThrow(() -> DomainException.notFound("work order", id));
		Set<Permission> held = operators.permissionsOf(actor.id());
		String whyNot = order.whyNot(actor.id(), held);
		List<String> contributors = order.contributorIds().stream().filter(c -> c != order.makerId()).sorted().map(operators::usernameOf)
				.toList();
		return new WorkOrderDetail(order.view(), contributors, order.decisions(), store.comments(id), whyNot == null, whyNot,
				order.status() == WorkOrderStatus.PENDING && order.makerId() == actor.id());
	}

	record DecisionBody(@Nullable String comment) {
	}

	@PostMapping("/api/work-orders/{id}/approve")
	@AnyOperator
	WorkOrderView approve(@PathVariable long id, @RequestBody(required = false) @Nullable DecisionBody body, Actor actor) {
		return workOrders.approve(id, body == null ? null : body.comment(), actor);
	}

	@PostMapping("/api/work-orders/{id}/reject")
	@AnyOperator
	WorkOrderView reject(@PathVariable long id, @RequestBody(required = false) @Nullable DecisionBody body, Actor actor) {
		return workOrders.reject(id, body == null ? null : body.comment(), actor);
	}

	@PostMapping("/api/work-orders/{id}/cancel")
	@AnyOperator
	WorkOrderView cancel(@PathVariable long id, @RequestBody(required = false) @Nullable DecisionBody body, Actor actor) {
		return workOrders.cancel(id, body == null ? null : body.comment(), actor);
	}

	record CommentBody(String text) {
	}

	@PostMapping("/api/work-orders/{id}/comments")
	@AnyOperator
	List<WorkOrderStore.Comment> comment(@PathVariable long id, @RequestBody CommentBody body, Actor actor) {
		workOrders.comment(id, body.text(), actor);
		return store.comments(id);
	}

	record PolicyView(String type, boolean enabled, List<String> levels, boolean mayBeDisabled) {
	}

	@GetMapping("/api/approval-policies")
	@RequiresPermission({ Permission.SYSTEM_ADMIN, Permission.WORK_ORDER_APPROVE, Permission.AUDIT_VIEW })
	List<PolicyView> policies() {
		return store.policies().stream().map(p -> new PolicyView(p.type(), p.enabled(), p.levels(), workOrders.mayBeDisabled(p.type())))
				.toList();
	}

	record PolicyBody(boolean enabled, List<String> levels) {
	}

	@PutMapping("/api/approval-policies/{type}")
	@RequiresPermission(Permission.SYSTEM_ADMIN)
	PolicyView savePolicy(@PathVariable String type, @RequestBody PolicyBody body, Actor actor) {
		WorkOrderStore.Policy p = workOrders.savePolicy(type, body.enabled(), body.levels(), actor);
		return new PolicyView(p.type(), p.enabled(), p.levels(), workOrders.mayBeDisabled(p.type()));
	}
}
