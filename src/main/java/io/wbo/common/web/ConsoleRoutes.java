package io.wbo.common.web;

import java.io.IOException;
import java.util.List;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Lets the console's client-side routes survive a reload: a browser GET of a console path such as
 * {@code /customers/42} is answered with the single-page app's {@code index.html}, which then shows that page. Paths of
 * the APIs and tools, and anything that names a file (has a dot in its last segment), are left alone.
 */
@Component
public class ConsoleRoutes extends OncePerRequestFilter {

	private static final List<String> SERVER_PREFIXES = List.of("/api", "/app", "/actuator", "/v3", "/swagger-ui", "/error",
			"/assets");

	static boolean isConsoleRoute(String method, String path) {
		if (!"GET".equals(method) || path.isEmpty() || "/".equals(path)) {
			return false;
		}
		for (String prefix : SERVER_PREFIXES) {
			if (path.equals(prefix) || path.startsWith(prefix + "/")) {
				return false;
			}
		}
		String last = path.substring(path.lastIndexOf('/') + 1);
		return !last.contains(".");
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		if (isConsoleRoute(request.getMethod(), path)) {
			request.getRequestDispatcher("/index.html").forward(request, response);
			return;
		}
		chain.doFilter(request, response);
	}
}
