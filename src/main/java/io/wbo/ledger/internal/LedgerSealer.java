package io.wbo.ledger.internal;

import java.time.Duration;
import java.util.List;

import javax.sql.DataSource;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import io.wbo.audit.AuditLog;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Seals committed ledger transfers into the hash chain of seals: every second or two, one seal per pass (at most
 * {@link #MAX_PER_SEAL} transfers each) listing each transfer committed since the last seal, in id order, with its
 * content hash ({@link TransferSeal}). Posting a transfer thus never waits for a chain head, and the chain costs a read
 * and a hash per transfer instead of two hashes and two head updates inside the posting statement (a fifth of the
 * ledger's throughput before).
 *
 * <p>A seal must never skip a transfer that commits after it with a lower id. So a pass seals only up to a horizon:
 * the last id handed out, read first, once every transaction then writing to {@code ledger_transfer} has ended (an
 * insert holds the table's lock from before it takes its id until its transaction ends). Transactions that began
 * writing later can only take higher ids (the id sequence hands out one id at a time: no backend keeps ids for later,
 * V62).
 */
@Configuration
public class LedgerSealer {

	private static final Logger log = LoggerFactory.getLogger(LedgerSealer.class);
	static final int MAX_PER_SEAL = 50_000;
	/** How long a scheduled pass waits for the transactions writing transfers before leaving them to the next pass. */
	public static final Duration PASS_WAIT = Duration.ofSeconds(5);

	private final JdbcTemplate jdbc;
	private final TransactionTemplate separate;
	private final AuditLog audit;
	/** Since when (nanoTime) the passes could not seal for transactions still writing transfers; 0 while they can. */
	private final java.util.concurrent.atomic.AtomicLong heldBackSince = new java.util.concurrent.atomic.AtomicLong();

	LedgerSealer(DataSource dataSource, PlatformTransactionManager transactions, AuditLog audit) {
		this.jdbc = new JdbcTemplate(dataSource);
		this.separate = new TransactionTemplate(transactions);
		this.separate.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		this.audit = audit;
	}

	/** One recurring db-scheduler task, so one instance seals at a time (the head row's lock guards it too). */
	@Bean
	RecurringTask<Void> ledgerSealing() {
		return Tasks.recurring("ledger-sealing", FixedDelay.ofSeconds(1)).execute((instance, context) -> {
			// the audit on/off benchmark's "off": nothing is recorded, so nothing is sealed meanwhile
			if (audit.enabled()) {
				sealCommitted(PASS_WAIT);
			}
		});
	}

	/**
	 * Seals every transfer committed so far, waiting at most {@code maxWait} for the transactions now writing transfers
	 * (none sealed when they are still running then); returns how many transfers were sealed.
	 */
	public long sealCommitted(Duration maxWait) {
		Long horizon = horizon(maxWait);
		if (horizon == null) {
			return 0;
		}
		long sealed = 0;
		for (int n; (n = java.util.Objects.requireNonNull(separate.execute(status -> sealOnce(horizon)))) > 0;) {
			sealed += n;
		}
		return sealed;
	}

	/** The highest id below which every transfer is committed or rolled back for good; null if that takes too long. */
	@Nullable Long horizon(Duration maxWait) {
		long last = java.util.Objects.requireNonNull(jdbc.queryForObject(
				"SELECT CASE WHEN is_called THEN last_value ELSE 0 END FROM ledger_transfer_id_seq", Long.class));
		// the caller's own transaction too, if it wrote transfers: it has not committed them, so they must wait
		List<String> writers = jdbc.queryForList("""
				SELECT DISTINCT virtualtransaction FROM pg_locks
				WHERE locktype = 'relation' AND relation = CAST('ledger_transfer' AS regclass) AND mode = 'RowExclusiveLock'""",
				String.class);
		long deadline = System.nanoTime() + maxWait.toNanos();
		while (!writers.isEmpty()) {
			if (System.nanoTime() > deadline) {
				heldBack(writers);
				return null;
			}
			try {
				Thread.sleep(10);
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
				return null;
			}
			writers = jdbc.queryForList("""
					SELECT DISTINCT virtualtransaction FROM pg_locks
					WHERE locktype = 'relation' AND relation = CAST('ledger_transfer' AS regclass) AND virtualtransaction = ANY(?)""",
					String.class, (Object) writers.toArray(String[]::new));
		}
		heldBackSince.set(0);
		return last;
	}

	/**
	 * A long transaction (a batch) only delays sealing; one held open for minutes (a stuck session) stops it, which the
	 * operators must hear of: a warning once the passes have waited a minute, then once a minute.
	 */
	private void heldBack(List<String> writers) {
		long now = System.nanoTime();
		long since = heldBackSince.get();
		if (since == 0) {
			heldBackSince.compareAndSet(0, now);
		}
		else if (now - since > Duration.ofMinutes(1).toNanos() && heldBackSince.compareAndSet(since, now)) {
			log.warn("ledger sealing has waited over a minute for {} transaction(s) still writing transfers (pg_locks virtualtransaction {})",
					writers.size(), writers);
		}
	}

	/** The last seal: its number and hash, and the last id it covers. */
	record Head(long seq, byte @Nullable [] hash, long upToId) {

		static Head read(JdbcTemplate jdbc, boolean forUpdate) {
			return java.util.Objects.requireNonNull(jdbc.queryForObject("SELECT seq, hash, up_to_id FROM ledger_seal_head" + (forUpdate ? " FOR UPDATE" : ""),
					(rs, n) -> new Head(rs.getLong("seq"), rs.getBytes("hash"), rs.getLong("up_to_id"))));
		}
	}

	/** The seal written: how many transfers it lists, the last id it covers and its hash. */
	private record Written(int count, long upToId, byte[] hash) {
	}

	/**
	 * Appends one seal over the next transfers up to the horizon; returns how many it lists (0: nothing to seal). One
	 * statement lists, hashes and inserts: the list (40 bytes a transfer, megabytes a pass) never travels to the JVM,
	 * whose garbage collector it kept busy.
	 */
	private int sealOnce(long horizon) {
		Head head = Head.read(jdbc, true);
		if (head.upToId() >= horizon) {
			return 0;
		}
		long seq = head.seq() + 1;
		List<Written> written = jdbc.query("""
				WITH listed AS (
				  SELECT count(*) AS n, max(id) AS last_id, string_agg(int8send(id) || content_hash, CAST('' AS BYTEA) ORDER BY id) AS transfers
				  FROM (SELECT id, %s AS content_hash FROM ledger_transfer WHERE id > ? AND id <= ? ORDER BY id LIMIT ?) x
				), sealed AS (
				  SELECT n, CAST(? AS BIGINT) AS seq, CAST(? AS BIGINT) AS after_id, CASE WHEN n = ? THEN last_id ELSE ? END AS up_to_id,
				         transfers, CAST(? AS BYTEA) AS prev_hash
				  FROM listed WHERE n > 0
				)
				INSERT INTO ledger_seal (seq, after_id, up_to_id, transfers, prev_hash, hash)
				SELECT seq, after_id, up_to_id, transfers, prev_hash, %s FROM sealed
				RETURNING (SELECT n FROM sealed) AS n, up_to_id, hash""".formatted(TransferSeal.CONTENT_HASH_SQL, TransferSeal.SEAL_HASH_SQL),
				(rs, n) -> new Written(rs.getInt("n"), rs.getLong("up_to_id"), rs.getBytes("hash")),
				head.upToId(), horizon, MAX_PER_SEAL, seq, head.upToId(), MAX_PER_SEAL, horizon, head.hash());
		if (written.isEmpty()) {
			// only rolled-back ids since the last seal: the next seal's range will cover them
			return 0;
		}
		Written seal = written.get(0);
		jdbc.update("UPDATE ledger_seal_head SET seq = ?, hash = ?, up_to_id = ?", seq, seal.hash(), seal.upToId());
		return seal.count();
	}
}
