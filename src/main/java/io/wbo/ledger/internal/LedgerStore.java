package io.wbo.ledger.internal;

import java.math.BigDecimal;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.wbo.common.Actor;
import io.wbo.common.Asset;
import io.wbo.common.CursorPage;
import io.wbo.common.Money;
import io.wbo.ledger.AccountRef;
import io.wbo.ledger.Balance;
import io.wbo.ledger.BooksReport;
import io.wbo.ledger.Transfer;
import io.wbo.ledger.TransferView;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/** SQL of the ledger. A transfer is one statement: lock both accounts in id order, insert, post both sides. */
@Component
public class LedgerStore {

	static final int SLOTS = 16;

	private final JdbcClient jdbc;
	private final javax.sql.DataSource dataSource;
	private final TransactionTemplate separate;
	private final Map<AccountRef, Long> accountIds = new ConcurrentHashMap<>();

	LedgerStore(JdbcClient jdbc, javax.sql.DataSource dataSource, PlatformTransactionManager transactions) {
		this.jdbc = jdbc;
		this.dataSource = dataSource;
		this.separate = new TransactionTemplate(transactions);
		this.separate.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
	}

	/** The record of a transfer as stored; {@code replayed} when the key already existed. */
	public record StoredTransfer(long id, boolean replayed, String kind, String asset, BigDecimal amount, long debitId,
			long creditId) {

		public boolean sameContent(Transfer t, long debit, long credit) {
			return kind.equals(t.kind().name()) && asset.equals(t.amount().asset().code())
					&& amount.compareTo(t.amount().amount()) == 0 && debitId == debit && creditId == credit;
		}
	}

	/**
	 * The account's id, creating it on first use in its own committed transaction, so that a cached id never points
	 * at a row rolled back with the caller.
	 */
	public long accountId(AccountRef ref) {
		Long cached = accountIds.get(ref);
		if (cached != null) {
			return cached;
		}
		Long id = separate.execute(status -> {
			jdbc.sql("""
					INSERT INTO ledger_account (owner_type, owner_ref, asset, kind, guarded)
					VALUES (:ownerType, :ownerRef, :asset, :kind, :guarded) ON CONFLICT DO NOTHING""")
					.param("ownerType", ref.ownerType()).param("ownerRef", ref.ownerRef()).param("asset", ref.asset().code())
					.param("kind", ref.kind().name()).param("guarded", ref.kind().guarded()).update();
			long created = jdbc.sql("SELECT id FROM ledger_account WHERE owner_type = :ownerType AND owner_ref = :ownerRef AND asset = :asset AND kind = :kind")
					.param("ownerType", ref.ownerType()).param("ownerRef", ref.ownerRef()).param("asset", ref.asset().code())
					.param("kind", ref.kind().name()).query(Long.class).single();
			if (!ref.kind().guarded()) {
				jdbc.sql("INSERT INTO ledger_account_slot (account_id, slot) SELECT :id, s FROM generate_series(0, :last) s ON CONFLICT DO NOTHING")
						.param("id", created).param("last", SLOTS - 1).update();
			}
			return created;
		});
		accountIds.put(ref, id);
		return id;
	}

	/**
	 * Posts a transfer in one statement; audited, the transfer is also its own audit record: who, from where and when
	 * ({@link LedgerSealer} seals it into the hash chain once committed). Returns the stored transfer, the first one when
	 * the key was already used.
	 */
	public StoredTransfer post(Transfer t, long debitId, long creditId, Actor actor, boolean audited) {
		boolean debitGuarded = t.debit().kind().guarded();
		boolean creditGuarded = t.credit().kind().guarded();
		Map<String, Object> params = new java.util.HashMap<>(24);
		params.put("debitSlot", java.util.concurrent.ThreadLocalRandom.current().nextInt(SLOTS));
		params.put("creditSlot", java.util.concurrent.ThreadLocalRandom.current().nextInt(SLOTS));
		params.put("key", t.key());
		params.put("kind", t.kind().name());
		params.put("asset", t.amount().asset().code());
		params.put("amount", t.amount().amount());
		params.put("debit", debitId);
		params.put("credit", creditId);
		params.put("refType", t.referenceType());
		params.put("refId", t.referenceId());
		if (audited) {
			params.put("atMicros", ChronoUnit.MICROS.between(Instant.EPOCH, Instant.now()));
			params.put("actor", actor.label());
			params.put("ip", actor.ip());
		}
		StoredTransfer posted = PostStatement.of(debitGuarded, creditGuarded, audited).execute(dataSource, params,
				rs -> rs.getObject("transfer_id") == null ? null
						: postedTransfer(t, rs.getLong("transfer_id"), rs.getInt("debited"), rs.getInt("credited"), debitId, creditId));
		if (posted != null) {
			return posted;
		}
		return jdbc.sql("SELECT id, kind, asset, amount, debit_account_id, credit_account_id FROM ledger_transfer WHERE transfer_key = :key")
				.param("key", t.key())
				.query((rs, n) -> new StoredTransfer(rs.getLong("id"), true, rs.getString("kind"), rs.getString("asset"),
						rs.getBigDecimal("amount"), rs.getLong("debit_account_id"), rs.getLong("credit_account_id")))
				.single();
	}

