package io.wbo.withdrawal.internal;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

import io.wbo.approval.WorkOrderDecided;
import io.wbo.approval.WorkOrderRequest;
import io.wbo.approval.WorkOrderStatus;
import io.wbo.approval.WorkOrderView;
import io.wbo.approval.WorkOrders;
import io.wbo.audit.AuditLog;
import io.wbo.audit.AuditRecord;
import io.wbo.audit.FieldChange;
import io.wbo.common.Actor;
import io.wbo.common.Asset;
import io.wbo.common.DomainException;
import io.wbo.common.IllegalTransitionException;
import io.wbo.common.InvalidInputException;
import io.wbo.common.Money;
import io.wbo.common.TextLimits;
import io.wbo.customer.BankCard;
import io.wbo.customer.CompanyAccount;
import io.wbo.customer.Customer;
import io.wbo.customer.CustomerWithCard;
import io.wbo.customer.Customers;
import io.wbo.files.StoredFile;
import io.wbo.ledger.AccountKind;
import io.wbo.ledger.AccountRef;
import io.wbo.ledger.Ledger;
import io.wbo.risk.RiskChecks;
import io.wbo.risk.RiskOutcome;
import io.wbo.risk.RiskSubject;
import io.wbo.withdrawal.WithdrawalStatus;
import org.jspecify.annotations.Nullable;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * Use cases of withdrawal applications: create (APP and manual), risk check, reject, delete, edit through a work
 * order, submit, direct payout and its result, abnormal handling. Each command is one transaction holding the state
 * change, the ledger movement, the history row and the audit entry.
 */
@Service
class WithdrawalService {

	static final String ENTITY = "Withdrawal";

	private final WithdrawalStore store;
	private final Customers customers;
	private final Ledger ledger;
	private final WorkOrders workOrders;
	private final AuditLog audit;
	private final RiskChecks risk;
	private final RiskCheckJob riskChecks;
	private final JsonMapper json;
	private final WithdrawalProofs proofs;

	WithdrawalService(WithdrawalStore store, Customers customers, Ledger ledger, WorkOrders workOrders, AuditLog audit,
			RiskChecks risk, RiskCheckJob riskChecks, JsonMapper json, WithdrawalProofs proofs) {
		this.store = store;
		this.customers = customers;
		this.ledger = ledger;
		this.workOrders = workOrders;
		this.audit = audit;
		this.risk = risk;
		this.riskChecks = riskChecks;
		this.json = json;
		this.proofs = proofs;
	}

	// ------------------------------------------------------------------ creation (W-1, W-2)

	/** The fields of a new application as entered (amounts as text, validated here). */
	record Application(@Nullable String currency, @Nullable String amount, @Nullable String fee, @Nullable Long bankCardId,
			@Nullable String remark, @Nullable List<Long> proofIds) {
	}

