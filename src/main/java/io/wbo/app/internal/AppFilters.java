package io.wbo.app.internal;

import io.wbo.customer.Customers;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import tools.jackson.databind.json.JsonMapper;

/** Registers the idempotency filter after Spring Security, so it knows the calling customer. */
@Configuration
class AppFilters {

	@Bean
	FilterRegistrationBean<IdempotencyFilter> idempotencyFilter(JdbcClient jdbc, PlatformTransactionManager tx, Customers customers,
			JsonMapper json) {
		FilterRegistrationBean<IdempotencyFilter> registration = new FilterRegistrationBean<>(new IdempotencyFilter(jdbc, tx, customers, json));
		registration.addUrlPatterns("/app/v1/*");
		registration.setOrder(Ordered.LOWEST_PRECEDENCE - 100);
		return registration;
	}
}
