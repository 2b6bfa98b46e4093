package io.wbo.identity.internal;

import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

import io.wbo.common.Actor;
import io.wbo.common.DomainException;
import io.wbo.common.security.AnyOperator;
import io.wbo.common.security.Permission;
import io.wbo.common.security.PublicEndpoint;
import io.wbo.common.security.RequiresPermission;
import io.wbo.common.security.SignedIntegration;
import io.wbo.identity.OperatorPrincipal;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Enforces the permission an admin endpoint declares. The operator's permissions are read from the database on each
 * request, so disabling an operator or changing a role takes effect at once. An endpoint that declares nothing is
 * refused (and fails the security test), so forgetting a permission can never open an endpoint.
 */
@Component
class PermissionInterceptor implements HandlerInterceptor {

	static final String ACTOR = PermissionInterceptor.class.getName() + ".actor";
	static final String PERMISSIONS = PermissionInterceptor.class.getName() + ".permissions";

	private final OperatorStore operators;

	PermissionInterceptor(OperatorStore operators) {
		this.operators = operators;
	}

	@Override
	public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
		if (!(handler instanceof HandlerMethod method)) {
			return true;
		}
		if (declared(method, PublicEndpoint.class) || declared(method, SignedIntegration.class)) {
			return true;
		}
		RequiresPermission required = AnnotatedElementUtils.findMergedAnnotation(method.getMethod(), RequiresPermission.class);
		if (required == null) {
			required = AnnotatedElementUtils.findMergedAnnotation(method.getBeanType(), RequiresPermission.class);
		}
		if (required == null && !declared(method, AnyOperator.class)) {
			throw DomainException.forbidden("endpoint declares no permission");
		}
		OperatorPrincipal principal = principal();
		Operator operator = principal == null ? null : operators.byId(principal.id()).filter(Operator::enabled).orElse(null);
		if (operator == null) {
			HttpSession session = request.getSession(false);
			if (session != null) {
				session.invalidate();
			}
			throw new DomainException(HttpStatus.UNAUTHORIZED, "unauthenticated", "log in first (or the account was disabled)");
		}
		Set<Permission> held = operators.permissionsOf(operator.id());
		if (required != null && Arrays.stream(required.value()).noneMatch(held::contains)) {
			throw DomainException.forbidden(required.value().length == 1 ? "this needs the permission " + required.value()[0].name()
					: "this needs one of the permissions " + Arrays.stream(required.value()).map(Enum::name).collect(Collectors.joining(", ")));
		}
		request.setAttribute(ACTOR, new Actor(Actor.Kind.OPERATOR, operator.id(), operator.username(), request.getRemoteAddr()));
		request.setAttribute(PERMISSIONS, held);
		return true;
	}

	private static boolean declared(HandlerMethod method, Class<? extends java.lang.annotation.Annotation> type) {
		return method.hasMethodAnnotation(type) || AnnotatedElementUtils.hasAnnotation(method.getBeanType(), type);
	}

	static OperatorPrincipal principal() {
		Authentication auth = SecurityContextHolder.getContext().getAuthentication();
		return auth != null && auth.getPrincipal() instanceof OperatorPrincipal p ? p : null;
	}
}