	/** Creates the application and returns it as stored (its serial, status and time are the database's). */
	@Transactional
	public Withdrawal create(long customerId, Application input, String source, Actor actor) {
		// the customer and the named card in one read: every creation pays a round trip per read
		// a manual application names its customer in the body (an APP one by its token, always a customer)
		CustomerWithCard found = input.bankCardId() == null ? null : customers.requireWithCard(customerId, input.bankCardId(), "customerId");
		Customer customer = found == null ? customers.require(customerId, "customerId") : found.customer();
		InvalidInputException.Collector errors = new InvalidInputException.Collector();
		Asset asset = errors.attempt(() -> Asset.of(input.currency(), "currency"));
		errors.require(asset == null || Asset.isFiat(asset), "currency", "must be a fiat currency (HKD, USD, CNY)");
		Money amount = asset == null ? null : errors.attempt(() -> Money.positive(asset, input.amount(), "amount"));
		// without a currency the amount's scale is unknown, but a missing amount is still said in the same answer
		errors.require(asset != null || (input.amount() != null && !input.amount().isBlank()), "amount", "is required");
		Money fee = asset == null ? null
				: input.fee() == null ? Money.zero(asset) : errors.attempt(() -> Money.nonNegative(asset, input.fee(), "fee"));
		BankCard card = null;
		if (input.bankCardId() == null) {
			errors.add("bankCardId", "is required");
		}
		else {
			card = errors.attempt(() -> found.requireCard("bankCardId"));
			if (card != null && asset != null && !card.currency().equals(asset.code())) {
				errors.add("bankCardId", "the card receives " + card.currency() + ", not " + asset.code());
			}
		}
		errors.atMost("remark", input.remark(), TextLimits.REMARK);
		List<StoredFile> attached = proofs.attachable(input.proofIds(), customerId, actor, errors);
		errors.throwIfAny();
		Withdrawal w = store.insert(new WithdrawalStore.NewWithdrawal(customerId, customer.customerNo(),
				customer.nameEn() + (customer.nameZh() == null ? "" : " " + customer.nameZh()), amount, fee, snapshot(card),
				blankToNull(input.remark()), source, actor.name()));
		// amount + fee leave AVAILABLE now; not enough aborts the whole transaction: nothing is created
		ledger.freeze(customerId, w.total(), w.freezeKey(), ENTITY, w.serial(), actor);
		proofs.attach(w.id(), attached);
		audit.record(AuditRecord.of(actor, "WITHDRAWAL_CREATED", ENTITY, w.id(), List.of(
				FieldChange.set("serial", w.serial()), FieldChange.set("customer", customer.customerNo()),
				FieldChange.set("source", source), FieldChange.set("amount", w.amount()), FieldChange.set("fee", w.fee()),
				FieldChange.set("bankCard", card.bankName() + " " + card.maskedAccountNo()),
				FieldChange.set("proofs", WithdrawalProofs.label(attached)), FieldChange.set("status", w.status()))).withRemark(w.remark()));
		riskChecks.wake();
		return w;
	}

	private static Withdrawal.Card snapshot(BankCard card) {
		return new Withdrawal.Card(card.id(), card.bankName(), card.bankCode(), card.accountNo(), card.holderName());
	}

	// ------------------------------------------------------------------ risk check (W-3, X-7)

	/**
	 * Checks up to {@code limit} applications waiting for their risk check, in one transaction: the rules see each
	 * application with its customer's recent activity, and the results, history and audit entries are written together.
	 * Returns how many were checked (fewer than {@code limit}: none are left). The {@code setAside} ones (whose check
	 * failed lately) are left waiting.
	 */
	@Transactional
	public int runRiskChecks(int limit, java.util.Collection<Long> setAside) {
		return check(store.lockAwaitingRiskCheck(limit, setAside));
	}

	/** The check of one application alone (to find the one a failing batch stumbles on). */
	@Transactional
	public int runRiskCheckOf(long id) {
		return check(store.lockAwaitingRiskCheck(id));
	}

	@Transactional(readOnly = true)
	public List<Long> awaitingRiskCheck(int limit, java.util.Collection<Long> setAside) {
		return store.awaitingRiskCheck(limit, setAside);
	}

	private int check(List<Withdrawal> waiting) {
		if (waiting.isEmpty()) {
			return 0;
		}
		Map<Long, WithdrawalStore.RecentActivity> recent = store.recentActivity(waiting);
		List<RiskOutcome> outcomes = risk.evaluateAll(waiting.stream().map(w -> {
			WithdrawalStore.RecentActivity r = recent.get(w.id());
			return new RiskSubject(w.customerId(), w.currency().code(), w.amount().amount(), w.fee().amount(), w.card().id(),
					w.card().accountNo(), w.card().holderName(), r.amountToday(), r.count24h());
		}).toList());
		Actor system = Actor.system("risk-check");
		List<WithdrawalStore.RiskResult> results = new ArrayList<>(waiting.size());
		List<AuditRecord> entries = new ArrayList<>(waiting.size());
		for (int i = 0; i < waiting.size(); i++) {
			Withdrawal w = waiting.get(i);
			RiskOutcome outcome = outcomes.get(i);
			WithdrawalStatus before = w.status();
			if (outcome.passed()) {
				w.riskPassed();
			}
			else {
				w.riskFailed();
			}
			String reasons = outcome.passed() ? null : String.join("; ", outcome.reasons());
			results.add(new WithdrawalStore.RiskResult(w, outcome.passed() ? "PASSED" : "FAILED",
					json.writeValueAsString(outcome.findings()), reasons));
			entries.add(AuditRecord.of(system, outcome.passed() ? "WITHDRAWAL_RISK_PASSED" : "WITHDRAWAL_RISK_FAILED", ENTITY, w.id(),
					List.of(FieldChange.of("status", before, w.status()))).withRemark(reasons));
		}
		store.saveRiskResults(results, system);
		audit.recordAll(entries);
		return waiting.size();
	}

