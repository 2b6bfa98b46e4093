package io.wbo.identity.internal;

import java.util.List;
import java.util.Set;

import io.wbo.common.Actor;
import io.wbo.common.security.AnyOperator;
import io.wbo.common.security.Permission;
import io.wbo.common.security.PublicEndpoint;
import io.wbo.identity.OperatorPrincipal;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.jspecify.annotations.Nullable;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.csrf.CsrfTokenRepository;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Login, logout, the current operator, and their own password and TOTP. */
@RestController
@RequestMapping("/api/auth")
class AuthController {

	private final LoginService login;
	private final OperatorAdminService admin;
	private final OperatorStore operators;
	private final SecurityContextRepository contexts = new HttpSessionSecurityContextRepository();

	private final CsrfTokenRepository csrfTokens;

	AuthController(LoginService login, OperatorAdminService admin, OperatorStore operators, CsrfTokenRepository csrfTokens) {
		this.csrfTokens = csrfTokens;
		this.login = login;
		this.admin = admin;
		this.operators = operators;
	}

	record LoginRequest(String username, String password, @Nullable String totp) {
	}

	record Me(long id, String username, String displayName, List<String> roles, Set<Permission> permissions, boolean totpEnabled) {
	}

	@PostMapping("/login")
	@PublicEndpoint
	Me login(@RequestBody LoginRequest body, HttpServletRequest request, HttpServletResponse response) {
		Operator operator = login.login(body.username(), body.password(), body.totp(), request.getRemoteAddr());
		HttpSession old = request.getSession(false);
		if (old != null) {
			request.changeSessionId();
		}
		OperatorPrincipal principal = new OperatorPrincipal(operator.id(), operator.username());
		SecurityContext context = SecurityContextHolder.createEmptyContext();
		context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(principal, null,
				List.of(new SimpleGrantedAuthority("ROLE_OPERATOR"))));
		SecurityContextHolder.setContext(context);
		contexts.saveContext(context, request, response);
		OperatorSessions.index(request.getSession(), operator.id());
		// a token known before the login (a cookie planted by a sibling subdomain, a page read over someone's shoulder)
		// must not carry over into the session: a new one, as the session id is new
		csrfTokens.saveToken(csrfTokens.generateToken(request), request, response);
		return me(operator.id());
	}

	@PostMapping("/logout")
	@AnyOperator
	void logout(HttpServletRequest request, Actor actor) {
		login.logout(actor);
		HttpSession session = request.getSession(false);
		if (session != null) {
			session.invalidate();
		}
		SecurityContextHolder.clearContext();
	}

	@GetMapping("/me")
	@AnyOperator
	Me me(Actor actor) {
		return me(actor.id());
	}

	private Me me(long id) {
		Operator operator = operators.byId(id).orElseThrow();
		return new Me(operator.id(), operator.username(), operator.displayName(), operator.roles(), operators.permissionsOf(id),
				operator.totpEnabled());
	}

	record PasswordChange(String currentPassword, String newPassword) {
	}

	@PostMapping("/password")
	@AnyOperator
	void changePassword(Actor actor, @RequestBody PasswordChange body, HttpServletRequest request) {
		HttpSession session = request.getSession(false);
		admin.changeOwnPassword(actor, body.currentPassword(), body.newPassword(), session == null ? null : session.getId());
	}

	@PostMapping("/totp/enrol")
	@AnyOperator
	OperatorAdminService.TotpEnrolment enrol(Actor actor) {
		return admin.enrolTotp(actor);
	}

	record Code(String code) {
	}

	@PostMapping("/totp/confirm")
	@AnyOperator
	void confirm(Actor actor, @RequestBody Code body) {
		admin.confirmTotp(actor, body.code());
	}

	@PostMapping("/totp/disable")
	@AnyOperator
	void disable(Actor actor, @RequestBody Code body) {
		admin.disableTotp(actor, body.code());
	}
}
