package io.wbo.statement.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import io.swagger.v3.oas.annotations.media.Schema;
import io.wbo.audit.AuditLog;
import io.wbo.audit.AuditRecord;
import io.wbo.audit.FieldChange;
import io.wbo.common.Actor;
import io.wbo.common.Asset;
import io.wbo.common.DomainException;
import io.wbo.common.InvalidInputException;
import io.wbo.common.Money;
import io.wbo.common.TextLimits;
import io.wbo.reconciliation.Direction;
import io.wbo.reconciliation.ReconciliationStates;
import io.wbo.statement.StatementLineTagged;
import io.wbo.statement.TagTarget;
import io.wbo.statement.TagTargets;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/** B-3 to B-6: delete, flip, tag and reject a tag; each audited in its own transaction. */
@Service
class StatementOperations {

	private final StatementStore store;
	private final AuditLog audit;
	private final ApplicationEventPublisher events;
	private final List<TagTargets> targets;
	private final TransactionTemplate tx;
	private final ReconciliationStates states;

	StatementOperations(StatementStore store, AuditLog audit, ApplicationEventPublisher events, List<TagTargets> targets, TransactionTemplate tx,
			ReconciliationStates states) {
		this.store = store;
		this.audit = audit;
		this.events = events;
		this.targets = targets;
		this.tx = tx;
		this.states = states;
	}

	StatementLine get(long id) {
		return store.byId(id).orElseThrow(() -> DomainException.notFound("statement line", id));
	}

	/** B-3: soft delete of a redundant unmatched line; the fingerprint stays, so a re-import does not bring it back. */
	@Transactional
	public StatementLine delete(long id, @Nullable String reason, Actor actor) {
		String why = requireReason(reason, "reason");
		StatementLine line = get(id);
		line.requireUnmatched("delete");
		store.update(line, line.direction(), LineStatus.DELETED, null, null, null, why);
		forgetComparison(line);
		audit.record(AuditRecord.of(actor, "STATEMENT_LINE_DELETED", "StatementLine", id,
				List.of(FieldChange.of("status", line.status(), LineStatus.DELETED))).withRemark(why));
		return get(id);
	}

	/** B-4: a line the parser read the wrong way round becomes the other direction (and back). */
	@Transactional
	public StatementLine flip(long id, @Nullable String remark, Actor actor) {
		limited(remark, "remark");
		StatementLine line = get(id);
		line.requireUnmatched("flip");
		store.update(line, line.flipped(), line.status(), null, null, null, remark == null ? line.remark() : remark);
		forgetComparison(line);
		audit.record(AuditRecord.of(actor, "STATEMENT_LINE_FLIPPED", "StatementLine", id,
				List.of(FieldChange.of("direction", line.direction(), line.flipped()))).withRemark(remark));
		return get(id);
	}

	/** A record's last result that rested on this line (a mismatch a run found) is withdrawn with the line's own. */
	private void forgetComparison(StatementLine line) {
		if (line.reconResult() != null) {
			states.forgetLine(line.id(), "BATCH".equals(line.recordType()) ? null : line.recordType(), line.recordId());
		}
	}

