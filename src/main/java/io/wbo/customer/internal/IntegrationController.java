package io.wbo.customer.internal;

import io.wbo.audit.IntegrationGuard;
import io.wbo.common.InvalidInputException;
import io.wbo.common.security.SignedIntegration;
import io.wbo.customer.Customer;
import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/** The account-opening system reports opening statuses here, signing each body with the shared secret. */
@RestController
class IntegrationController {

	private final IntegrationGuard guard;
	private final AccountOpeningIntegration opening;
	private final JsonMapper json;
	private final String secret;

	IntegrationController(IntegrationGuard guard, AccountOpeningIntegration opening, JsonMapper json,
			@Value("${wbo.integrations.account-opening.secret:}") String secret) {
		this.guard = guard;
		this.opening = opening;
		this.json = json;
		this.secret = secret;
	}

	@PostMapping(path = "/api/integrations/account-opening", consumes = MediaType.APPLICATION_JSON_VALUE)
	@SignedIntegration
	Customer accountOpening(@RequestBody byte[] body, @RequestHeader(name = IntegrationGuard.HEADER, required = false) @Nullable String signature,
			HttpServletRequest request) {
		IntegrationGuard.Signed signed = guard.verify("account-opening", secret, body, signature, request.getRemoteAddr());
		AccountOpeningIntegration.Report report;
		try {
			report = json.readValue(body, AccountOpeningIntegration.Report.class);
		}
		catch (JacksonException e) {
			throw InvalidInputException.of("body", "is not a valid account-opening report");
		}
		return opening.apply(report, signed.actor(), signed.signedAt());
	}
}
