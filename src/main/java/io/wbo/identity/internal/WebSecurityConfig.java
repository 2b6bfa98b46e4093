package io.wbo.identity.internal;

import java.io.IOException;

import io.wbo.common.web.ProblemResponses;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfFilter;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.csrf.CsrfTokenRepository;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.header.writers.ContentSecurityPolicyHeaderWriter;
import org.springframework.security.web.header.writers.DelegatingRequestMatcherHeaderWriter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.json.JsonMapper;

/**
 * Security of the console and the admin API: a session cookie (stored in PostgreSQL by Spring Session), the
 * cookie-to-header CSRF convention, and problem-details answers for 401 and 403. Which permission an endpoint needs is
 * checked by {@link PermissionInterceptor}. The APP's bearer-token chain is configured by the app module.
 */
@Configuration
class WebSecurityConfig {

	@Bean
	PasswordEncoder passwordEncoder() {
		return new BCryptPasswordEncoder(10);
	}

	/**
	 * No observation around each security filter: with metrics only (no tracing backend) they are spans nobody reads,
	 * and wrapping every filter of every request costs a visible share of an APP request's CPU. Request metrics
	 * ({@code http.server.requests}) are kept.
	 */
	@Bean
	org.springframework.security.config.observation.SecurityObservationSettings securityObservationSettings() {
		return org.springframework.security.config.observation.SecurityObservationSettings.noObservations();
	}

	/**
	 * What the console's pages may load: its own scripts, styles, images and API, nothing from elsewhere, no plugins,
	 * and no framing; an injected script tag or a form posting elsewhere does not run. Inline styles are allowed because
	 * antd's CSS-in-JS writes its styles as {@code <style>} elements at run time; scripts stay 'self' only. Swagger UI,
	 * a tool with its own inline code, is left without it.
	 */
	static final String CONSOLE_CSP = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
			+ "img-src 'self' data: blob:; font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'self'; "
			+ "form-action 'self'; frame-ancestors 'none'";

	/** The console's CSRF tokens, in the XSRF-TOKEN cookie the console echoes; a bean so that login can replace the token. */
	@Bean
	CsrfTokenRepository consoleCsrfTokens() {
		return CookieCsrfTokenRepository.withHttpOnlyFalse();
	}

	@Bean
	@Order(2)
	SecurityFilterChain consoleSecurity(HttpSecurity http, JsonMapper json, CsrfTokenRepository consoleCsrfTokens) throws Exception {
		ProblemResponses problems = new ProblemResponses(json);
		http
				.csrf(csrf -> csrf.spa().csrfTokenRepository(consoleCsrfTokens).ignoringRequestMatchers("/api/auth/login", "/api/integrations/**"))
				.addFilterAfter(new CsrfCookieFilter(), CsrfFilter.class)
				.authorizeHttpRequests(auth -> auth
						.requestMatchers("/api/auth/login", "/api/integrations/**").permitAll()
						.requestMatchers("/api/**").authenticated()
						.anyRequest().permitAll())
				.formLogin(AbstractHttpConfigurer::disable)
				.httpBasic(AbstractHttpConfigurer::disable)
				.logout(AbstractHttpConfigurer::disable)
				.requestCache(cache -> cache.disable())
				.headers(headers -> headers
						.referrerPolicy(r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN))
						.frameOptions(f -> f.deny())
						.addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(
								new NegatedRequestMatcher(new OrRequestMatcher(PathPatternRequestMatcher.withDefaults().matcher("/swagger-ui/**"),
										PathPatternRequestMatcher.withDefaults().matcher("/swagger-ui.html"))),
								new ContentSecurityPolicyHeaderWriter(CONSOLE_CSP))))
				.exceptionHandling(ex -> ex
						.authenticationEntryPoint((req, res, e) -> problems.write(req, res, HttpStatus.UNAUTHORIZED, "unauthenticated",
								"log in first (or the session has expired)"))
						.accessDeniedHandler((req, res, e) -> {
							// an anonymous caller refused for a missing CSRF token is told to log in, not "forbidden"
							if (PermissionInterceptor.principal() == null) {
								problems.write(req, res, HttpStatus.UNAUTHORIZED, "unauthenticated", "log in first (or the session has expired)");
							}
							else {
								problems.write(req, res, HttpStatus.FORBIDDEN, "csrf-token-invalid",
										"request refused: missing or wrong CSRF token (reload the page)");
							}
						}));
		return http.build();
	}

	/** Makes the XSRF-TOKEN cookie appear on the first response, so the console can echo it in X-XSRF-TOKEN. */
	static final class CsrfCookieFilter extends OncePerRequestFilter {
		@Override
		protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
				throws ServletException, IOException {
			CsrfToken token = (CsrfToken) request.getAttribute(CsrfToken.class.getName());
			if (token != null) {
				token.getToken();
			}
			chain.doFilter(request, response);
		}
	}
}
