package io.wbo.identity.internal;

import java.util.List;

import io.wbo.common.Actor;
import io.wbo.common.DomainException;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Registers the permission check for /api and lets admin handlers take the calling operator as an {@link Actor}. */
@Configuration
class IdentityWebConfig implements WebMvcConfigurer {

	private final PermissionInterceptor permissions;

	IdentityWebConfig(PermissionInterceptor permissions) {
		this.permissions = permissions;
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		registry.addInterceptor(permissions).addPathPatterns("/api/**");
	}

	@Override
	public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
		resolvers.add(new HandlerMethodArgumentResolver() {
			@Override
			public boolean supportsParameter(MethodParameter parameter) {
				return parameter.getParameterType() == Actor.class;
			}

			@Override
			public Object resolveArgument(MethodParameter parameter, ModelAndViewContainer mav, NativeWebRequest request,
					WebDataBinderFactory binders) {
				Object actor = request.getAttribute(PermissionInterceptor.ACTOR, RequestAttributes.SCOPE_REQUEST);
				if (actor == null) {
					throw new DomainException(HttpStatus.UNAUTHORIZED, "unauthenticated", "log in first");
				}
				return actor;
			}
		});
	}
}