	// ------------------------------------------------------------------ reject, delete (W-4, W-5)

	@Transactional
	public Outcomes reject(List<Long> ids, @Nullable String reason, Actor actor) {
		String why = requireReason(reason);
		Outcomes.Builder outcomes = new Outcomes.Builder();
		for (long id : distinct(ids)) {
			Withdrawal w = store.lock(id).orElse(null);
			if (w == null) {
				outcomes.error(id, "withdrawal " + id + " not found");
				continue;
			}
			try {
				close(w, Transition.REJECT, why, actor);
				outcomes.ok(id);
			}
			catch (IllegalTransitionException e) {
				outcomes.error(id, e.getMessage());
			}
		}
		return outcomes.build();
	}

	@Transactional
	public void delete(long id, @Nullable String reason, Actor actor) {
		close(store.require(id), Transition.DELETE, requireReason(reason), actor);
	}

	private void close(Withdrawal w, Transition how, String reason, Actor actor) {
		WithdrawalStatus before = w.status();
		if (how == Transition.REJECT) {
			w.reject(reason);
		}
		else {
			w.delete(reason);
		}
		store.save(w);
		ledger.unfreeze(w.customerId(), w.total(), w.unfreezeKey(), ENTITY, w.serial(), actor);
		String action = how == Transition.REJECT ? "REJECTED" : "DELETED";
		store.event(w.id(), actor, action, before, w.status(), null, reason);
		audit.record(AuditRecord.of(actor, "WITHDRAWAL_" + action, ENTITY, w.id(),
				List.of(FieldChange.of("status", before, w.status()))).withRemark(reason));
		// after the closing entry, so that the history reads as it happened: rejected, and therefore the edit cancelled
		workOrders.cancelPendingFor(ENTITY, Long.toString(w.id()), WorkOrderTypes.EDIT, "withdrawal " + how.to().name().toLowerCase(), actor);
	}

	// ------------------------------------------------------------------ edit (W-6)

	/** The fields to change; an absent one keeps its value, and {@code proofIds} (when given) replaces the whole list. */
	record Edit(@Nullable String amount, @Nullable String fee, @Nullable Long bankCardId, @Nullable String remark,
			@Nullable List<Long> proofIds) {
	}

	/** {@code proofIds} is null when the edit leaves the proofs alone (and in work orders opened before proofs existed). */
	record EditPayload(long withdrawalId, String amount, String fee, long bankCardId, @Nullable String remark,
			@Nullable List<Long> proofIds) {
	}

	@Transactional
	public WorkOrderView proposeEdit(long id, Edit edit, Actor maker) {
		Withdrawal w = store.require(id);
		InvalidInputException.Collector errors = new InvalidInputException.Collector();
		Money amount = edit.amount() == null ? w.amount() : errors.attempt(() -> Money.positive(w.currency(), edit.amount(), "amount"));
		Money fee = edit.fee() == null ? w.fee() : errors.attempt(() -> Money.nonNegative(w.currency(), edit.fee(), "fee"));
		BankCard card = null;
		long cardId = edit.bankCardId() == null ? w.card().id() : edit.bankCardId();
		card = errors.attempt(() -> customers.requireCard(w.customerId(), cardId, "bankCardId"));
		if (card != null && !card.currency().equals(w.currency().code())) {
			errors.add("bankCardId", "the card receives " + card.currency() + ", not " + w.currency().code());
		}
		String remark = edit.remark() == null ? w.remark() : blankToNull(edit.remark());
		errors.atMost("remark", remark, TextLimits.REMARK); // an edit may not carry what a new application could not
		List<StoredFile> newProofs = edit.proofIds() == null ? null
				: proofs.attachable(edit.proofIds(), w.customerId(), maker, errors);
		errors.throwIfAny();
		List<StoredFile> oldProofs = proofs.current(id);
		List<FieldChange> diff = new FieldChange.Diff()
				.field("amount", w.amount().text(), amount.text())
				.field("fee", w.fee().text(), fee.text())
				.field("bankCard", w.card().bankName() + " " + w.card().accountNo(), card.bankName() + " " + card.accountNo())
				.field("remark", w.remark(), remark)
				.field("proofs", WithdrawalProofs.label(oldProofs), newProofs == null ? WithdrawalProofs.label(oldProofs)
						: WithdrawalProofs.label(newProofs)).changes();
		List<Long> newProofIds = newProofs == null || ids(newProofs).equals(ids(oldProofs)) ? null : ids(newProofs);
		if (diff.isEmpty()) {
			throw InvalidInputException.of("body", "nothing changes: the application already has these values");
		}
		WorkOrderView order = workOrders.open(new WorkOrderRequest(WorkOrderTypes.EDIT, ENTITY, Long.toString(id),
				w.serial(), diff, json.writeValueAsString(new EditPayload(id, amount.text(), fee.text(), card.id(), remark, newProofIds)),
				"edit of withdrawal " + w.serial()), maker);
		w.editProposed(order.id());
		store.save(w);
		if (newProofIds != null && order.status() == WorkOrderStatus.PENDING) {
			proofs.propose(id, order.id(), newProofIds); // an order approved at once has already applied them
		}
		store.event(id, maker, "EDIT_PROPOSED", w.status(), w.status(), order.id(), null);
		audit.record(AuditRecord.of(maker, "WITHDRAWAL_EDIT_PROPOSED", ENTITY, id, diff).withRemark("work order " + order.id()));
		return order;
	}

