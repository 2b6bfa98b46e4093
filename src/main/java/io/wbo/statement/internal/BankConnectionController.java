package io.wbo.statement.internal;

import java.util.List;

import io.wbo.common.security.Permission;
import io.wbo.common.security.RequiresPermission;
import io.wbo.customer.CompanyAccount;
import io.wbo.customer.Customers;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** 銀企直連 status per company account: which connector pulls it and how the last scheduled pull went. */
@RestController
class BankConnectionController {

	record Connection(long accountId, String bankName, String accountNo, @Nullable String connector, BankPulls.@Nullable PullStatus lastPull) {
	}

	private final Customers customers;
	private final BankPulls pulls;

	BankConnectionController(Customers customers, BankPulls pulls) {
		this.customers = customers;
		this.pulls = pulls;
	}

	@GetMapping("/api/bank-connections")
	@RequiresPermission(Permission.STATEMENT_MANAGE)
	List<Connection> list() {
		return customers.companyAccounts().stream().filter(CompanyAccount::active)
				.map(a -> new Connection(a.id(), a.bankName(), a.accountNo(), pulls.connector(a).map(c -> c.name()).orElse(null), pulls.status(a.id()).orElse(null)))
				.toList();
	}

	@PostMapping("/api/bank-connections/{accountId}/pull")
	@RequiresPermission(Permission.STATEMENT_MANAGE)
	BankPulls.PullStatus pull(@PathVariable long accountId) {
		return pulls.pullNow(accountId);
	}
}
