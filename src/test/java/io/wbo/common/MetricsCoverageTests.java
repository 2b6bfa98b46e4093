package io.wbo.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;

import io.wbo.testing.WboTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.env.Environment;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Every endpoint gets its request metrics (http.server.requests, tagged by the endpoint's pattern): the number of tag
 * values allowed stays above the number of patterns the application maps, or the endpoints called after the limit
 * is reached would be measured by nobody.
 */
@WboTest
class MetricsCoverageTests {

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping mappings;

	@Autowired
	Environment env;

	@Test
	void everyMappedEndpointCanHaveItsOwnRequestMetrics() {
		Set<String> patterns = new HashSet<>();
		mappings.getHandlerMethods().keySet().forEach(info -> patterns.addAll(info.getPatternValues()));
		int allowed = env.getProperty("management.metrics.web.server.max-uri-tags", Integer.class, 100);
		// besides the patterns: root, UNKNOWN, NOT_FOUND, REDIRECTION, the console's routes and static files, actuator
		assertThat(allowed).as("%d endpoint patterns", patterns.size()).isGreaterThanOrEqualTo(patterns.size() + 50);
	}
}