	private void applyEdit(WorkOrderDecided d) {
		EditPayload p = json.readValue(d.payload(), EditPayload.class);
		Withdrawal w = store.require(p.withdrawalId());
		Actor checker = checker(d);
		if (!d.approved()) {
			proofs.decline(d.workOrderId());
			w.editClosed(d.workOrderId());
			store.save(w);
			store.event(w.id(), checker, "EDIT_" + d.status().name(), w.status(), w.status(), d.workOrderId(), d.comment());
			audit.record(AuditRecord.of(checker, "WITHDRAWAL_EDIT_" + d.status().name(), ENTITY, w.id(), List.of())
					.withRemark("work order " + d.workOrderId()));
			return;
		}
		if (w.pendingEdit() == null || w.pendingEdit() != d.workOrderId()) {
			throw DomainException.rule("edit-not-pending", "withdrawal " + w.serial() + " is not waiting for this edit");
		}
		BankCard card = customers.requireCard(w.customerId(), p.bankCardId(), "bankCardId");
		Money oldTotal = w.total();
		String oldUnfreezeKey = w.unfreezeKey();
		WithdrawalStatus before = w.status();
		FieldChange.Diff diff = new FieldChange.Diff()
				.field("amount", w.amount().text(), p.amount()).field("fee", w.fee().text(), p.fee())
				.field("bankCard", w.card().bankName() + " " + w.card().accountNo(), card.bankName() + " " + card.accountNo())
				.field("remark", w.remark(), p.remark()).field("status", before, WithdrawalStatus.RISK_CHECKING);
		if (p.proofIds() != null) {
			diff.field("proofs", WithdrawalProofs.label(proofs.current(w.id())), WithdrawalProofs.label(files(p.proofIds())));
			proofs.replace(w.id(), d.workOrderId(), p.proofIds());
		}
		w.applyEdit(new Money(w.currency(), new java.math.BigDecimal(p.amount())), new Money(w.currency(), new java.math.BigDecimal(p.fee())),
				snapshot(card), p.remark());
		// the frozen amount follows the edit: release the old hold, take the new one (not enough → the approval fails)
		ledger.unfreeze(w.customerId(), oldTotal, oldUnfreezeKey, ENTITY, w.serial(), checker);
		ledger.freeze(w.customerId(), w.total(), w.freezeKey(), ENTITY, w.serial(), checker);
		store.save(w);
		store.clearRisk(w.id());
		store.event(w.id(), checker, "EDIT_APPLIED", before, w.status(), d.workOrderId(), null);
		audit.record(AuditRecord.of(checker, "WITHDRAWAL_EDITED", ENTITY, w.id(), diff.changes())
				.withRemark("work order " + d.workOrderId()));
		riskChecks.wake();
	}

	// ------------------------------------------------------------------ submit (W-7), set-based

