package io.wbo.common.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

import io.wbo.common.web.MessageCatalog.Language;
import org.jspecify.annotations.Nullable;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyAdvice;

/**
 * Says the messages of problem details (the detail, each field's or line's message) in the language the caller asks
 * for with {@code Accept-Language} (the console sends its own; the APP sends the phone's); other responses mark their
 * message fields with {@link SaidMessage}. Codes, fields, types and values stay as they are, so a program reads the
 * same answer in any language.
 */
@RestControllerAdvice
class LocalizedResponses implements ResponseBodyAdvice<Object> {

	private final MessageCatalog catalog = MessageCatalog.get();

	@Override
	public boolean supports(MethodParameter returnType, Class<? extends HttpMessageConverter<?>> converterType) {
		return true;
	}

	@Override
	public @Nullable Object beforeBodyWrite(@Nullable Object body, MethodParameter returnType, MediaType contentType,
			Class<? extends HttpMessageConverter<?>> converterType, ServerHttpRequest request, ServerHttpResponse response) {
		if (!(body instanceof ProblemDetail problem)) {
			return body;
		}
		Language language = request instanceof org.springframework.http.server.ServletServerHttpRequest servlet
				? Language.ofRequest(servlet.getServletRequest()) : Language.of(request.getHeaders().getFirst(HttpHeaders.ACCEPT_LANGUAGE));
		response.getHeaders().add(HttpHeaders.VARY, HttpHeaders.ACCEPT_LANGUAGE);
		if (language == Language.EN) {
			return body;
		}
		response.getHeaders().set(HttpHeaders.CONTENT_LANGUAGE, language.tag());
		return localized(problem, catalog.sayer(language));
	}

	private static ProblemDetail localized(ProblemDetail problem, UnaryOperator<String> say) {
		ProblemDetail out = ProblemDetail.forStatus(problem.getStatus());
		out.setType(problem.getType());
		out.setTitle(problem.getTitle());
		out.setInstance(problem.getInstance());
		// a validation problem's detail lists its fields' messages ("field: message; …"): the catalog says such lists too
		out.setDetail(say.apply(problem.getDetail()));
		Map<String, Object> properties = problem.getProperties();
		if (properties != null) {
			properties.forEach((name, value) -> out.setProperty(name, messagesSaid(value, say)));
		}
		return out;
	}

	/** Lists of {..., message} (field errors, line errors) get their messages said; anything else is left alone. */
	private static Object messagesSaid(Object value, UnaryOperator<String> say) {
		if (!(value instanceof List<?> list)) {
			return value;
		}
		List<Object> out = new ArrayList<>(list.size());
		for (Object item : list) {
			if (item instanceof Map<?, ?> map && map.get("message") instanceof String message) {
				Map<Object, Object> copy = new LinkedHashMap<>(map);
				copy.put("message", say.apply(message));
				out.add(copy);
			}
			else {
				out.add(item);
			}
		}
		return out;
	}
}
