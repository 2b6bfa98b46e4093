package io.wbo.customer.internal;

import io.wbo.approval.WorkOrderView;
import io.wbo.common.Actor;
import io.wbo.common.Asset;
import io.wbo.common.InvalidInputException;
import io.wbo.common.Money;
import io.wbo.common.security.Permission;
import io.wbo.common.security.RequiresPermission;
import io.wbo.customer.Customers;
import io.wbo.ledger.BooksReport;
import io.wbo.ledger.Ledger;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Direct ledger operations on a customer's balance, against the ADJUSTMENT system account, for administrators
 * (corrections, migrations of opening balances): proposed here, made when another person approves the work order
 * (202 Accepted with the work order). And the books check. Business flows use the ledger through their own modules,
 * never through this endpoint.
 */
@RestController
class LedgerOperationController {

	private final Customers customers;
	private final Ledger ledger;
	private final LedgerAdjustments adjustments;

	LedgerOperationController(Customers customers, Ledger ledger, LedgerAdjustments adjustments) {
		this.customers = customers;
		this.ledger = ledger;
		this.adjustments = adjustments;
	}

	record OperationBody(LedgerAdjustments.@Nullable Operation operation, @Nullable String asset, @Nullable String amount, @Nullable String key,
			@Nullable String remark) {
	}

	@PostMapping("/api/customers/{id}/ledger-operations")
	@RequiresPermission(Permission.SYSTEM_ADMIN)
	@ResponseStatus(HttpStatus.ACCEPTED)
	WorkOrderView operate(@PathVariable long id, @RequestBody OperationBody body, Actor actor) {
		customers.get(id);
		InvalidInputException.Collector errors = new InvalidInputException.Collector()
				.require(body.operation() != null, "operation", "is required (CREDIT, FREEZE, UNFREEZE or DEBIT_FROZEN)")
				.require(body.key() != null && body.key().matches("[A-Za-z0-9:._-]{8,100}"), "key",
						"must be 8 to 100 letters, digits or :._- (the idempotency key of this transfer)");
		Asset asset = errors.attempt(() -> Asset.of(body.asset(), "asset"));
		Money amount = asset == null ? null : errors.attempt(() -> Money.positive(asset, body.amount(), "amount"));
		errors.throwIfAny();
		return adjustments.propose(id, body.operation(), amount, body.key(), body.remark(), actor);
	}

	@GetMapping("/api/ledger/books-check")
	@RequiresPermission({ Permission.SYSTEM_ADMIN, Permission.AUDIT_VIEW, Permission.RECONCILE })
	BooksReport books() {
		return ledger.checkBooks();
	}
}
