package io.wbo.app.internal;

import java.util.List;

import io.wbo.app.AppCustomer;
import io.wbo.common.DomainException;
import io.wbo.customer.Customers;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Lets APP handlers take the calling customer ({@link AppCustomer}) from the bearer token's subject. */
@Configuration
class AppWebConfig implements WebMvcConfigurer {

	private final Customers customers;

	AppWebConfig(Customers customers) {
		this.customers = customers;
	}

	@Override
	public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
		resolvers.add(new HandlerMethodArgumentResolver() {
			@Override
			public boolean supportsParameter(MethodParameter parameter) {
				return parameter.getParameterType() == AppCustomer.class;
			}

			@Override
			public Object resolveArgument(MethodParameter parameter, ModelAndViewContainer mav, NativeWebRequest request,
					WebDataBinderFactory binders) {
				return current(customers, request.getNativeRequest(HttpServletRequest.class));
			}
		});
	}

	/** Resolved once per request (the idempotency filter and the handler both need it). */
	static AppCustomer current(Customers customers, HttpServletRequest request) {
		Object known = request.getAttribute(AppCustomer.class.getName());
		if (known instanceof AppCustomer customer) {
			return customer;
		}
		AppCustomer resolved = resolve(customers, request);
		request.setAttribute(AppCustomer.class.getName(), resolved);
		return resolved;
	}

	private static AppCustomer resolve(Customers customers, HttpServletRequest request) {
		Authentication auth = SecurityContextHolder.getContext().getAuthentication();
		if (auth == null || !(auth.getPrincipal() instanceof Jwt jwt) || jwt.getSubject() == null) {
			throw new DomainException(HttpStatus.UNAUTHORIZED, "unauthenticated", "a valid bearer token is required");
		}
		long id = customers.idByNo(jwt.getSubject())
				.orElseThrow(() -> new DomainException(HttpStatus.UNAUTHORIZED, "unknown-customer", "the token's customer is not known"));
		return new AppCustomer(id, jwt.getSubject(), request.getRemoteAddr());
	}
}
