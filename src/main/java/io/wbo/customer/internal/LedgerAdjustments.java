package io.wbo.customer.internal;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

import io.wbo.approval.WorkOrderDecided;
import io.wbo.approval.WorkOrderRequest;
import io.wbo.approval.WorkOrderType;
import io.wbo.approval.WorkOrderView;
import io.wbo.approval.WorkOrders;
import io.wbo.audit.AuditLog;
import io.wbo.audit.AuditRecord;
import io.wbo.audit.FieldChange;
import io.wbo.common.Actor;
import io.wbo.common.Asset;
import io.wbo.common.DomainException;
import io.wbo.common.Money;
import io.wbo.common.security.Permission;
import io.wbo.customer.Customer;
import io.wbo.customer.Customers;
import io.wbo.ledger.AccountKind;
import io.wbo.ledger.AccountRef;
import io.wbo.ledger.Ledger;
import io.wbo.ledger.TransferResult;
import org.jspecify.annotations.Nullable;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * An administrator's direct operation on a customer's balance, against the ADJUSTMENT system account (corrections,
 * opening balances). Money must never be created by one person: the operation is proposed as a
 * {@code LEDGER_ADJUSTMENT} work order and the transfer is made, exactly once, in the transaction that approves it.
 * The client's transfer key stays the idempotency key: it claims the proposal, so the same proposal sent again
 * answers the same work order, and another operation under that key is refused.
 */
@Service
class LedgerAdjustments {

	static final String TYPE = "LEDGER_ADJUSTMENT";

	enum Operation { CREDIT, FREEZE, UNFREEZE, DEBIT_FROZEN }

	private final Customers customers;
	private final Ledger ledger;
	private final WorkOrders workOrders;
	private final AuditLog audit;
	private final JdbcClient jdbc;
	private final JsonMapper json;

	LedgerAdjustments(Customers customers, Ledger ledger, WorkOrders workOrders, AuditLog audit, JdbcClient jdbc, JsonMapper json) {
		this.customers = customers;
		this.ledger = ledger;
		this.workOrders = workOrders;
		this.audit = audit;
		this.jdbc = jdbc;
		this.json = json;
	}

	@Configuration
	static class Types {
		/** Approval of money an administrator moves by hand can never be switched off. */
		@Bean
		WorkOrderType ledgerAdjustment() {
			return WorkOrderType.of(TYPE, List.of(Permission.WORK_ORDER_APPROVE), true, false);
		}
	}

	/** What an administrator proposes; the work order's payload, read back when it is approved. */
	record Proposal(long customerId, Operation operation, String asset, String amount, String key, @Nullable String remark) {

		Money money() {
			return new Money(Asset.of(asset), new BigDecimal(amount));
		}

		boolean sameAs(Proposal other) {
			return customerId == other.customerId && operation == other.operation && asset.equals(other.asset)
					&& new BigDecimal(amount).compareTo(new BigDecimal(other.amount)) == 0 && key.equals(other.key)
					&& Objects.equals(remark, other.remark);
		}

		String transferKey() {
			return "ADMIN:" + key;
		}
	}

