package io.wbo.approval.internal;

import java.util.Set;

import io.wbo.common.security.Permission;
import org.jspecify.annotations.Nullable;

/**
 * The maker-checker rule: the maker never decides their own work order, nor does anyone who contributed to what it
 * asks to approve (who packed the batch, who entered its results); nobody decides two levels of the same work order;
 * and each level needs its permission.
 */
final class FourEyesPolicy {

	private FourEyesPolicy() {
	}

	static @Nullable String whyNot(WorkOrder order, long operatorId, Set<Permission> held) {
		if (order.makerId() == operatorId) {
			return "you made this work order; another person must decide it (four-eyes rule)";
		}
		if (order.contributorIds().contains(operatorId)) {
			return "you contributed to what this work order approves; another person must decide it (four-eyes rule)";
		}
		if (order.decisions().stream().anyMatch(d -> d.operatorId() == operatorId)) {
			return "you already decided an earlier level; another person must decide this one";
		}
		if (!held.contains(order.pendingPermission())) {
			return "level " + (order.currentLevel() + 1) + " needs the permission " + order.pendingPermission().name();
		}
		return null;
	}
}
