package io.wbo.approval.internal;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import io.wbo.approval.WorkOrderStatus;
import io.wbo.audit.FieldChange;
import io.wbo.common.IllegalTransitionException;
import io.wbo.common.security.Permission;
import org.jspecify.annotations.Nullable;

/**
 * The work-order aggregate: its state, its levels, the decisions already taken, and the operators besides the maker
 * who contributed to what is being approved (none of them may decide it).
 */
public record WorkOrder(long id, String type, String subjectType, String subjectId, String subjectLabel, WorkOrderStatus status,
		long makerId, String makerName, List<String> levels, int currentLevel, List<FieldChange> changes, String payload,
		@Nullable String remark, Instant createdAt, @Nullable Instant decidedAt, int version, Set<Long> contributorIds,
		List<Decision> decisions) {

	public record Decision(int level, long operatorId, String operatorName, String decision, @Nullable String comment, Instant at) {
	}

	public io.wbo.approval.WorkOrderView view() {
		return new io.wbo.approval.WorkOrderView(id, type, subjectType, subjectId, subjectLabel, status, makerId, makerName, levels,
				currentLevel, changes, remark, createdAt, decidedAt);
	}

	/** The permission the next decision needs. */
	public Permission pendingPermission() {
		return Permission.valueOf(levels.get(currentLevel));
	}

	public boolean isLastLevel() {
		return currentLevel == levels.size() - 1;
	}

	/** Why this operator may not decide now, or null when they may. */
	public @Nullable String whyNot(long operatorId, Set<Permission> held) {
		if (status != WorkOrderStatus.PENDING) {
			return "the work order is already " + status.name();
		}
		return FourEyesPolicy.whyNot(this, operatorId, held);
	}

	public void requirePending(String action) {
		if (status != WorkOrderStatus.PENDING) {
			throw new IllegalTransitionException("work order", id, status, action);
		}
	}
}
