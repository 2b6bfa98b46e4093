package io.wbo.common.security;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares what an admin endpoint needs: the operator must hold at least one of the listed permissions. Every
 * handler under {@code /api} carries exactly one of this, {@link AnyOperator}, {@link PublicEndpoint} or
 * {@link SignedIntegration}; a test fails the build on an endpoint without one.
 */
@Target({ ElementType.METHOD, ElementType.TYPE })
@Retention(RetentionPolicy.RUNTIME)
public @interface RequiresPermission {
	Permission[] value();
}
