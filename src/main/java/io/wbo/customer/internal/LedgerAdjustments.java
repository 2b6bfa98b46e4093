package io.wbo.customer.internal;

import java.util.List;

import io.wbo.audit.AuditLog;
import io.wbo.audit.AuditRecord;
import io.wbo.audit.FieldChange;
import io.wbo.common.Actor;
import io.wbo.common.Money;
import io.wbo.ledger.AccountKind;
import io.wbo.ledger.AccountRef;
import io.wbo.ledger.Ledger;
import io.wbo.ledger.TransferResult;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * An administrator's direct operation on a customer's balance, against the ADJUSTMENT system account: a command like
 * any other, so the transfer and the command's audit entry (with the administrator's remark) commit together. A
 * replayed key moves nothing and records nothing.
 */
@Service
class LedgerAdjustments {

	enum Operation { CREDIT, FREEZE, UNFREEZE, DEBIT_FROZEN }

	private final Ledger ledger;
	private final AuditLog audit;

	LedgerAdjustments(Ledger ledger, AuditLog audit) {
		this.ledger = ledger;
		this.audit = audit;
	}

	@Transactional
	TransferResult apply(long customerId, Operation operation, Money amount, String clientKey, @Nullable String remark, Actor actor) {
		String key = "ADMIN:" + clientKey;
		AccountRef adjustment = AccountRef.system(AccountKind.ADJUSTMENT, amount.asset());
		TransferResult result = switch (operation) {
			case CREDIT -> ledger.credit(customerId, amount, adjustment, key, "Adjustment", clientKey, actor);
			case FREEZE -> ledger.freeze(customerId, amount, key, "Adjustment", clientKey, actor);
			case UNFREEZE -> ledger.unfreeze(customerId, amount, key, "Adjustment", clientKey, actor);
			case DEBIT_FROZEN -> ledger.debitFrozen(customerId, amount, adjustment, key, "Adjustment", clientKey, actor);
		};
		if (!result.replayed()) {
			audit.record(new AuditRecord(actor, "LEDGER_ADJUSTMENT", "Customer", Long.toString(customerId), List.of(
					FieldChange.set("operation", operation.name()), FieldChange.set("amount", amount.toString()),
					FieldChange.set("transferKey", key), FieldChange.set("transferId", result.transferId())), remark));
		}
		return result;
	}
}
