package io.wbo.reconciliation;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

import io.wbo.statement.TagTarget;
import io.wbo.statement.TagTargets;
import org.jspecify.annotations.Nullable;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Test-only system records ("TESTPAY", outflows) for the reconciliation and tagging tests: in memory, per company
 * account, so tests never see each other's. Also records every {@link RecordReconciled} it receives about them.
 */
@Component
public class TestRecords implements ReconciliationSource, TagTargets {

	public static final String TYPE = "TESTPAY";
	private static final AtomicLong IDS = new AtomicLong(9_000_000_000L);

	private final Map<Long, List<SystemRecord>> byAccount = new ConcurrentHashMap<>();
	private final Map<String, TagTarget> targets = new ConcurrentHashMap<>();
	public final List<RecordReconciled> events = new CopyOnWriteArrayList<>();

	public SystemRecord add(long accountId, String amount, LocalDate date, @Nullable String counterparty, @Nullable String reference,
			@Nullable String batch) {
		long id = IDS.incrementAndGet();
		SystemRecord r = new SystemRecord(TYPE, id, "TP" + id, "HKD", new BigDecimal(amount), date, counterparty, reference, batch);
		byAccount.computeIfAbsent(accountId, a -> new CopyOnWriteArrayList<>()).add(r);
		targets.put(r.serial(), new TagTarget(TYPE, id, r.serial(), "HKD", r.amount(), true, accountId));
		return r;
	}

	/** Lists the account's records again, newest first, each twice: a source's order and repeats must not matter. */
	public void listNewestFirstAndTwice(long accountId) {
		List<SystemRecord> listed = new java.util.ArrayList<>(byAccount.getOrDefault(accountId, List.of()));
		java.util.Collections.reverse(listed);
		List<SystemRecord> twice = new CopyOnWriteArrayList<>(listed);
		twice.addAll(listed);
		byAccount.put(accountId, twice);
	}

	/** A completed record that is not reconciled by any source (only taggable). */
	public TagTarget taggable(long accountId, String amount) {
		long id = IDS.incrementAndGet();
		TagTarget t = new TagTarget(TYPE, id, "TP" + id, "HKD", new BigDecimal(amount), true, accountId);
		targets.put(t.serial(), t);
		return t;
	}

	public long eventsFor(long recordId) {
		return events.stream().filter(e -> e.recordId() == recordId).count();
	}

	@Override
	public String recordType() {
		return TYPE;
	}

	@Override
	public Direction direction() {
		return Direction.OUT;
	}

	@Override
	public void forEachRecord(long companyAccountId, LocalDate from, LocalDate to, Consumer<SystemRecord> consumer) {
		byAccount.getOrDefault(companyAccountId, List.of()).stream().filter(r -> !r.date().isBefore(from) && !r.date().isAfter(to)).forEach(consumer);
	}

	@Override
	public Optional<TagTarget> find(String idOrSerial) {
		return Optional.ofNullable(targets.get(idOrSerial));
	}

	@EventListener
	void on(io.wbo.reconciliation.RecordsReconciled changes) {
		changes.records().stream().filter(r -> TYPE.equals(r.recordType())).forEach(events::add);
	}
}
