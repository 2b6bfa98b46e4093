package io.wbo.identity;

import java.util.Set;

import io.wbo.common.security.Permission;

/** What other modules may ask about operators: their permissions (e.g. to decide a work-order level). */
public interface OperatorDirectory {

	Set<Permission> permissionsOf(long operatorId);

	String usernameOf(long operatorId);

	/** Whether an operator of this username exists and may log in (work can be handed to them). */
	boolean isActive(String username);
}
