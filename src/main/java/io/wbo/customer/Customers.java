package io.wbo.customer;

import java.util.List;

import io.wbo.common.DomainException;
import io.wbo.common.InvalidInputException;
import io.wbo.customer.internal.CustomerStore;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What other modules may ask about customers and company accounts. The {@code require...} methods are for ids that
 * come in a request body: an unknown id there is the caller's input error (400 naming the field), not a 404.
 */
@Service
@Transactional(readOnly = true)
public class Customers {

	private final CustomerStore store;
	private final java.util.Map<String, Long> idsByNo = new java.util.concurrent.ConcurrentHashMap<>();

	Customers(CustomerStore store) {
		this.store = store;
	}

	/**
	 * The id of the customer with this number, which every APP request asks. Remembered once found: a customer number
	 * names one customer for good (numbers are never reassigned, customers never deleted), so the answer cannot go
	 * stale; an unknown number is asked again next time.
	 */
	@Transactional(propagation = org.springframework.transaction.annotation.Propagation.SUPPORTS, readOnly = true)
	public java.util.Optional<Long> idByNo(String customerNo) {
		Long known = idsByNo.get(customerNo);
		if (known != null) {
			return java.util.Optional.of(known);
		}
		java.util.Optional<Long> found = store.byNo(customerNo).map(Customer::id);
		found.ifPresent(id -> {
			if (idsByNo.size() < 1_000_000) {
				idsByNo.put(customerNo, id);
			}
		});
		return found;
	}

	public Customer get(long id) {
		return store.byId(id).orElseThrow(() -> DomainException.notFound("customer", id));
	}

	public Customer require(long id, String field) {
		return store.byId(id).orElseThrow(() -> InvalidInputException.of(field, "no customer with id " + id));
	}

	public java.util.Optional<Customer> byNo(String customerNo) {
		return store.byNo(customerNo);
	}

	public List<BankCard> bankCards(long customerId) {
		return store.cards(customerId);
	}

	/** Many customers at once (a batch job), by id; unknown ids are simply absent. */
	public java.util.Map<Long, Customer> getAll(java.util.Collection<Long> ids) {
		java.util.Map<Long, Customer> byId = new java.util.HashMap<>();
		store.byIds(ids).forEach(c -> byId.put(c.id(), c));
		return byId;
	}

	/** The active bank cards of many customers, by customer id (a customer without cards has an empty list). */
	public java.util.Map<Long, List<BankCard>> bankCardsOf(java.util.Collection<Long> customerIds) {
		java.util.Map<Long, List<BankCard>> cards = new java.util.HashMap<>();
		customerIds.forEach(id -> cards.put(id, new java.util.ArrayList<>()));
		store.cardsOf(customerIds).forEach(card -> cards.get(card.customerId()).add(card));
		return cards;
	}

	/** The customer's active card; another customer's card is refused as if it did not exist. */
	public BankCard requireCard(long customerId, long cardId, String field) {
		return store.card(cardId).filter(c -> c.customerId() == customerId).orElseThrow(() -> noSuchCard(cardId, field));
	}

	/** The customer and their active card {@code cardId} in one read; no such customer is the caller's input error in {@code field}. */
	public CustomerWithCard requireWithCard(long customerId, long cardId, String field) {
		return store.byIdWithCard(customerId, cardId).orElseThrow(() -> InvalidInputException.of(field, "no customer with id " + customerId));
	}

	static InvalidInputException noSuchCard(long cardId, String field) {
		return InvalidInputException.of(field, "the customer has no bank card " + cardId);
	}

	public List<CompanyAccount> companyAccounts() {
		return store.companyAccounts();
	}

	/** A company account by its id, active or not (a batch paid from an account since closed still names it). */
	public java.util.Optional<CompanyAccount> companyAccount(long id) {
		return store.companyAccount(id);
	}

	public CompanyAccount requireCompanyAccount(long id, String field) {
		return store.companyAccount(id).filter(CompanyAccount::active)
				.orElseThrow(() -> InvalidInputException.of(field, "no active company account " + id));
	}
}
