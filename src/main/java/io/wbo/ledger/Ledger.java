package io.wbo.ledger;

import java.util.List;

import io.wbo.audit.AuditLog;
import io.wbo.audit.AuditRecord;
import io.wbo.audit.FieldChange;
import io.wbo.common.Actor;
import io.wbo.common.Asset;
import io.wbo.common.DomainException;
import io.wbo.common.Money;
import io.wbo.ledger.internal.LedgerStore;
import io.wbo.ledger.internal.LedgerStore.StoredTransfer;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The only way money moves in wbo. Each operation is one balanced transfer between two accounts, written with its
 * audit entry in the caller's transaction. A guarded account going below zero aborts the statement (a CHECK the
 * database enforces under any concurrency), so no interleaving can overdraw a customer.
 */
@Service
public class Ledger {

	private final LedgerStore store;
	private final AuditLog audit;

	Ledger(LedgerStore store, AuditLog audit) {
		this.store = store;
		this.audit = audit;
	}

	/** Money arrives for a customer (a deposit, a refund back, a cash voucher) from a system account. */
	@Transactional
	public TransferResult credit(long customerId, Money amount, AccountRef from, String key, String refType, String refId, Actor actor) {
		return transfer(new Transfer(key, TransferKind.CREDIT, from, AccountRef.available(customerId, amount.asset()), amount,
				refType, refId), actor);
	}

	/** AVAILABLE → FROZEN, e.g. when a withdrawal is created. */
	@Transactional
	public TransferResult freeze(long customerId, Money amount, String key, String refType, String refId, Actor actor) {
		return transfer(new Transfer(key, TransferKind.FREEZE, AccountRef.available(customerId, amount.asset()),
				AccountRef.frozen(customerId, amount.asset()), amount, refType, refId), actor);
	}

	/** FROZEN → AVAILABLE, e.g. when a withdrawal is rejected or fails. */
	@Transactional
	public TransferResult unfreeze(long customerId, Money amount, String key, String refType, String refId, Actor actor) {
		return transfer(new Transfer(key, TransferKind.UNFREEZE, AccountRef.frozen(customerId, amount.asset()),
				AccountRef.available(customerId, amount.asset()), amount, refType, refId), actor);
	}

	/** FROZEN → a system account, e.g. a completed payout to the paying bank account, or the fee to income. */
	@Transactional
	public TransferResult debitFrozen(long customerId, Money amount, AccountRef to, String key, String refType, String refId, Actor actor) {
		return transfer(new Transfer(key, TransferKind.DEBIT_FROZEN, AccountRef.frozen(customerId, amount.asset()), to, amount,
				refType, refId), actor);
	}

	@Transactional
	public TransferResult transfer(Transfer transfer, Actor actor) {
		long debitId = store.accountId(transfer.debit());
		long creditId = store.accountId(transfer.credit());
		AuditRecord entry = AuditRecord.of(actor, "LEDGER_" + transfer.kind().name(), "LedgerTransfer", transfer.key(), List.of(
				FieldChange.set("amount", transfer.amount().toString()),
				FieldChange.set("debit", describe(transfer.debit())),
				FieldChange.set("credit", describe(transfer.credit())),
				FieldChange.set("reference", transfer.referenceType() + ":" + transfer.referenceId())));
		StoredTransfer stored;
		try {
			stored = store.post(transfer, debitId, creditId, audit.prepareLinked(entry));
		}
		catch (DataIntegrityViolationException e) {
			if (store.isBalanceCheck(e)) {
				throw new InsufficientFundsException(transfer.debit(), transfer.amount(),
						store.balanceOutsideTransaction(debitId, transfer.amount().asset()));
			}
			throw e;
		}
		if (stored.replayed()) {
			if (!stored.sameContent(transfer, debitId, creditId)) {
				throw new DomainException(org.springframework.http.HttpStatus.UNPROCESSABLE_CONTENT, "transfer-key-reused",
						"transfer key " + transfer.key() + " was already used for a different transfer");
			}
			return new TransferResult(stored.id(), transfer.key(), true);
		}
		if (!stored.audited()) {
			// every chain head was busy (or auditing is off for the benchmark): chain it separately, waiting if need be
			audit.record(entry);
		}
		return new TransferResult(stored.id(), transfer.key(), false);
	}

	private static String describe(AccountRef ref) {
		return ref.ownerType() + ":" + ref.ownerRef() + ":" + ref.kind();
	}

	/** A customer's balances in every asset they have touched. */
	@Transactional(readOnly = true)
	public List<Balance> balances(long customerId) {
		return store.balances(customerId);
	}

	@Transactional(readOnly = true)
	public Balance balance(long customerId, Asset asset) {
		return pick(store.balances(customerId), asset);
	}

	/** The balances of many customers (a batch job), by customer id; a customer with no account has none. */
	@Transactional(readOnly = true)
	public java.util.Map<Long, List<Balance>> balances(java.util.Collection<Long> customerIds) {
		return store.balances(customerIds);
	}

	/** One asset's balance out of a customer's balances, zero when the customer never had that asset. */
	public static Balance pick(List<Balance> balances, Asset asset) {
		return balances.stream().filter(b -> b.asset().equals(asset.code())).findFirst()
				.orElse(new Balance(asset.code(), Money.zero(asset), Money.zero(asset)));
	}



	/** Recomputes every balance from the transfers and checks that debits equal credits per asset. */
	@Transactional(readOnly = true)
	public BooksReport checkBooks() {
		return store.checkBooks();
	}
}