	@Transactional
	public Outcomes submit(List<Long> ids, Actor actor) {
		List<Long> wanted = distinct(ids);
		List<WithdrawalStore.Moved> moved = store.move(wanted, Transition.SUBMIT, actor, "SUBMITTED", null, null,
				", submitted_at = now()", "AND w.pending_edit_wo IS NULL", Map.of());
		audit.recordAll(moved.stream().map(m -> AuditRecord.of(actor, "WITHDRAWAL_SUBMITTED", ENTITY, m.id(),
				List.of(FieldChange.of("status", m.from(), WithdrawalStatus.SUBMITTED)))).toList());
		return outcomes(wanted, moved, Transition.SUBMIT);
	}

	/** Per-id outcomes of a set-based move: the refused ones say why (not found, wrong state, edit pending). */
	Outcomes outcomes(List<Long> wanted, List<WithdrawalStore.Moved> moved, Transition transition) {
		return outcomes(wanted, moved, transition, null);
	}

	/**
	 * As above, with {@code refusedHere} saying why one in the right state was left out by the move's own condition
	 * (only the caller knows what that condition was).
	 */
	Outcomes outcomes(List<Long> wanted, List<WithdrawalStore.Moved> moved, Transition transition,
			java.util.function.@Nullable Function<WithdrawalStore.State, String> refusedHere) {
		java.util.Set<Long> done = new java.util.HashSet<>();
		moved.forEach(m -> done.add(m.id()));
		List<Long> refused = wanted.stream().filter(id -> !done.contains(id)).toList();
		Map<Long, WithdrawalStore.State> states = store.states(refused);
		Outcomes.Builder b = new Outcomes.Builder();
		for (long id : wanted) {
			if (done.contains(id)) {
				b.ok(id);
				continue;
			}
			WithdrawalStore.State s = states.get(id);
			if (s == null) {
				b.error(id, "withdrawal " + id + " not found");
			}
			else if (transition.allowedFrom(s.status()) && s.pendingEdit() != null) {
				b.error(id, "cannot " + transition.action() + " withdrawal " + s.serial() + ": its edit waits for approval in work order "
						+ s.pendingEdit());
			}
			else if (transition.allowedFrom(s.status())) {
				b.error(id, refusedHere != null ? refusedHere.apply(s)
						: "cannot " + transition.action() + " withdrawal " + s.serial() + " here");
			}
			else {
				b.error(id, new IllegalTransitionException("withdrawal", s.serial(), s.status(), transition.action()).getMessage());
			}
		}
		return b.build();
	}

	// ------------------------------------------------------------------ direct payout (W-8)

	record PayoutRequest(@Nullable Long payingAccountId, @Nullable String channel, @Nullable String bankReference) {
	}

	record DirectPayload(long withdrawalId, long payoutId) {
	}

	/** Checks the paying account and channel; returns the parsed channel. */
	CompanyAccount requirePayingAccount(@Nullable Long accountId, @Nullable String channel, InvalidInputException.Collector errors) {
		CompanyAccount account = null;
		if (accountId == null) {
			errors.add("payingAccountId", "is required");
		}
		else {
			account = errors.attempt(() -> customers.requireCompanyAccount(accountId, "payingAccountId"));
			if (account != null && "RECEIVING".equals(account.purpose())) {
				errors.add("payingAccountId", "account " + account.accountNo() + " only receives; choose a paying account");
			}
		}
		Channel parsed = parseChannel(channel, errors);
		if (account != null && parsed != null && !account.supportsChannel(parsed.name())) {
			errors.add("channel", "account " + account.accountNo() + " does not pay by " + parsed.name());
		}
		return account;
	}

	static @Nullable Channel parseChannel(@Nullable String channel, InvalidInputException.Collector errors) {
		if (channel == null || channel.isBlank()) {
			errors.add("channel", "is required (FPS, CHATS, RTGS, TT, LOCAL_TRANSFER or CHEQUE)");
			return null;
		}
		try {
			return Channel.valueOf(channel.trim());
		}
		catch (IllegalArgumentException e) {
			errors.add("channel", "must be one of FPS, CHATS, RTGS, TT, LOCAL_TRANSFER, CHEQUE");
			return null;
		}
	}

