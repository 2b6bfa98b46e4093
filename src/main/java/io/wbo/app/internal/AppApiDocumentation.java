package io.wbo.app.internal;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.HeaderParameter;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.wbo.app.AppCustomer;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The customer API as an APP developer generates a client from it: the customer is the bearer token's subject (resolved
 * for the handlers, no parameter), and every creating POST needs the Idempotency-Key that {@link IdempotencyFilter}
 * checks before any handler runs, so no handler declares it.
 */
@Configuration(proxyBeanMethods = false)
class AppApiDocumentation {

	static final String BEARER = "appBearer";

	@Bean
	OpenApiCustomizer appBearerAndIdempotencyKey() {
		SpringDocUtils.getConfig().addRequestWrapperToIgnore(AppCustomer.class);
		return api -> {
			if (api.getComponents() == null) {
				api.setComponents(new Components());
			}
			api.getComponents().addSecuritySchemes(BEARER, new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer")
					.bearerFormat("JWT").description("the broker identity provider's token (POST /app/v1/dev/token in the demo)"));
			if (api.getPaths() == null) {
				return;
			}
			api.getPaths().forEach((path, item) -> {
				// the same paths as the filter's: the development token is how a customer gets a token in the first place
				if (!path.startsWith("/app/v1/") || path.startsWith("/app/v1/dev/")) {
					return;
				}
				item.readOperations().forEach(op -> op.addSecurityItem(new SecurityRequirement().addList(BEARER)));
				if (item.getPost() != null) {
					item.getPost().addParametersItem(new HeaderParameter().name(IdempotencyFilter.HEADER).required(true)
							.description("unique per intended action: a retry with the same key and body answers the first response again; "
									+ "the same key with another body → 422; while the first is still running → 409")
							.schema(new StringSchema().minLength(1).maxLength(200)));
				}
			});
		};
	}
}