	private static StoredTransfer postedTransfer(Transfer t, long id, int debited, int credited, long debitId, long creditId) {
		if (debited != 1 || credited != 1) {
			throw new IllegalStateException("transfer " + t.key() + " did not post both sides");
		}
		return new StoredTransfer(id, false, t.kind().name(), t.amount().asset().code(), t.amount().amount(), debitId, creditId);
	}

	/**
	 * A customer's transfers, in one asset or all, newest first, keyset-paginated by id: the newest of the debit side
	 * and of the credit side, each read backwards along its (account, id) index, merged.
	 */
	public CursorPage<TransferView> transfersOf(long customerId, @Nullable Asset asset, int size, @Nullable Long before) {
		List<TransferView> rows = jdbc.sql("""
				WITH mine AS (
				  SELECT ARRAY(SELECT id FROM ledger_account WHERE owner_type = 'CUSTOMER' AND owner_ref = :owner
				                 AND (CAST(:asset AS TEXT) IS NULL OR asset = :asset)) AS ids
				)
				SELECT t.id, t.transfer_key, t.kind, t.asset, t.amount, t.reference_type, t.reference_id,
				       coalesce(t.occurred_at, t.created_at) AS at, t.actor, t.ip, d.owner_type AS d_type, d.owner_ref AS d_ref,
				       d.kind AS d_kind, c.owner_type AS c_type, c.owner_ref AS c_ref, c.kind AS c_kind
				FROM ((SELECT id FROM ledger_transfer WHERE debit_account_id = ANY(CAST((SELECT ids FROM mine) AS BIGINT[])) AND id < :before
				       ORDER BY id DESC LIMIT :limit)
				      UNION
				      (SELECT id FROM ledger_transfer WHERE credit_account_id = ANY(CAST((SELECT ids FROM mine) AS BIGINT[])) AND id < :before
				       ORDER BY id DESC LIMIT :limit)) x
				JOIN ledger_transfer t ON t.id = x.id
				JOIN ledger_account d ON d.id = t.debit_account_id
				JOIN ledger_account c ON c.id = t.credit_account_id
				ORDER BY t.id DESC LIMIT :limit""")
				.param("owner", Long.toString(customerId)).param("asset", asset == null ? null : asset.code())
				.param("before", before == null ? Long.MAX_VALUE : before).param("limit", size + 1)
				.query((rs, n) -> {
					Asset moved = Asset.of(rs.getString("asset"));
					return new TransferView(rs.getLong("id"), rs.getString("transfer_key"), rs.getString("kind"), moved.code(),
							money(moved, rs.getBigDecimal("amount")).amount().toPlainString(),
							new TransferView.Account(rs.getString("d_type"), rs.getString("d_ref"), rs.getString("d_kind")),
							new TransferView.Account(rs.getString("c_type"), rs.getString("c_ref"), rs.getString("c_kind")),
							rs.getString("reference_type"), rs.getString("reference_id"), rs.getTimestamp("at").toInstant(), rs.getString("actor"),
							rs.getString("ip"));
				}).list();
		return CursorPage.of(new ArrayList<>(rows), size, v -> Long.toString(v.id()));
	}

	public boolean isBalanceCheck(DataIntegrityViolationException e) {
		Throwable cause = e.getMostSpecificCause();
		return cause instanceof SQLException sql && "23514".equals(sql.getSQLState());
	}

	/** Reads a balance on another connection: the caller's transaction is already aborted by the failed statement. */
	public Money balanceOutsideTransaction(long accountId, Asset asset) {
		BigDecimal value = separate.execute(status -> jdbc.sql("SELECT credits_posted - debits_posted FROM ledger_account_totals WHERE id = :id")
				.param("id", accountId).query(BigDecimal.class).single());
		return money(asset, value);
	}