	@Transactional
	public WorkOrderView requestDirectPayout(long id, PayoutRequest request, Actor actor) {
		InvalidInputException.Collector errors = new InvalidInputException.Collector();
		CompanyAccount account = requirePayingAccount(request.payingAccountId(), request.channel(), errors);
		errors.atMost("bankReference", request.bankReference(), TextLimits.BANK_REFERENCE);
		errors.throwIfAny();
		Withdrawal w = store.require(id);
		if (!account.supportsCurrency(w.currency().code())) {
			throw InvalidInputException.of("payingAccountId", "account " + account.accountNo() + " does not pay " + w.currency().code());
		}
		WithdrawalStatus before = w.status();
		w.requestDirectPayout();
		String bankReference = blankToNull(request.bankReference());
		long payoutId = store.insertPayout(id, "DIRECT", null, account.id(), request.channel().trim(), bankReference,
				"PENDING_APPROVAL", actor.name());
		w.payoutOrder(payoutId);
		store.save(w);
		store.setPayoutInfo(id, account.id(), request.channel().trim(), bankReference);
		WorkOrderView order = workOrders.open(new WorkOrderRequest(WorkOrderTypes.DIRECT_PAYOUT, ENTITY, Long.toString(id), w.serial(),
				List.of(FieldChange.set("customer", customers.get(w.customerId()).customerNo()), FieldChange.set("amount", w.amount()),
						FieldChange.set("fee", w.fee()),
						FieldChange.set("payee", w.card().holderName() + " " + w.card().bankName() + " " + w.card().accountNo()),
						FieldChange.set("payingAccount", account.bankName() + " " + account.accountNo()),
						FieldChange.set("channel", request.channel().trim()), FieldChange.set("bankReference", bankReference)),
				json.writeValueAsString(new DirectPayload(id, payoutId)), "direct payout of " + w.serial()), actor);
		store.payoutWorkOrder(payoutId, order.id());
		store.event(id, actor, "DIRECT_PAYOUT_REQUESTED", before, w.status(), order.id(), null);
		audit.record(AuditRecord.of(actor, "WITHDRAWAL_DIRECT_PAYOUT_REQUESTED", ENTITY, id, List.of(
				FieldChange.of("status", before, w.status()), FieldChange.set("payingAccount", account.accountNo()),
				FieldChange.set("channel", request.channel().trim()))).withRemark("work order " + order.id()));
		return order;
	}

	private void applyDirectPayout(WorkOrderDecided d) {
		DirectPayload p = json.readValue(d.payload(), DirectPayload.class);
		Withdrawal w = store.require(p.withdrawalId());
		Actor checker = checker(d);
		if (w.payoutId() == null || w.payoutId() != p.payoutId()) {
			throw DomainException.rule("payout-superseded", "payout order " + p.payoutId() + " is no longer the current one of " + w.serial());
		}
		WithdrawalStatus before = w.status();
		if (d.approved()) {
			w.directPayoutApproved();
			store.payoutStatus(p.payoutId(), "PROCESSING");
		}
		else {
			w.directPayoutRefused();
			store.payoutStatus(p.payoutId(), "CANCELLED");
		}
		store.save(w);
		String action = d.approved() ? "DIRECT_PAYOUT_APPROVED" : "DIRECT_PAYOUT_" + d.status().name();
		store.event(w.id(), checker, action, before, w.status(), d.workOrderId(), blankToNull(d.comment()));
		audit.record(AuditRecord.of(checker, "WITHDRAWAL_" + action, ENTITY, w.id(),
				List.of(FieldChange.of("status", before, w.status()))).withRemark("work order " + d.workOrderId()));
	}

	record Result(@Nullable String result, @Nullable String bankReference, @Nullable String reason) {
	}

