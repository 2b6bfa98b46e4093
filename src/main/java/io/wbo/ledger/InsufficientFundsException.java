package io.wbo.ledger;

import java.util.Map;

import io.wbo.common.DomainException;
import io.wbo.common.Money;
import org.springframework.http.HttpStatus;

/** The debited guarded account does not hold the amount; nothing was written. */
public class InsufficientFundsException extends DomainException {

	public InsufficientFundsException(AccountRef account, Money requested, Money balance) {
		super(HttpStatus.UNPROCESSABLE_CONTENT, "insufficient-funds",
				"insufficient " + account.kind().name().toLowerCase() + " balance: " + requested.display() + " requested, "
						+ balance.display() + " held",
				Map.of("asset", requested.asset().code(), "requested", requested.text(), "balance", balance.text()));
	}
}
