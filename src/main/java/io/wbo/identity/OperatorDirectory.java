package io.wbo.identity;

import java.util.Set;

import io.wbo.common.security.Permission;

/** What other modules may ask about operators: their permissions (e.g. to decide a work-order level). */
public interface OperatorDirectory {

	Set<Permission> permissionsOf(long operatorId);

	String usernameOf(long operatorId);
}
