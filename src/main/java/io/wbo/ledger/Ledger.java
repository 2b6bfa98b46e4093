package io.wbo.ledger;

import java.util.List;

import io.wbo.audit.AuditLog;
import io.wbo.common.Actor;
import io.wbo.common.Asset;
import io.wbo.common.CursorPage;
import io.wbo.common.DomainException;
import io.wbo.common.Money;
import io.wbo.ledger.internal.LedgerSealer;
import io.wbo.ledger.internal.LedgerStore;
import io.wbo.ledger.internal.LedgerStore.StoredTransfer;
import io.wbo.ledger.internal.TransferExports;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The only way money moves in wbo. Each operation is one balanced transfer between two accounts, posted by one
 * statement: inside the caller's transaction it joins it; on its own it commits by itself (one round trip). A transfer
 * is its own audit record — who moved the money, from where and when, sealed into a hash chain once committed (X-2, verified with the
 * audit log) — and the business command that moved the money writes its audit entry as every command does. A guarded
 * account going below zero aborts the statement (a CHECK the database enforces under any concurrency), so no
 * interleaving can overdraw a customer.
 */
@Service
public class Ledger {

	private final LedgerStore store;
	private final AuditLog audit;
	private final TransferExports exports;
	private final LedgerSealer sealer;

	Ledger(LedgerStore store, AuditLog audit, TransferExports exports, LedgerSealer sealer) {
		this.store = store;
		this.audit = audit;
		this.exports = exports;
		this.sealer = sealer;
	}

	/**
	 * Seals every transfer committed so far into the hash chain of seals, as the sealer does every second or two (for
	 * whoever must wait for it: the benchmark that counts its cost); returns how many transfers it sealed.
	 */
	public long sealCommitted() {
		return sealer.sealCommitted(LedgerSealer.PASS_WAIT);
	}

	/** Money arrives for a customer (a deposit, a refund back, a cash voucher) from a system account. */
	@Transactional(propagation = Propagation.SUPPORTS)
	public TransferResult credit(long customerId, Money amount, AccountRef from, String key, String refType, String refId, Actor actor) {
		return transfer(new Transfer(key, TransferKind.CREDIT, from, AccountRef.available(customerId, amount.asset()), amount,
				refType, refId), actor);
	}

	/** AVAILABLE → FROZEN, e.g. when a withdrawal is created. */
	@Transactional(propagation = Propagation.SUPPORTS)
	public TransferResult freeze(long customerId, Money amount, String key, String refType, String refId, Actor actor) {
		return transfer(new Transfer(key, TransferKind.FREEZE, AccountRef.available(customerId, amount.asset()),
				AccountRef.frozen(customerId, amount.asset()), amount, refType, refId), actor);
	}

	/** FROZEN → AVAILABLE, e.g. when a withdrawal is rejected or fails. */
	@Transactional(propagation = Propagation.SUPPORTS)
	public TransferResult unfreeze(long customerId, Money amount, String key, String refType, String refId, Actor actor) {
		return transfer(new Transfer(key, TransferKind.UNFREEZE, AccountRef.frozen(customerId, amount.asset()),
				AccountRef.available(customerId, amount.asset()), amount, refType, refId), actor);
	}

	/** FROZEN → a system account, e.g. a completed payout to the paying bank account, or the fee to income. */
	@Transactional(propagation = Propagation.SUPPORTS)
	public TransferResult debitFrozen(long customerId, Money amount, AccountRef to, String key, String refType, String refId, Actor actor) {
		return transfer(new Transfer(key, TransferKind.DEBIT_FROZEN, AccountRef.frozen(customerId, amount.asset()), to, amount,
				refType, refId), actor);
	}

	@Transactional(propagation = Propagation.SUPPORTS)
	public TransferResult transfer(Transfer transfer, Actor actor) {
		long debitId = store.accountId(transfer.debit());
		long creditId = store.accountId(transfer.credit());
		StoredTransfer stored;
		try {
			stored = store.post(transfer, debitId, creditId, actor, audit.enabled());
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
		return new TransferResult(stored.id(), transfer.key(), false);
	}

	/** A customer's transfers, in one asset or all, newest first (the money movements of the customer's page). */
	@Transactional(readOnly = true)
	public CursorPage<TransferView> transfers(long customerId, @Nullable Asset asset, int size, @Nullable Long before) {
		return store.transfersOf(customerId, asset, size, before);
	}

	/** The same transfers as a file (CSV or XLSX), newest first, in the reader's language; streamed, page by page. */
	@Transactional(readOnly = true)
	public long exportTransfers(long customerId, @Nullable Asset asset, io.wbo.common.export.ExportFormat format, java.io.OutputStream out,
			io.wbo.common.web.MessageCatalog.Language language) throws java.io.IOException {
		return exports.export(customerId, asset, format, out, language);
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
