package io.wbo.common.web;

import java.io.IOException;

import io.wbo.common.web.MessageCatalog.Language;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes a problem-details body from places outside Spring MVC (security filters), its detail said in the request's
 * language as {@link LocalizedResponses} does for the rest.
 */
public final class ProblemResponses {

	private final JsonMapper json;

	public ProblemResponses(JsonMapper json) {
		this.json = json;
	}

	public void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String type, String detail)
			throws IOException {
		Language language = Language.ofRequest(request);
		response.addHeader(HttpHeaders.VARY, HttpHeaders.ACCEPT_LANGUAGE);
		if (language != Language.EN) {
			response.setHeader(HttpHeaders.CONTENT_LANGUAGE, language.tag());
		}
		detail = MessageCatalog.get().say(detail, language);
		response.setStatus(status.value());
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		response.setCharacterEncoding("UTF-8");
		response.getWriter().write(json.writeValueAsString(ProblemDetailsAdvice.problem(status, type, detail)));
	}
}
