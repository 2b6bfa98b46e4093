package io.wbo.approval;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.wbo.approval.internal.WorkOrder;
import io.wbo.approval.internal.WorkOrderStore;
import io.wbo.audit.AuditLog;
import io.wbo.audit.AuditRecord;
import io.wbo.audit.FieldChange;
import io.wbo.common.Actor;
import io.wbo.common.DomainException;
import io.wbo.common.InvalidInputException;
import io.wbo.common.security.Permission;
import io.wbo.identity.OperatorDirectory;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Opens and decides work orders. The final decision publishes {@link WorkOrderDecided} inside the deciding
 * transaction; the owner applies it there. Deciders are serialized per work order by a row lock, so two checkers
 * approving at the same moment get one approval and one refusal naming the new state.
 */
@Service
public class WorkOrders {

	private final WorkOrderStore store;
	private final AuditLog audit;
	private final OperatorDirectory operators;
	private final ApplicationEventPublisher events;
	private final Map<String, WorkOrderType> types;

	WorkOrders(WorkOrderStore store, AuditLog audit, OperatorDirectory operators, ApplicationEventPublisher events,
			List<WorkOrderType> types) {
		this.store = store;
		this.audit = audit;
		this.operators = operators;
		this.events = events;
		this.types = types.stream().collect(Collectors.toMap(WorkOrderType::code, Function.identity()));
	}

	/** Writes each registered type's default policy, once; later starts keep what an admin changed. */
	@EventListener(ApplicationReadyEvent.class)
	@Transactional
	public void registerPolicies() {
		types.values().forEach(t -> store.registerDefault(t.code(), t.enabledByDefault(),
				t.defaultLevels().stream().map(Enum::name).toList()));
	}

	/**
	 * Opens a work order for a proposed change. When the type's approval is switched off, the work order is approved
	 * at once (recorded as such) and the owner applies it in this same transaction.
	 */
	@Transactional
	public WorkOrderView open(WorkOrderRequest request, Actor maker) {
		WorkOrderType type = type(request.type());
		WorkOrderStore.Policy policy = store.policy(type.code()).orElseGet(() -> {
			store.registerDefault(type.code(), type.enabledByDefault(), type.defaultLevels().stream().map(Enum::name).toList());
			return store.policy(type.code()).orElseThrow();
		});
		boolean needsApproval = policy.enabled() && !policy.levels().isEmpty();
		WorkOrderStatus status = needsApproval ? WorkOrderStatus.PENDING : WorkOrderStatus.APPROVED;
		long id = store.insert(request, maker, policy.levels(), status);
		List<FieldChange> opened = new java.util.ArrayList<>(List.of(FieldChange.set("type", request.type()),
				FieldChange.set("subject", request.subjectType() + " " + request.subjectLabel()), FieldChange.set("status", status)));
		if (!request.contributorIds().isEmpty()) {
			opened.add(FieldChange.set("contributors", request.contributorIds().stream().sorted().map(String::valueOf)
					.collect(Collectors.joining(","))));
		}
		audit.record(AuditRecord.of(maker, "WORK_ORDER_OPENED", "WorkOrder", id, opened).withRemark(request.remark()));
		if (!needsApproval) {
			audit.record(AuditRecord.of(maker, "WORK_ORDER_AUTO_APPROVED", "WorkOrder", id,
					List.of(FieldChange.of("status", WorkOrderStatus.PENDING, WorkOrderStatus.APPROVED)))
					.withRemark("approval is switched off for " + request.type()));
			events.publishEvent(new WorkOrderDecided(id, request.type(), request.subjectType(), request.subjectId(),
					WorkOrderStatus.APPROVED, request.payload(), maker.id(), maker.id(), maker.name(), "approval off"));
		}
		return view(store.find(id).orElseThrow());
	}

	@Transactional
	public WorkOrderView approve(long id, @Nullable String comment, Actor checker) {
		WorkOrder order = lock(id);
		order.requirePending("approve");
		String whyNot = order.whyNot(checker.id(), operators.permissionsOf(checker.id()));
		if (whyNot != null) {
			throw DomainException.forbidden(whyNot);
		}
		store.recordDecision(id, order.currentLevel(), checker, "APPROVED", comment);
		if (!order.isLastLevel()) {
			store.advance(id, order.currentLevel() + 1);
			audit.record(AuditRecord.of(checker, "WORK_ORDER_LEVEL_APPROVED", "WorkOrder", id,
					List.of(FieldChange.of("level", order.currentLevel() + 1, order.currentLevel() + 2))).withRemark(comment));
			return view(store.find(id).orElseThrow());
		}
		return decide(order, WorkOrderStatus.APPROVED, comment, checker);
	}