	/**
	 * B-5 打標: links an unmatched line to a completed record of its direction that has no bank line yet. Amount and
	 * currency must agree unless the operator gives a reason to override.
	 */
	@Transactional
	public StatementLine tag(long id, @Nullable String recordRef, @Nullable String recordType, @Nullable String overrideReason, Actor actor) {
		if (recordRef == null || recordRef.isBlank()) {
			throw InvalidInputException.of("withdrawalId", "is required");
		}
		limited(overrideReason, "reason");
		StatementLine line = get(id);
		line.requireUnmatched("tag");
		String type = recordType != null && !recordType.isBlank() ? recordType.trim() : line.direction() == Direction.OUT ? "WITHDRAWAL" : "DEPOSIT";
		List<TagTargets> sources = targets.stream().filter(t -> t.recordType().equals(type)).toList();
		if (sources.isEmpty()) {
			throw DomainException.rule("no-tag-target", "no " + type.toLowerCase() + " records can be tagged yet");
		}
		if (sources.stream().noneMatch(t -> t.direction() == line.direction())) {
			// a flipped line is an inflow now: tagging it to a payout would count money that came in as money paid out
			throw DomainException.rule("tag-direction", line.direction() == Direction.IN
					? "an inflow line cannot be tagged to a " + type.toLowerCase()
					: "an outflow line cannot be tagged to a " + type.toLowerCase());
		}
		TagTarget target = sources.stream().map(t -> t.find(recordRef.trim())).flatMap(java.util.Optional::stream).findFirst()
				.orElseThrow(() -> InvalidInputException.of("withdrawalId", type.toLowerCase() + " " + recordRef.trim() + " not found"));
		String recordTypeName = type;
		if (!target.completed()) {
			throw DomainException.rule("record-not-completed", recordTypeName.toLowerCase() + " " + target.serial() + " is not completed");
		}
		if (target.companyAccountId() != null && target.companyAccountId() != line.accountId()) {
			throw DomainException.rule("account-mismatch", recordTypeName.toLowerCase() + " " + target.serial() + " belongs to another company account");
		}
		if (store.recordHasLine(target.recordType(), target.id())) {
			throw DomainException.conflict(recordTypeName.toLowerCase() + " " + target.serial() + " already has a bank line");
		}
		boolean agrees = target.currency().equals(line.currency()) && target.amount().compareTo(line.amount()) == 0;
		String override = Amounts.blankToNull(overrideReason);
		if (!agrees && override == null) {
			throw DomainException.rule("tag-amount-mismatch", "the line is " + Money.display(line.amount(), Asset.of(line.currency()))
					+ " but " + target.serial() + " is " + Money.display(target.amount(), Asset.of(target.currency()))
					+ "; give a reason to tag anyway");
		}
		store.update(line, line.direction(), LineStatus.TAGGED, target.recordType(), target.id(), target.serial(), agrees ? line.remark() : override);
		// the record is matched from now on, not from the next run: its list shows what the line shows
		states.bindLine(target.recordType(), target.id(), id);
		audit.record(AuditRecord.of(actor, "STATEMENT_LINE_TAGGED", "StatementLine", id, List.of(
				FieldChange.of("status", line.status(), LineStatus.TAGGED), FieldChange.set("record", target.recordType() + ":" + target.serial())))
				.withRemark(agrees ? null : "override: " + override));
		events.publishEvent(new StatementLineTagged(id, target.recordType(), target.id(), true, actor.name(), line.label(), override));
		return get(id);
	}

	/** B-6 拒絕: undoes a mistaken tag; the line and the record are both free again. */
	@Transactional
	public StatementLine rejectTag(long id, @Nullable String reason, Actor actor) {
		limited(reason, "reason");
		StatementLine line = get(id);
		line.requireTagged("reject the tag of");
		store.update(line, line.direction(), LineStatus.UNMATCHED, null, null, null, Amounts.blankToNull(reason));
		// frees both sides: the record's last result rests on the tag no more than the line's (cleared by the update)
		states.releaseLine(line.recordType(), line.recordId(), id);
		audit.record(AuditRecord.of(actor, "STATEMENT_LINE_TAG_REJECTED", "StatementLine", id, List.of(
				FieldChange.of("status", line.status(), LineStatus.UNMATCHED), FieldChange.of("record", line.recordType() + ":" + line.recordSerial(), null)))
				.withRemark(reason));
		events.publishEvent(new StatementLineTagged(id, line.recordType(), line.recordId(), false, actor.name(), line.label(), Amounts.blankToNull(reason)));
		return get(id);
	}

	@Schema(name = "LineOutcome")
	record Outcome(long id, boolean ok, @io.wbo.common.web.SaidMessage @Nullable String error) {
	}

	/** Runs one command per id, each in its own transaction, so one bad id never hides the others. */
	List<Outcome> batch(@Nullable List<Long> ids, Function<Long, ?> command) {
		if (ids == null || ids.isEmpty()) {
			throw InvalidInputException.of("ids", "at least one id is required");
		}
		if (ids.size() > 500) {
			throw InvalidInputException.of("ids", "at most 500 ids at once");
		}
		List<Outcome> results = new ArrayList<>();
		for (Long id : ids) {
			try {
				tx.executeWithoutResult(s -> command.apply(id));
				results.add(new Outcome(id, true, null));
			}
			catch (DomainException e) {
				results.add(new Outcome(id, false, e.getMessage()));
			}
			catch (org.springframework.dao.OptimisticLockingFailureException e) {
				results.add(new Outcome(id, false, "changed by someone else meanwhile"));
			}
		}
		return results;
	}

	private static String requireReason(@Nullable String reason, String field) {
		String r = Amounts.blankToNull(reason);
		if (r == null) {
			throw InvalidInputException.of(field, "is required");
		}
		return limited(r, field);
	}

	/** An operator's reason or remark is kept with the line and in the audit log: as long as elsewhere, no longer. */
	private static @Nullable String limited(@Nullable String text, String field) {
		new InvalidInputException.Collector().atMost(field, text, TextLimits.REMARK).throwIfAny();
		return text;
	}

}
