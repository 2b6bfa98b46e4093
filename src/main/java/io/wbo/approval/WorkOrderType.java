package io.wbo.approval;

import java.util.List;

import io.wbo.common.security.Permission;

/**
 * A kind of work order, declared as a bean by the module that owns its subject. The default policy is written to the
 * database on first start; after that the stored policy (edited by an admin) rules.
 */
public interface WorkOrderType {

	/** Stable code, e.g. {@code BANK_CARD_CHANGE}, {@code WITHDRAWAL_DIRECT_PAYOUT}. */
	String code();

	/** The permission needed at each level, in order. */
	List<Permission> defaultLevels();

	default boolean enabledByDefault() {
		return true;
	}

	/** Whether an admin may switch approval off for this type (some controls must never be skipped). */
	default boolean mayBeDisabled() {
		return false;
	}

	static WorkOrderType of(String code, List<Permission> levels, boolean enabledByDefault, boolean mayBeDisabled) {
		return new WorkOrderType() {
			public String code() {
				return code;
			}

			public List<Permission> defaultLevels() {
				return levels;
			}

			public boolean enabledByDefault() {
				return enabledByDefault;
			}

			public boolean mayBeDisabled() {
				return mayBeDisabled;
			}
		};
	}
}