	/** 檢視並更新結果 of a direct payout: success completes the application, failure makes it abnormal. */
	@Transactional
	public void recordResult(long id, Result input, Actor actor) {
		InvalidInputException.Collector errors = new InvalidInputException.Collector();
		boolean success = "SUCCESS".equals(input.result());
		errors.require(success || "FAILED".equals(input.result()), "result", "must be SUCCESS or FAILED");
		errors.require(success || input.reason() != null && !input.reason().isBlank(), "reason", "is required when the payout failed");
		errors.atMost("bankReference", input.bankReference(), TextLimits.BANK_REFERENCE).atMost("reason", input.reason(), TextLimits.REMARK);
		errors.throwIfAny();
		Withdrawal w = store.require(id);
		WithdrawalStatus before = w.status();
		WithdrawalStore.Payout payout = store.payout(w.payoutId())
				.orElseThrow(() -> new IllegalTransitionException("withdrawal", w.serial(), w.status(), "record a payout result of"));
		String reference = blankToNull(input.bankReference());
		if (success) {
			w.directSucceeded();
			complete(w, payout.payingAccountId(), actor);
			store.payoutResult(payout.id(), "SUCCEEDED", "SUCCESS", reference, null);
		}
		else {
			w.directFailed(input.reason().trim());
			store.payoutResult(payout.id(), "FAILED", "FAILED", reference, input.reason().trim());
		}
		store.save(w);
		store.setBankReference(id, reference);
		store.event(id, actor, success ? "PAYOUT_SUCCEEDED" : "PAYOUT_FAILED", before, w.status(), null, success ? reference : input.reason());
		audit.record(AuditRecord.of(actor, success ? "WITHDRAWAL_COMPLETED" : "WITHDRAWAL_PAYOUT_FAILED", ENTITY, id, new FieldChange.Diff()
				.field("status", before, w.status()).field("bankReference", null, reference).changes())
				.withRemark(success ? null : input.reason()));
	}

	/** The money leaves: frozen amount to the paying account's clearing account, the fee to fee income. */
	void complete(Withdrawal w, long payingAccountId, Actor actor) {
		ledger.debitFrozen(w.customerId(), w.amount(), AccountRef.companyBank(payingAccountId, w.currency()), w.payoutKey(), ENTITY,
				w.serial(), actor);
		if (w.fee().isPositive()) {
			ledger.debitFrozen(w.customerId(), w.fee(), AccountRef.system(AccountKind.FEE_INCOME, w.currency()), w.feeKey(), ENTITY,
					w.serial(), actor);
		}
	}

	// ------------------------------------------------------------------ abnormal handling (W-13)

	record AbnormalPayload(long withdrawalId, String action, String remark) {
	}

	@Transactional
	public Outcomes handleAbnormal(List<Long> ids, @Nullable String action, @Nullable String remark, Actor actor) {
		InvalidInputException.Collector errors = new InvalidInputException.Collector();
		AbnormalAction parsed = null;
		try {
			parsed = action == null ? null : AbnormalAction.valueOf(action);
		}
		catch (IllegalArgumentException e) {
			// reported below
		}
		errors.require(parsed != null, "action", "must be TO_SUCCESS, TO_FAILURE, REPAY or RESUBMIT");
		errors.require(remark != null && !remark.isBlank(), "remark", "is required");
		errors.atMost("remark", remark, TextLimits.REMARK);
		errors.require(ids != null && !ids.isEmpty(), "ids", "must name at least one withdrawal");
		errors.throwIfAny();
		Outcomes.Builder outcomes = new Outcomes.Builder();
		for (long id : distinct(ids)) {
			Withdrawal w = store.lock(id).orElse(null);
			if (w == null) {
				outcomes.error(id, "withdrawal " + id + " not found");
				continue;
			}
			WithdrawalStatus before = w.status();
			try {
				w.handleAbnormal(parsed);
			}
			catch (IllegalTransitionException e) {
				outcomes.error(id, e.getMessage());
				continue;
			}
			WorkOrderView order = workOrders.open(new WorkOrderRequest(WorkOrderTypes.ABNORMAL, ENTITY, Long.toString(id), w.serial(),
					List.of(FieldChange.set("action", parsed), FieldChange.set("amount", w.amount()),
							FieldChange.set("failureReason", w.failureReason())),
					json.writeValueAsString(new AbnormalPayload(id, parsed.name(), remark.trim())), remark.trim()), actor);
			w.reviewedIn(order.id());
			store.save(w);
			store.event(id, actor, "ABNORMAL_" + parsed.name() + "_PROPOSED", before, w.status(), order.id(), remark.trim());
			audit.record(AuditRecord.of(actor, "WITHDRAWAL_ABNORMAL_HANDLED", ENTITY, id, List.of(
					FieldChange.of("status", before, w.status()), FieldChange.set("action", parsed)))
					.withRemark(remark.trim() + " (work order " + order.id() + ")"));
			outcomes.ok(id);
		}
		return outcomes.build();
	}

