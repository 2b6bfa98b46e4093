package io.wbo.statement.internal;

import java.util.List;

import io.wbo.audit.IntegrationGuard;
import io.wbo.common.Actor;
import io.wbo.common.InvalidInputException;
import io.wbo.common.security.SignedIntegration;
import io.wbo.customer.CompanyAccount;
import io.wbo.customer.Customers;
import io.wbo.statement.BankLine;
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

/**
 * B-2 push: a bank gateway posts statement lines, signed with HMAC-SHA256 over the raw body. A bad signature is refused
 * (401) and audited by the guard; a line pushed twice is stored once.
 */
@RestController
class BankWebhookController {

	record Push(@Nullable Long accountId, @Nullable String accountNo, @Nullable List<BankLine> lines) {
	}

	private final IntegrationGuard guard;
	private final StatementImporter importer;
	private final Customers customers;
	private final JsonMapper json;
	private final String secret;

	BankWebhookController(IntegrationGuard guard, StatementImporter importer, Customers customers, JsonMapper json,
			@Value("${wbo.integrations.bank-statements.secret:}") String secret) {
		this.guard = guard;
		this.importer = importer;
		this.customers = customers;
		this.json = json;
		this.secret = secret;
	}

	@PostMapping(path = "/api/integrations/bank-statements", consumes = MediaType.APPLICATION_JSON_VALUE)
	@SignedIntegration
	StatementImporter.ImportResult push(@RequestBody byte[] body, @RequestHeader(name = IntegrationGuard.HEADER, required = false) @Nullable String signature,
			HttpServletRequest request) {
		Actor actor = guard.verify("bank-statements", secret, body, signature, request.getRemoteAddr()).actor();
		Push push;
		try {
			push = json.readValue(body, Push.class);
		}
		catch (JacksonException e) {
			throw InvalidInputException.of("body", "is not a valid statement push");
		}
		long accountId = account(push);
		if (push.lines() == null || push.lines().isEmpty()) {
			throw InvalidInputException.of("lines", "at least one line is required");
		}
		if (push.lines().size() > 10_000) {
			throw InvalidInputException.of("lines", "at most 10000 lines per push");
		}
		return importer.importLines(accountId, BankLines.parse(push.lines()), "webhook", actor);
	}

	private long account(Push push) {
		if (push.accountId() != null) {
			return customers.requireCompanyAccount(push.accountId(), "accountId").id();
		}
		if (push.accountNo() == null || push.accountNo().isBlank()) {
			throw InvalidInputException.of("accountNo", "accountNo or accountId is required");
		}
		String wanted = push.accountNo().replaceAll("[^0-9A-Za-z]", "");
		return customers.companyAccounts().stream().filter(CompanyAccount::active)
				.filter(a -> a.accountNo().replaceAll("[^0-9A-Za-z]", "").equalsIgnoreCase(wanted)).findFirst()
				.orElseThrow(() -> InvalidInputException.of("accountNo", "no active company account " + push.accountNo())).id();
	}
}
