package io.wbo.identity.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

import io.wbo.common.web.ProblemResponses;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.json.JsonMapper;

/**
 * The metrics (Prometheus and /actuator/metrics) name every endpoint with its traffic and errors, the pool and the
 * JVM: they are for the monitoring system, which scrapes them with a bearer token ({@code WBO_METRICS_TOKEN}), not for
 * whoever reaches the port. Without a token configured they are served to nobody. Health stays open for the load
 * balancer; it tells only UP or DOWN per component.
 */
@Configuration(proxyBeanMethods = false)
class MetricsAccess {

	@Bean
	@Order(0)
	SecurityFilterChain metricsSecurity(HttpSecurity http, JsonMapper json, @Value("${wbo.metrics.token:}") String token) throws Exception {
		ProblemResponses problems = new ProblemResponses(json);
		byte[] expected = ("Bearer " + token).getBytes(StandardCharsets.UTF_8);
		http.securityMatcher("/actuator/prometheus", "/actuator/metrics", "/actuator/metrics/**")
				.csrf(AbstractHttpConfigurer::disable)
				.sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
				.requestCache(cache -> cache.disable())
				.authorizeHttpRequests(auth -> auth.anyRequest().permitAll())
				.addFilterBefore(new OncePerRequestFilter() {
					@Override
					protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
							throws ServletException, IOException {
						String sent = request.getHeader("Authorization");
						// compared in constant time: how long a wrong guess took says nothing about the token
						if (!token.isBlank() && sent != null && MessageDigest.isEqual(expected, sent.getBytes(StandardCharsets.UTF_8))) {
							chain.doFilter(request, response);
							return;
						}
						response.setHeader("WWW-Authenticate", "Bearer");
						problems.write(request, response, HttpStatus.UNAUTHORIZED, "unauthenticated", token.isBlank()
								? "metrics are served only to a scraper with the token set in WBO_METRICS_TOKEN"
								: "a valid metrics token is required");
					}
				}, AuthorizationFilter.class);
		return http.build();
	}
}