	private void applyAbnormal(WorkOrderDecided d) {
		AbnormalPayload p = json.readValue(d.payload(), AbnormalPayload.class);
		Withdrawal w = store.require(p.withdrawalId());
		Actor checker = checker(d);
		WithdrawalStatus before = w.status();
		AbnormalAction action = AbnormalAction.valueOf(p.action());
		if (!d.approved()) {
			w.abnormalRefused();
			store.save(w);
			store.event(w.id(), checker, "ABNORMAL_" + action.name() + "_" + d.status().name(), before, w.status(), d.workOrderId(),
					blankToNull(d.comment()));
			audit.record(AuditRecord.of(checker, "WITHDRAWAL_ABNORMAL_" + d.status().name(), ENTITY, w.id(),
					List.of(FieldChange.of("status", before, w.status()))).withRemark("work order " + d.workOrderId()));
			return;
		}
		WithdrawalStore.Payout payout = store.payout(w.payoutId())
				.orElseThrow(() -> DomainException.rule("no-payout", "withdrawal " + w.serial() + " has no payout order"));
		switch (action) {
			case TO_SUCCESS -> {
				w.turnedToSuccess();
				complete(w, payout.payingAccountId(), checker);
				store.payoutResult(payout.id(), "SUCCEEDED", "SUCCESS", null, "turned to success: " + p.remark());
			}
			case TO_FAILURE -> {
				w.turnedToFailure();
				ledger.unfreeze(w.customerId(), w.total(), w.unfreezeKey(), ENTITY, w.serial(), checker);
			}
			case REPAY -> {
				w.repaid();
				// a new payout order; the partial unique index refuses it while another order of this application is open
				long newPayout = store.insertPayout(w.id(), "DIRECT", null, payout.payingAccountId(), payout.channel(), null,
						"PROCESSING", checker.name());
				store.payoutWorkOrder(newPayout, d.workOrderId());
				w.payoutOrder(newPayout);
			}
			case RESUBMIT -> {
				if (!"FAILED".equals(payout.status())) {
					throw DomainException.rule("payout-not-failed", "payout order " + payout.id() + " is " + payout.status() + ", not FAILED");
				}
				w.resubmitted();
				store.payoutResent(payout.id());
			}
		}
		store.save(w);
		store.event(w.id(), checker, "ABNORMAL_" + action.name(), before, w.status(), d.workOrderId(), p.remark());
		audit.record(AuditRecord.of(checker, "WITHDRAWAL_ABNORMAL_" + action.name(), ENTITY, w.id(),
				List.of(FieldChange.of("status", before, w.status()))).withRemark("work order " + d.workOrderId()));
	}

	// ------------------------------------------------------------------ decisions

	/** Applies a decided work order inside the deciding transaction (exactly once, with the decision). */
	@EventListener
	void on(WorkOrderDecided decided) {
		switch (decided.type()) {
			case WorkOrderTypes.EDIT -> applyEdit(decided);
			case WorkOrderTypes.DIRECT_PAYOUT -> applyDirectPayout(decided);
			case WorkOrderTypes.ABNORMAL -> applyAbnormal(decided);
			default -> {
			}
		}
	}

	private static List<Long> ids(List<StoredFile> files) {
		return files.stream().map(StoredFile::id).toList();
	}

	private List<StoredFile> files(List<Long> ids) {
		return proofs.describe(ids);
	}

	static Actor checker(WorkOrderDecided d) {
		return new Actor(Actor.Kind.OPERATOR, d.deciderId(), d.deciderName(), "-");
	}

	static List<Long> distinct(@Nullable List<Long> ids) {
		if (ids == null || ids.isEmpty()) {
			throw InvalidInputException.of("ids", "must name at least one withdrawal");
		}
		if (ids.size() > 20_000) {
			throw InvalidInputException.of("ids", "at most 20000 per request");
		}
		return new ArrayList<>(new LinkedHashSet<>(ids));
	}

	static String requireReason(@Nullable String reason) {
		if (reason == null || reason.isBlank()) {
			throw InvalidInputException.of("reason", "is required");
		}
		new InvalidInputException.Collector().atMost("reason", reason, TextLimits.REMARK).throwIfAny();
		return reason.trim();
	}

	static @Nullable String blankToNull(@Nullable String text) {
		return text == null || text.isBlank() ? null : text.trim();
	}
}