	public List<Balance> balances(long customerId) {
		return balances(List.of(customerId)).getOrDefault(customerId, List.of());
	}

	/** The balances of many customers in one query, by customer id, each customer's assets in code order. */
	public Map<Long, List<Balance>> balances(java.util.Collection<Long> customerIds) {
		Map<Long, Map<String, BigDecimal[]>> byCustomer = new java.util.HashMap<>();
		jdbc.sql("""
				SELECT owner_ref, asset, kind, credits_posted - debits_posted AS balance FROM ledger_account
				WHERE owner_type = 'CUSTOMER' AND owner_ref = ANY(:owners) ORDER BY owner_ref, asset""")
				.param("owners", customerIds.stream().map(String::valueOf).toArray(String[]::new))
				.query(rs -> {
					BigDecimal[] pair = byCustomer.computeIfAbsent(Long.parseLong(rs.getString("owner_ref")), c -> new LinkedHashMap<>())
							.computeIfAbsent(rs.getString("asset"), a -> new BigDecimal[] { BigDecimal.ZERO, BigDecimal.ZERO });
					pair["AVAILABLE".equals(rs.getString("kind")) ? 0 : 1] = rs.getBigDecimal("balance");
				});
		Map<Long, List<Balance>> result = new java.util.HashMap<>();
		byCustomer.forEach((customer, assets) -> {
			List<Balance> balances = new ArrayList<>();
			assets.forEach((code, pair) -> {
				Asset asset = Asset.of(code);
				balances.add(new Balance(code, money(asset, pair[0]), money(asset, pair[1])));
			});
			result.put(customer, balances);
		});
		return result;
	}

	private static Money money(Asset asset, BigDecimal value) {
		return new Money(asset, value.setScale(asset.scale(), java.math.RoundingMode.UNNECESSARY));
	}

	public BooksReport checkBooks() {
		List<BooksReport.AccountProblem> problems = new ArrayList<>(jdbc.sql("""
				WITH sums AS (
				  SELECT account_id, sum(dr) AS dr, sum(cr) AS cr FROM (
				    SELECT debit_account_id AS account_id, amount AS dr, 0 AS cr FROM ledger_transfer
				    UNION ALL
				    SELECT credit_account_id, 0, amount FROM ledger_transfer) x
				  GROUP BY account_id)
				, posted AS (SELECT * FROM ledger_account_totals)
				SELECT a.id, a.owner_type || ':' || a.owner_ref || ':' || a.asset || ':' || a.kind AS account,
				       a.debits_posted, a.credits_posted, coalesce(s.dr, 0) AS dr, coalesce(s.cr, 0) AS cr, a.guarded
				FROM posted a LEFT JOIN sums s ON s.account_id = a.id
				WHERE a.debits_posted <> coalesce(s.dr, 0) OR a.credits_posted <> coalesce(s.cr, 0)
				   OR (a.guarded AND a.credits_posted < a.debits_posted)
				ORDER BY a.id""")
				.query((rs, n) -> new BooksReport.AccountProblem(rs.getLong("id"), rs.getString("account"),
						"stored debits " + rs.getBigDecimal("debits_posted").toPlainString() + " / credits "
								+ rs.getBigDecimal("credits_posted").toPlainString() + ", transfers say debits "
								+ rs.getBigDecimal("dr").toPlainString() + " / credits " + rs.getBigDecimal("cr").toPlainString()))
				.list());
		List<BooksReport.AssetTotals> assets = jdbc.sql("""
				SELECT asset, sum(debits_posted) AS debits, sum(credits_posted) AS credits
				FROM ledger_account_totals GROUP BY asset ORDER BY asset""")
				.query((rs, n) -> new BooksReport.AssetTotals(rs.getString("asset"),
						rs.getBigDecimal("debits").stripTrailingZeros().toPlainString(),
						rs.getBigDecimal("credits").stripTrailingZeros().toPlainString(),
						rs.getBigDecimal("debits").compareTo(rs.getBigDecimal("credits")) == 0))
				.list();
		long accounts = jdbc.sql("SELECT count(*) FROM ledger_account").query(Long.class).single();
		long transfers = jdbc.sql("SELECT count(*) FROM ledger_transfer").query(Long.class).single();
		boolean ok = problems.isEmpty() && assets.stream().allMatch(BooksReport.AssetTotals::balanced);
		return new BooksReport(ok, accounts, transfers, assets, problems);
	}
}
