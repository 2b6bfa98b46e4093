package io.wbo.common.web;

import java.util.Arrays;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.wbo.common.Actor;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** What an integrator reads first in {@code /v3/api-docs}: the conventions every endpoint keeps. */
@Configuration(proxyBeanMethods = false)
class ApiDocumentation {

	@Bean
	OpenAPI wboApi() {
		// the operator of a console request comes from its session (resolved for the handler): no parameter a client sends
		SpringDocUtils.getConfig().addRequestWrapperToIgnore(Actor.class);
		return new OpenAPI().info(new Info().title("wbo").version("1").description("""
				Back office of a securities broker: the console's API under /api (session cookie, CSRF token echoed in \
				X-XSRF-TOKEN) and the customer API of the APP under /app/v1 (bearer token; every creating POST carries an \
				Idempotency-Key). Amounts are decimal strings at the asset's scale; lists are keyset-paged (size, after → next); \
				every error is RFC 9457 problem details, with errors[] naming each field and its reason. \
				Messages for people are said in the language of Accept-Language (zh-HK / zh-Hant: Traditional Chinese, \
				zh-CN / zh-Hans: Simplified Chinese, anything else: English); types, codes, fields and values never change."""));
	}

	/**
	 * An upload with parts beside its file (a statement import's template and account, a preview's definition) takes
	 * any content type, so that a request without its file is told "file: is required" rather than 415; it is
	 * multipart/form-data all the same, and the document says so instead of the JSON springdoc assumes.
	 */
	@Bean
	OperationCustomizer uploadsAreMultipart() {
		return (operation, handler) -> {
			boolean upload = Arrays.stream(handler.getMethodParameters())
					.anyMatch(p -> p.hasParameterAnnotation(org.springframework.web.bind.annotation.RequestPart.class));
			if (upload && operation.getRequestBody() != null && operation.getRequestBody().getContent() != null) {
				MediaType json = operation.getRequestBody().getContent().get(org.springframework.http.MediaType.APPLICATION_JSON_VALUE);
				if (json != null) {
					operation.getRequestBody().setContent(new Content().addMediaType(org.springframework.http.MediaType.MULTIPART_FORM_DATA_VALUE, json));
				}
			}
			return operation;
		};
	}
}
