package io.wbo.customer;

import java.util.Optional;

import io.wbo.common.InvalidInputException;

/**
 * A customer and one of their bank cards, read together (an application names both, and each read is a round trip
 * to the database). The card is empty when it is not the customer's, or no longer active.
 */
public record CustomerWithCard(Customer customer, Optional<BankCard> card, long cardId) {

	/** The card, or the input error a request naming another customer's card gets ({@code field}: where it was named). */
	public BankCard requireCard(String field) {
		return card.orElseThrow(() -> Customers.noSuchCard(cardId, field));
	}
}
