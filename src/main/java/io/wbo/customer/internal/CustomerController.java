package io.wbo.customer.internal;

import java.util.List;

import io.wbo.approval.WorkOrderView;
import io.wbo.audit.AuditEntry;
import io.wbo.audit.AuditLog;
import io.wbo.common.Actor;
import io.wbo.common.Asset;
import io.wbo.common.CursorPage;
import io.wbo.common.export.ExportFormat;
import io.wbo.common.export.Exports;
import io.wbo.common.web.MessageCatalog;
import io.wbo.common.security.Permission;
import io.wbo.common.security.RequiresPermission;
import io.wbo.customer.BankCard;
import io.wbo.customer.CompanyAccount;
import io.wbo.customer.Customer;
import io.wbo.customer.Customers;
import io.wbo.customer.OpeningStatus;
import io.wbo.ledger.BalanceView;
import io.wbo.ledger.Ledger;
import io.wbo.ledger.TransferView;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Customers (客戶): search, detail, balances, bank cards and their change requests, history. */
@RestController
class CustomerController {

	private final Customers customers;
	private final CustomerStore store;
	private final Ledger ledger;
	private final BankCardChanges cardChanges;
	private final AuditLog audit;

	CustomerController(Customers customers, CustomerStore store, Ledger ledger, BankCardChanges cardChanges, AuditLog audit) {
		this.customers = customers;
		this.store = store;
		this.ledger = ledger;
		this.cardChanges = cardChanges;
		this.audit = audit;
	}

	@GetMapping("/api/customers")
	@RequiresPermission(Permission.CUSTOMER_VIEW)
	CursorPage<Customer> search(@RequestParam(required = false) @Nullable String q,
			@RequestParam(required = false) @Nullable OpeningStatus status, @RequestParam(required = false) @Nullable Integer size,
			@RequestParam(required = false) @Nullable String after) {
		return store.search(q, status, CursorPage.size(size), CursorPage.afterId(after));
	}

	@GetMapping("/api/customers/{id}")
	@RequiresPermission(Permission.CUSTOMER_VIEW)
	Customer get(@PathVariable long id) {
		return customers.get(id);
	}

	@GetMapping("/api/customers/{id}/balances")
	@RequiresPermission({ Permission.CUSTOMER_VIEW, Permission.WITHDRAWAL_APPLY, Permission.DEPOSIT_APPLY })
	List<BalanceView> balances(@PathVariable long id) {
		customers.get(id);
		return ledger.balances(id).stream()
				.map(BalanceView::of).toList();
	}

	@GetMapping("/api/customers/{id}/bank-cards")
	@RequiresPermission({ Permission.CUSTOMER_VIEW, Permission.WITHDRAWAL_APPLY, Permission.DEPOSIT_APPLY })
	List<BankCard> cards(@PathVariable long id) {
		customers.get(id);
		return customers.bankCards(id);
	}

	record CardChange(String bankName, String bankCode, String accountNo, String holderName, String currency,
			@Nullable String remark) {

		BankCardChanges.CardFields fields() {
			return new BankCardChanges.CardFields(bankName, bankCode, accountNo, holderName, currency);
		}
	}

	/** Proposes an edit of a card; it applies when the work order is approved. */
	@PostMapping("/api/customers/{id}/bank-cards/{cardId}/change-requests")
	@RequiresPermission(Permission.CUSTOMER_MANAGE)
	WorkOrderView proposeEdit(@PathVariable long id, @PathVariable long cardId, @RequestBody CardChange body, Actor actor) {
		return cardChanges.proposeEdit(id, cardId, body.fields(), body.remark(), actor);
	}

	/** Proposes a new card; it is added when the work order is approved. */
	@PostMapping("/api/customers/{id}/bank-cards")
	@RequiresPermission(Permission.CUSTOMER_MANAGE)
	WorkOrderView proposeAdd(@PathVariable long id, @RequestBody CardChange body, Actor actor) {
		return cardChanges.proposeAdd(id, body.fields(), body.remark(), actor);
	}

	/** The customer's money movements, newest first: every ledger transfer of their accounts (in one asset), with who moved it. */
	@GetMapping("/api/customers/{id}/transfers")
	@RequiresPermission(Permission.CUSTOMER_VIEW)
	CursorPage<TransferView> transfers(@PathVariable long id, @RequestParam(required = false) @Nullable String asset,
			@RequestParam(required = false) @Nullable Integer size, @RequestParam(required = false) @Nullable String after) {
		customers.get(id);
		Asset only = asset == null || asset.isBlank() ? null : Asset.of(asset, "asset");
		return ledger.transfers(id, only, CursorPage.size(size), CursorPage.afterId(after));
	}

	/** The same transfers as a file (CSV or XLSX), in the language of the link's {@code lang} or of Accept-Language. */
	@GetMapping("/api/customers/{id}/transfers/export")
	@RequiresPermission(Permission.CUSTOMER_VIEW)
	void exportTransfers(@PathVariable long id, @RequestParam(required = false) @Nullable String asset,
			@RequestParam(required = false) @Nullable String format, jakarta.servlet.http.HttpServletRequest request,
			jakarta.servlet.http.HttpServletResponse response) throws java.io.IOException {
		Customer customer = customers.get(id);
		Asset only = asset == null || asset.isBlank() ? null : Asset.of(asset, "asset");
		ExportFormat f = ExportFormat.parse(format);
		Exports.prepare(response, f, Exports.fileName("transfers-" + customer.customerNo(), f));
		ledger.exportTransfers(id, only, f, response.getOutputStream(), MessageCatalog.Language.ofRequest(request));
	}

	@GetMapping("/api/customers/{id}/history")
	@RequiresPermission(Permission.CUSTOMER_VIEW)
	List<AuditEntry> history(@PathVariable long id) {
		customers.get(id);
		return audit.history("Customer", Long.toString(id), 200);
	}

	@GetMapping("/api/company-accounts")
	@RequiresPermission({ Permission.CUSTOMER_VIEW, Permission.WITHDRAWAL_PROCESS, Permission.WITHDRAWAL_APPLY,
			Permission.DEPOSIT_APPLY, Permission.DEPOSIT_VIEW, Permission.STATEMENT_MANAGE, Permission.RECONCILE })
	List<CompanyAccount> companyAccounts() {
		return customers.companyAccounts();
	}
}