	@Transactional
	public WorkOrderView reject(long id, String comment, Actor checker) {
		if (comment == null || comment.isBlank()) {
			throw InvalidInputException.of("comment", "a reason is required to reject");
		}
		WorkOrder order = lock(id);
		order.requirePending("reject");
		String whyNot = order.whyNot(checker.id(), operators.permissionsOf(checker.id()));
		if (whyNot != null) {
			throw DomainException.forbidden(whyNot);
		}
		store.recordDecision(id, order.currentLevel(), checker, "REJECTED", comment);
		return decide(order, WorkOrderStatus.REJECTED, comment, checker);
	}

	/** The maker withdraws their own pending work order. */
	@Transactional
	public WorkOrderView cancel(long id, @Nullable String comment, Actor maker) {
		WorkOrder order = lock(id);
		order.requirePending("cancel");
		if (order.makerId() != maker.id()) {
			throw DomainException.forbidden("only the maker can cancel a work order");
		}
		return decide(order, WorkOrderStatus.CANCELLED, comment == null ? "cancelled by the maker" : comment, maker);
	}

	/** Cancels pending work orders of a subject whose state moved on (e.g. an edit of a withdrawal that was rejected). */
	@Transactional
	public void cancelPendingFor(String subjectType, String subjectId, String type, String reason, Actor actor) {
		store.search(new WorkOrderStore.Filter(WorkOrderStatus.PENDING, type, subjectType, subjectId, null, null, null, null, null), 100, null)
				.items().forEach(o -> decide(lock(o.id()), WorkOrderStatus.CANCELLED, reason, actor));
	}

	private WorkOrderView decide(WorkOrder order, WorkOrderStatus status, @Nullable String comment, Actor actor) {
		store.finish(order.id(), status);
		audit.record(AuditRecord.of(actor, "WORK_ORDER_" + status.name(), "WorkOrder", order.id(),
				List.of(FieldChange.of("status", order.status(), status))).withRemark(comment));
		events.publishEvent(new WorkOrderDecided(order.id(), order.type(), order.subjectType(), order.subjectId(), status,
				order.payload(), order.makerId(), actor.id(), actor.name(), comment == null ? "" : comment));
		return view(store.find(order.id()).orElseThrow());
	}

	@Transactional
	public void comment(long id, String text, Actor actor) {
		if (text == null || text.isBlank()) {
			throw InvalidInputException.of("text", "is required");
		}
		store.find(id).orElseThrow(() -> DomainException.notFound("work order", id));
		store.addComment(id, actor, text.trim());
		audit.record(AuditRecord.of(actor, "WORK_ORDER_COMMENTED", "WorkOrder", id, List.of()).withRemark(text.trim()));
	}

	@Transactional(readOnly = true)
	public WorkOrderView get(long id) {
		return view(store.find(id).orElseThrow(() -> DomainException.notFound("work order", id)));
	}

	/** The latest work order of a type for a subject, if any (owners show it on their records). */
	@Transactional(readOnly = true)
	public java.util.Optional<WorkOrderView> latestFor(String subjectType, String subjectId, String type) {
		return store.search(new WorkOrderStore.Filter(null, type, subjectType, subjectId, null, null, null, null, null), 1, null)
				.items().stream().findFirst().map(WorkOrders::view);
	}

	@Transactional
	public WorkOrderStore.Policy savePolicy(String typeCode, boolean enabled, List<String> levels, Actor admin) {
		WorkOrderType type = type(typeCode);
		InvalidInputException.Collector errors = new InvalidInputException.Collector();
		Set<String> known = java.util.Arrays.stream(Permission.values()).map(Enum::name).collect(Collectors.toSet());
		if (levels == null || levels.isEmpty() || levels.size() > 5) {
			errors.add("levels", "must name between 1 and 5 levels");
		}
		else {
			for (int i = 0; i < levels.size(); i++) {
				errors.require(known.contains(levels.get(i)), "levels[" + i + "]", "unknown permission '" + levels.get(i) + "'");
			}
		}
		errors.require(enabled || type.mayBeDisabled(), "enabled", "approval of " + typeCode + " cannot be switched off");
		errors.throwIfAny();
		WorkOrderStore.Policy before = store.policy(typeCode).orElseThrow();
		store.savePolicy(typeCode, enabled, levels);
		audit.record(AuditRecord.of(admin, "APPROVAL_POLICY_CHANGED", "ApprovalPolicy", typeCode, new FieldChange.Diff()
				.field("enabled", before.enabled(), enabled)
				.field("levels", String.join(",", before.levels()), String.join(",", levels)).changes()));
		return store.policy(typeCode).orElseThrow();
	}

	public boolean mayBeDisabled(String typeCode) {
		return type(typeCode).mayBeDisabled();
	}

	private WorkOrderType type(String code) {
		WorkOrderType type = types.get(code);
		if (type == null) {
			throw DomainException.notFound("work-order type", code);
		}
		return type;
	}

	private WorkOrder lock(long id) {
		return store.lock(id).orElseThrow(() -> DomainException.notFound("work order", id));
	}

	static WorkOrderView view(WorkOrder o) {
		return o.view();
	}
}
