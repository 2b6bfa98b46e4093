package io.wbo.app.internal;

import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;
import io.wbo.app.AppCustomer;
import io.wbo.customer.Customer;
import io.wbo.customer.Customers;
import io.wbo.customer.OpeningStatus;
import io.wbo.ledger.BalanceView;
import io.wbo.ledger.Ledger;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The customer's own profile, balances and bank cards. */
@RestController
class AppController {

	private final Customers customers;
	private final Ledger ledger;

	AppController(Customers customers, Ledger ledger) {
		this.customers = customers;
		this.ledger = ledger;
	}

	/** Named apart from the operator's profile ({@code /api/auth/me}): the API document keeps one type per name. */
	@Schema(name = "AppMe")
	record Me(long id, String customerNo, String nameEn, @Nullable String nameZh, @Nullable String phone, @Nullable String email,
			@Nullable String accountNo, OpeningStatus openingStatus) {
	}

	@GetMapping("/app/v1/me")
	Me me(AppCustomer me) {
		Customer c = customers.get(me.id());
		return new Me(c.id(), c.customerNo(), c.nameEn(), c.nameZh(), c.phone(), c.email(), c.accountNo(), c.openingStatus());
	}

	@GetMapping("/app/v1/balances")
	List<BalanceView> balances(AppCustomer me) {
		return ledger.balances(me.id()).stream()
				.map(BalanceView::of).toList();
	}

	record CardView(long id, String bankName, String bankCode, String accountNo, String holderName, String currency, boolean verified) {
	}

	@GetMapping("/app/v1/bank-cards")
	List<CardView> cards(AppCustomer me) {
		return customers.bankCards(me.id()).stream()
				.map(c -> new CardView(c.id(), c.bankName(), c.bankCode(), c.maskedAccountNo(), c.holderName(), c.currency(), c.verified()))
				.toList();
	}
}
