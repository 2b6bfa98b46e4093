package io.wbo.customer.internal;

import java.util.List;

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
import io.wbo.common.InvalidInputException;
import io.wbo.common.security.Permission;
import io.wbo.customer.BankCard;
import io.wbo.customer.Customer;
import io.wbo.customer.Customers;
import org.jspecify.annotations.Nullable;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * Adding or editing a customer's bank card is proposed by a maker ({@code CUSTOMER_MANAGE}) as a work order and takes
 * effect only when a checker ({@code WORK_ORDER_APPROVE}) approves it.
 */
@Service
class BankCardChanges {

	static final String TYPE = "BANK_CARD_CHANGE";

	private final Customers customers;
	private final CustomerStore store;
	private final WorkOrders workOrders;
	private final AuditLog audit;
	private final JsonMapper json;

	BankCardChanges(Customers customers, CustomerStore store, WorkOrders workOrders, AuditLog audit, JsonMapper json) {
		this.customers = customers;
		this.store = store;
		this.workOrders = workOrders;
		this.audit = audit;
		this.json = json;
	}

	@Configuration
	static class Types {
		@Bean
		WorkOrderType bankCardChange() {
			return WorkOrderType.of(TYPE, List.of(Permission.WORK_ORDER_APPROVE), true, false);
		}
	}

	/** The card fields as entered; validated as a whole so the form learns about every problem at once. */
	record CardFields(String bankName, String bankCode, String accountNo, String holderName, String currency) {

		CardFields validated() {
			InvalidInputException.Collector errors = new InvalidInputException.Collector()
					.require(bankName != null && !bankName.isBlank(), "bankName", "is required")
					.require(bankCode != null && bankCode.matches("[0-9A-Z]{3,11}"), "bankCode", "must be a bank code such as 004 or a SWIFT code")
					.require(accountNo != null && accountNo.replace("-", "").matches("\\d{6,34}"), "accountNo", "must be 6 to 34 digits (dashes allowed)")
					.require(holderName != null && !holderName.isBlank(), "holderName", "is required");
			Asset asset = errors.attempt(() -> Asset.of(currency, "currency"));
			errors.require(asset == null || Asset.isFiat(asset), "currency", "must be a fiat currency");
			errors.throwIfAny();
			return new CardFields(bankName.trim(), bankCode.trim(), accountNo.trim(), holderName.trim(), currency.trim());
		}
	}

	record Payload(long customerId, @Nullable Long cardId, CardFields fields) {
	}

	@Transactional
	public WorkOrderView proposeEdit(long customerId, long cardId, CardFields input, @Nullable String remark, Actor maker) {
		Customer customer = customers.get(customerId);
		BankCard card = customers.requireCard(customerId, cardId, "cardId");
		CardFields fields = input.validated();
		List<FieldChange> diff = new FieldChange.Diff()
				.field("bankName", card.bankName(), fields.bankName())
				.field("bankCode", card.bankCode(), fields.bankCode())
				.field("accountNo", card.accountNo(), fields.accountNo())
				.field("holderName", card.holderName(), fields.holderName())
				.field("currency", card.currency(), fields.currency()).changes();
		if (diff.isEmpty()) {
			throw InvalidInputException.of("body", "nothing changes: the card already has these values");
		}
		return workOrders.open(new WorkOrderRequest(TYPE, "BankCard", Long.toString(cardId), customer.label() + " / card " + card.maskedAccountNo(),
				diff, json.writeValueAsString(new Payload(customerId, cardId, fields)), remark), maker);
	}

	@Transactional
	public WorkOrderView proposeAdd(long customerId, CardFields input, @Nullable String remark, Actor maker) {
		Customer customer = customers.get(customerId);
		CardFields fields = input.validated();
		List<FieldChange> diff = List.of(FieldChange.set("bankName", fields.bankName()), FieldChange.set("bankCode", fields.bankCode()),
				FieldChange.set("accountNo", fields.accountNo()), FieldChange.set("holderName", fields.holderName()),
				FieldChange.set("currency", fields.currency()));
		return workOrders.open(new WorkOrderRequest(TYPE, "Customer", Long.toString(customerId), customer.label() + " / new card",
				diff, json.writeValueAsString(new Payload(customerId, null, fields)), remark), maker);
	}

	/** Applies an approved change inside the approving transaction: once, or not at all. */
	@EventListener
	void on(WorkOrderDecided decided) {
		if (!decided.is(TYPE) || !decided.approved()) {
			return;
		}
		Payload payload = json.readValue(decided.payload(), Payload.class);
		CardFields f = payload.fields();
		Actor checker = new Actor(Actor.Kind.OPERATOR, decided.deciderId(), decided.deciderName(), "-");
		if (payload.cardId() == null) {
			long cardId = store.insertCard(payload.customerId(), f.bankName(), f.bankCode(), f.accountNo(), f.holderName(), f.currency(), false);
			audit.record(AuditRecord.of(checker, "BANK_CARD_ADDED", "Customer", payload.customerId(), List.of(
					FieldChange.set("bankCard", cardId), FieldChange.set("bankName", f.bankName()),
					FieldChange.set("accountNo", f.accountNo()), FieldChange.set("holderName", f.holderName()),
					FieldChange.set("currency", f.currency()))).withRemark("work order " + decided.workOrderId()));
			return;
		}
		BankCard before = store.card(payload.cardId()).orElseThrow();
		store.updateCard(payload.cardId(), f.bankName(), f.bankCode(), f.accountNo(), f.holderName(), f.currency());
		audit.record(AuditRecord.of(checker, "BANK_CARD_CHANGED", "Customer", payload.customerId(), new FieldChange.Diff()
				.field("bankCard[" + before.id() + "].bankName", before.bankName(), f.bankName())
				.field("bankCard[" + before.id() + "].bankCode", before.bankCode(), f.bankCode())
				.field("bankCard[" + before.id() + "].accountNo", before.accountNo(), f.accountNo())
				.field("bankCard[" + before.id() + "].holderName", before.holderName(), f.holderName())
				.field("bankCard[" + before.id() + "].currency", before.currency(), f.currency()).changes())
				.withRemark("work order " + decided.workOrderId()));
	}
}