	/**
	 * Proposes the operation. Two proposals with one key at the same moment queue on the key's row: the second sees
	 * the first's work order.
	 */
	@Transactional
	WorkOrderView propose(long customerId, Operation operation, Money amount, String clientKey, @Nullable String remark, Actor maker) {
		Customer customer = customers.get(customerId);
		Proposal proposal = new Proposal(customerId, operation, amount.asset().code(), amount.text(), clientKey, remark);
		int claimed = jdbc.sql("""
				INSERT INTO ledger_adjustment (transfer_key, customer_id, operation, asset, amount, remark, proposed_by)
				VALUES (:key, :customer, :operation, :asset, :amount, :remark, :by) ON CONFLICT (transfer_key) DO NOTHING""")
				.param("key", clientKey).param("customer", customerId).param("operation", operation.name())
				.param("asset", proposal.asset()).param("amount", amount.amount()).param("remark", remark).param("by", maker.id())
				.update();
		if (claimed == 0) {
			return sameProposalAgain(proposal);
		}
		WorkOrderView order = workOrders.open(new WorkOrderRequest(TYPE, "Customer", Long.toString(customerId), customer.label(),
				List.of(FieldChange.set("operation", operation.name()), FieldChange.set("amount", amount.toString()),
						FieldChange.set("transferKey", proposal.transferKey())),
				json.writeValueAsString(proposal), remark), maker);
		jdbc.sql("UPDATE ledger_adjustment SET work_order_id = :wo WHERE transfer_key = :key").param("wo", order.id())
				.param("key", clientKey).update();
		audit.record(new AuditRecord(maker, "LEDGER_ADJUSTMENT_PROPOSED", "Customer", Long.toString(customerId), List.of(
				FieldChange.set("operation", operation.name()), FieldChange.set("amount", amount.toString()),
				FieldChange.set("transferKey", proposal.transferKey()), FieldChange.set("workOrder", order.id())), remark));
		return order;
	}

	private WorkOrderView sameProposalAgain(Proposal proposal) {
		record Claimed(Proposal proposal, long workOrderId) {
		}
		Claimed earlier = jdbc.sql("SELECT * FROM ledger_adjustment WHERE transfer_key = :key").param("key", proposal.key())
				.query((rs, n) -> new Claimed(new Proposal(rs.getLong("customer_id"), Operation.valueOf(rs.getString("operation")),
						rs.getString("asset"), rs.getBigDecimal("amount").toPlainString(), rs.getString("transfer_key"), rs.getString("remark")),
						rs.getLong("work_order_id")))
				.single();
		if (!earlier.proposal().sameAs(proposal)) {
			throw new DomainException(HttpStatus.UNPROCESSABLE_CONTENT, "transfer-key-reused",
					"transfer key " + proposal.transferKey() + " was already used for a different transfer");
		}
		return workOrders.get(earlier.workOrderId());
	}

	/**
	 * Makes the transfer inside the approving transaction. When it cannot be made (the available balance no longer
	 * holds the amount), the approval fails with the reason and nothing moves; the work order stays pending.
	 */
	@EventListener
	void on(WorkOrderDecided decided) {
		if (!decided.is(TYPE) || !decided.approved()) {
			return;
		}
		Proposal p = json.readValue(decided.payload(), Proposal.class);
		Actor checker = new Actor(Actor.Kind.OPERATOR, decided.deciderId(), decided.deciderName(), "-");
		Money amount = p.money();
		String key = p.transferKey();
		AccountRef adjustment = AccountRef.system(AccountKind.ADJUSTMENT, amount.asset());
		TransferResult result = switch (p.operation()) {
			case CREDIT -> ledger.credit(p.customerId(), amount, adjustment, key, "Adjustment", p.key(), checker);
			case FREEZE -> ledger.freeze(p.customerId(), amount, key, "Adjustment", p.key(), checker);
			case UNFREEZE -> ledger.unfreeze(p.customerId(), amount, key, "Adjustment", p.key(), checker);
			case DEBIT_FROZEN -> ledger.debitFrozen(p.customerId(), amount, adjustment, key, "Adjustment", p.key(), checker);
		};
		if (result.replayed()) {
			// only a transfer made before adjustments needed approval can hold the key: approving would move nothing
			throw DomainException.conflict("transfer key " + key + " was already used by an earlier transfer; nothing moved");
		}
		audit.record(new AuditRecord(checker, "LEDGER_ADJUSTMENT", "Customer", Long.toString(p.customerId()), List.of(
				FieldChange.set("operation", p.operation().name()), FieldChange.set("amount", amount.toString()),
				FieldChange.set("transferKey", key), FieldChange.set("transferId", result.transferId()),
				FieldChange.set("workOrder", decided.workOrderId()), FieldChange.set("proposedBy", decided.makerId())), p.remark()));
	}
}
