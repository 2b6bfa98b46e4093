package io.wbo.bench;

import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import io.wbo.common.Actor;
import io.wbo.common.Asset;
import io.wbo.common.Money;
import io.wbo.ledger.AccountKind;
import io.wbo.ledger.AccountRef;
import io.wbo.ledger.Ledger;
import io.wbo.testing.TestHttp;
import io.wbo.testing.WboTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Benchmarks of issue 4, printed, not asserted (run by scripts/bench-withdrawals.sh; surefire excludes bench/):
 * APP withdrawal creation vs pgbench TPC-B, batch submit and batch result update of 10,000 vs a bare UPDATE, and the
 * XLSX export of 1,000,000 records with the peak heap.
 */
@WboTest
class WithdrawalBenchmark {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Environment env;

	static void print(String line) {
		System.out.println("BENCH " + line);
	}

	long customer(String balance) {
		String no = "8" + (System.nanoTime() % 100_000_000L) + UUID.randomUUID().toString().substring(0, 4);
		long id = jdbc.sql("""
				INSERT INTO customer (customer_no, name_en, opening_status, account_no) VALUES (:no, :name, 'OPENED', :acct) RETURNING id""")
				.param("no", no).param("name", "Bench " + no).param("acct", "B" + no).query(Long.class).single();
		jdbc.sql("""
				INSERT INTO bank_card (customer_id, bank_name, bank_code, account_no, holder_name, currency, verified)
				VALUES (:c, 'HSBC Hong Kong', '004', :acct, :holder, 'HKD', true)""").param("c", id).param("acct", "004-" + no)
				.param("holder", ("Bench " + no).toUpperCase()).update();
		// the opening balance straight through the ledger: over HTTP it would be a work order for a second person
		ledger.credit(id, new Money(Asset.HKD, new BigDecimal(balance)), AccountRef.system(AccountKind.ADJUSTMENT, Asset.HKD), "BENCH-" + no,
				"Bench", no, Actor.system("bench"));
		return id;
	}

	@Autowired
	Ledger ledger;

	record BenchCustomer(long id, String customerNo, long cardId, String token) {
	}

	/**
	 * {@code n} opened customers with an HKD card each, and {@code balance} credited to each through the ledger (a real
	 * transfer each); their APP tokens from the development issuer. In bulk: the APP benchmark needs thousands.
	 */
	List<BenchCustomer> customers(int n, String balance) throws Exception {
		String prefix = "7" + (System.nanoTime() % 1_000_000L);
		List<long[]> rows = jdbc.sql("""
				WITH c AS (
				  INSERT INTO customer (customer_no, name_en, opening_status, account_no)
				  SELECT :prefix || lpad(g::text, 6, '0'), 'Bench ' || g, 'OPENED', 'B' || :prefix || lpad(g::text, 6, '0')
				  FROM generate_series(1, :n) g RETURNING id, customer_no, name_en
				), b AS (
				  INSERT INTO bank_card (customer_id, bank_name, bank_code, account_no, holder_name, currency, verified)
				  SELECT id, 'HSBC Hong Kong', '004', '004-' || customer_no, upper(name_en), 'HKD', true FROM c RETURNING id, customer_id
				)
				SELECT b.customer_id, b.id FROM b ORDER BY b.customer_id""").param("prefix", prefix).param("n", n)
				.query((rs, i) -> new long[] { rs.getLong(1), rs.getLong(2) }).list();
		// their HKD accounts made here, numbered so that an account's id is its customer's plus one offset per kind, which
		// the creation ceiling's pgbench script relies on (it cannot look ids up)
		for (String kind : List.of("AVAILABLE", "FROZEN")) {
			jdbc.sql("""
					WITH mine AS (SELECT id FROM customer WHERE customer_no LIKE :p),
					     base AS (SELECT coalesce((SELECT max(id) FROM ledger_account), 0) + 1 - (SELECT min(id) FROM mine) AS offset_)
					INSERT INTO ledger_account (id, owner_type, owner_ref, asset, kind, guarded)
					SELECT mine.id + base.offset_, 'CUSTOMER', mine.id::text, 'HKD', :kind, true FROM mine, base""")
					.param("kind", kind).param("p", prefix + "%").update();
			jdbc.sql("SELECT setval('ledger_account_id_seq', (SELECT max(id) FROM ledger_account))").query(Long.class).single();
		}
		Map<Long, String> numbers = new java.util.HashMap<>();
		jdbc.sql("SELECT id, customer_no FROM customer WHERE customer_no LIKE :p").param("p", prefix + "%")
				.query((rs, i) -> numbers.put(rs.getLong(1), rs.getString(2))).list();
		TestHttp issuer = TestHttp.anonymous(port);
		ExecutorService pool = Executors.newFixedThreadPool(4);
		try {
			List<java.util.concurrent.Future<BenchCustomer>> made = new ArrayList<>();
			for (long[] row : rows) {
				made.add(pool.submit(() -> {
					Asset hkd = Asset.of("HKD");
					ledger.credit(row[0], new Money(hkd, new java.math.BigDecimal(balance)), AccountRef.system(AccountKind.ADJUSTMENT, hkd),
							"BENCH-" + numbers.get(row[0]), "Customer", Long.toString(row[0]), Actor.system("bench"));
					TestHttp.Response token = issuer.post("/app/v1/dev/token", Map.of("customerNo", numbers.get(row[0])));
					return new BenchCustomer(row[0], numbers.get(row[0]), row[1], token.json().get("token").asText());
				}));
			}
			List<BenchCustomer> customers = new ArrayList<>();
			for (java.util.concurrent.Future<BenchCustomer> f : made) {
				customers.add(f.get());
			}
			return customers;
		}
		finally {
			pool.shutdown();
		}
	}

	String customerNo(long id) {
		return jdbc.sql("SELECT customer_no FROM customer WHERE id = :id").param("id", id).query(String.class).single();
	}

	long card(long customerId) {
		return jdbc.sql("SELECT id FROM bank_card WHERE customer_id = :id").param("id", customerId).query(Long.class).single();
	}

	@Test
	void appCreationVersusPgbench() throws Exception {
		AppTraffic app = appTraffic();
		LoadRun.Op create = (t, n) -> {
			int who = (int) (n % app.perClient());
			KeepAliveHttp.Response r = app.connections().get(t).postJson("/app/v1/withdrawals",
					Map.of("Authorization", app.tokens().get(t).get(who), "Idempotency-Key", UUID.randomUUID().toString()),
					"{\"currency\":\"HKD\",\"amount\":\"1.00\",\"bankCardId\":" + app.cards().get(t).get(who) + "}");
			if (r.status() != 201) {
				throw new IllegalStateException("creation refused: " + r);
			}
		};
		boolean statements = Boolean.getBoolean("bench.statements");
		// a creation round ends when the risk checks behind it are done, so that none of its work runs in pgbench's time
		Rounds rounds = versusPgbench(app, create, statements, this::awaitRiskChecks);
		if (statements) {
			printStatements("app-withdrawal-create", rounds.operations());
		}
		print(String.format("app-withdrawal-create clients=%d warmup=%ds rounds=%dx%ds requests=%d tps=%.1f median-round-p50=%.1fms "
				+ "worst-round-p99=%.1fms (risk checks done at most %.0f ms after a round's last creation)", app.clients(), rounds.warmup(),
				rounds.rounds(), rounds.slice(), rounds.operations(), rounds.tps(), rounds.medianP50(), rounds.worstP99(), rounds.worstCatchUpMillis()));
		print(String.format("app-withdrawal-create cpu per creation: jvm (server and the benchmark's client) %.0f us, postgresql %.0f us",
				rounds.jvmMicrosPerOperation(), rounds.postgresMicrosPerOperation()));
		print(String.format("pgbench-tpcb clients=%d tps=%.1f synchronous_commit=%s", app.clients(), rounds.pgbenchTps(),
				jdbc.sql("SHOW synchronous_commit").query(String.class).single()));
		print(String.format("app-vs-pgbench ratio=%.2f (target >= 0.30)", rounds.tps() / rounds.pgbenchTps()));
	}

	/**
	 * Not a target of its own: what the same clients, tokens and HTTP stack do with the lightest authenticated APP call
	 * (a customer's balances, one query), against pgbench the same way. How far creation could get if its own work cost
	 * nothing.
	 */
	@Test
	void appBalancesVersusPgbench() throws Exception {
		AppTraffic app = appTraffic();
		LoadRun.Op read = balancesRead(app);
		Rounds rounds = versusPgbench(app, read, false, () -> {
		});
		print(String.format("app-balances-read clients=%d rounds=%dx%ds requests=%d tps=%.1f median-round-p50=%.1fms worst-round-p99=%.1fms",
				app.clients(), rounds.rounds(), rounds.slice(), rounds.operations(), rounds.tps(), rounds.medianP50(), rounds.worstP99()));
		print(String.format("app-balances-read cpu per read: jvm (server and the benchmark's client) %.0f us, postgresql %.0f us",
				rounds.jvmMicrosPerOperation(), rounds.postgresMicrosPerOperation()));
		print(String.format("app-balances-vs-pgbench ratio=%.2f (pgbench-tpcb %.1f tps)", rounds.tps() / rounds.pgbenchTps(), rounds.pgbenchTps()));
	}

	/**
	 * Not a target of its own: how far APP creation could get on this machine. The database's side of a creation (its
	 * statements as wbo sends them) run by pgbench with no application server in the way, each round ending when wbo's
	 * risk job (polling every second) has checked the applications it made; and the lightest authenticated APP call
	 * (balances) for the least any request costs the application server; each against pgbench TPC-B in the same rounds.
	 * The CPU per creation of the server's PostgreSQL, of pgbench's own client side and of the JVM meanwhile (the risk
	 * job), plus the JVM's per call, is the least a creation can cost: the cores divided by it, the most creations a
	 * second can reach.
	 */
	@Test
	void appCreationCeiling() throws Exception {
		AppTraffic app = appTraffic();
		Creations sql = creationScript();
		int slice = Integer.getInteger("bench.seconds", 40) / 4;
		LoadRun.Op read = balancesRead(app);
		LoadRun.run(app.clients(), Integer.getInteger("bench.warmup", 60), read);
		sql.run(app.clients(), 5);
		awaitRiskChecks();
		pgbench(app.clients(), 2);
		boolean statements = Boolean.getBoolean("bench.statements");
		if (statements) {
			resetStatements();
		}
		double tpcb = 0, sqlSeconds = 0, readSeconds = 0;
		long creations = 0, sqlPostgresNanos = 0, sqlClientNanos = 0, sqlJvmNanos = 0, reads = 0, readJvmNanos = 0, maintenance = 0;
		int rounds = 4;
		for (int r = 0; r < rounds; r++) {
			tpcb += pgbench(app.clients(), slice) / rounds;
			long maintenanceBefore = maintenanceRuns();
			CpuProbe.Spent<PgBench.ScriptRun> scripted = CpuProbe.during(() -> {
				PgBench.ScriptRun run = sql.run(app.clients(), slice);
				awaitRiskChecks();
				return run;
			});
			maintenance += maintenanceRuns() - maintenanceBefore;
			creations += scripted.result().transactions();
			sqlSeconds += scripted.seconds();
			sqlClientNanos += scripted.result().clientCpuNanos();
			sqlPostgresNanos += scripted.postgresNanos();
			sqlJvmNanos += scripted.jvmNanos();
			CpuProbe.Spent<LoadRun.Result> calls = CpuProbe.during(() -> LoadRun.run(app.clients(), slice, read));
			reads += calls.result().operations();
			readSeconds += calls.result().seconds();
			readJvmNanos += calls.jvmNanos();
		}
		for (KeepAliveHttp c : app.connections()) {
			c.close();
		}
		if (statements) {
			// the balances rounds' statements are among them, divided by the same count
			printStatements("creation-ceiling", creations);
		}
		double postgres = sqlPostgresNanos / 1e3 / creations, client = sqlClientNanos / 1e3 / creations,
				riskJob = sqlJvmNanos / 1e3 / creations, call = readJvmNanos / 1e3 / reads;
		int cores = Runtime.getRuntime().availableProcessors();
		double ceiling = cores * 1e6 / (postgres + client + riskJob + call);
		print(String.format("creation-sql clients=%d tps=%.1f (pgbench, rounds ending when the risk checks are done), ratio to tpcb %.2f; "
				+ "cpu per creation: postgresql %.0f us, pgbench %.0f us, jvm meanwhile (the risk job) %.0f us; autovacuum and "
				+ "autoanalyze runs of wbo's tables finished meanwhile: %d", app.clients(), creations / sqlSeconds,
				creations / sqlSeconds / tpcb, postgres, client, riskJob, maintenance));
		print(String.format("app-balances-read tps=%.1f jvm cpu per read (server and the benchmark's client) %.0f us", reads / readSeconds, call));
		print(String.format("app-creation-ceiling %d cores / (%.0f + %.0f + %.0f + %.0f us) = %.0f creations/s, ratio to tpcb %.2f "
				+ "(target >= 0.30); pgbench-tpcb tps=%.1f", cores, postgres, client, riskJob, call, ceiling, ceiling / tpcb, tpcb));
	}

	/** How many autovacuum and autoanalyze runs of this database's tables have finished so far. */
	long maintenanceRuns() {
		return jdbc.sql("SELECT coalesce(sum(autovacuum_count + autoanalyze_count), 0) FROM pg_stat_user_tables").query(Long.class).single();
	}

	void awaitRiskChecks() throws InterruptedException {
		while (jdbc.sql("SELECT count(*) FROM withdrawal WHERE status = 'RISK_CHECKING'").query(Long.class).single() > 0) {
			Thread.sleep(5);
		}
	}

	/** The creation script ({@code bench/withdrawal-creation.pgbench}) with its customers and values. */
	record Creations(String host, int port, String database, Path script, Map<String, String> variables) {

		PgBench.ScriptRun run(int clients, int seconds) throws Exception {
			return PgBench.script(host, port, database, clients, seconds, script, variables);
		}
	}

	/**
	 * Customers of its own for the script, whose card and account ids follow from their own, and the texts a real
	 * creation stores (its response, request hash, audit changes and hashed content), taken from one made over HTTP.
	 */
	Creations creationScript() throws Exception {
		List<BenchCustomer> mine = customers(4 * Integer.getInteger("bench.customersPerClient", 5000), "100000000.00");
		long first = mine.stream().mapToLong(BenchCustomer::id).min().orElseThrow();
		Map<String, Object> offsets = jdbc.sql("""
				SELECT count(*) AS n, max(c.id) - min(c.id) + 1 AS span,
				       min(b.id - c.id) AS card_min, max(b.id - c.id) AS card_max,
				       min(av.id - c.id) AS available_min, max(av.id - c.id) AS available_max,
				       min(fr.id - c.id) AS frozen_min, max(fr.id - c.id) AS frozen_max
				FROM customer c JOIN bank_card b ON b.customer_id = c.id
				JOIN ledger_account av ON av.owner_type = 'CUSTOMER' AND av.owner_ref = c.id::text AND av.asset = 'HKD' AND av.kind = 'AVAILABLE'
				JOIN ledger_account fr ON fr.owner_type = 'CUSTOMER' AND fr.owner_ref = c.id::text AND fr.asset = 'HKD' AND fr.kind = 'FROZEN'
				WHERE c.id BETWEEN :first AND :last""").param("first", first).param("last", first + mine.size() - 1).query().singleRow();
		for (String id : List.of("card", "available", "frozen")) {
			if (!offsets.get(id + "_min").equals(offsets.get(id + "_max"))) {
				throw new IllegalStateException("the script's customers have " + id + " ids without one offset: " + offsets);
			}
		}
		if (((Number) offsets.get("n")).intValue() != mine.size() || ((Number) offsets.get("span")).intValue() != mine.size()) {
			throw new IllegalStateException("the script's customers are not numbered one after the other: " + offsets);
		}
		BenchCustomer sample = mine.get(0);
		String key = UUID.randomUUID().toString();
		TestHttp.Response made = TestHttp.anonymous(port).post("/app/v1/withdrawals",
				Map.of("currency", "HKD", "amount", "1.00", "bankCardId", sample.cardId()),
				Map.of("Authorization", "Bearer " + sample.token(), "Idempotency-Key", key));
		if (made.status() != 201) {
			throw new IllegalStateException("sample creation refused: " + made.body());
		}
		String requestHash = jdbc.sql("SELECT request_hash FROM idempotency_key WHERE customer_id = :c AND key = :k").param("c", sample.id())
				.param("k", key).query(String.class).single();
		Map<String, Object> audited = jdbc.sql("""
				SELECT changes, occurred_at FROM audit_entry WHERE action = 'WITHDRAWAL_CREATED' AND entity_id = :id""")
				.param("id", made.json().get("id").asText()).query().singleRow();
		Path script = Files.createTempFile("withdrawal-creation", ".pgbench");
		try (InputStream in = getClass().getResourceAsStream("/bench/withdrawal-creation.pgbench")) {
			Files.write(script, in.readAllBytes());
		}
		script.toFile().deleteOnExit();
		java.time.Instant at = ((java.sql.Timestamp) audited.get("occurred_at")).toInstant();
		String changes = (String) audited.get("changes");
		Map<String, String> variables = new java.util.HashMap<>();
		variables.put("first", Long.toString(first));
		variables.put("count", Integer.toString(mine.size()));
		variables.put("cardOffset", offsets.get("card_min").toString());
		variables.put("availableOffset", offsets.get("available_min").toString());
		variables.put("frozenOffset", offsets.get("frozen_min").toString());
		variables.put("body", made.body());
		variables.put("changes", changes);
		variables.put("content", io.wbo.audit.internal.AuditChain.content(at, "customer:" + sample.customerNo(), "127.0.0.1",
				"WITHDRAWAL_CREATED", "Withdrawal", made.json().get("id").asText(), changes, null));
		variables.put("hash", requestHash);
		variables.put("atMicros", Long.toString(java.time.temporal.ChronoUnit.MICROS.between(java.time.Instant.EPOCH, at)));
		variables.put("atTime", at.toString());
		String database = jdbc.sql("SELECT current_database()").query(String.class).single();
		return new Creations(PgBench.host(env), env.getProperty("wbo.embedded-postgres.actual-port", Integer.class), database, script,
				variables);
	}

	/** The lightest authenticated APP call: a customer's balances, one query. */
	static LoadRun.Op balancesRead(AppTraffic app) {
		return (t, n) -> {
			KeepAliveHttp.Response r = app.connections().get(t).get("/app/v1/balances",
					Map.of("Authorization", app.tokens().get(t).get((int) (n % app.perClient()))));
			if (r.status() != 200) {
				throw new IllegalStateException("balances refused: " + r);
			}
		};
	}

	/** The APP's side of a run: 4 clients, each on its own kept-alive connection, cycling over its own customers. */
	record AppTraffic(int clients, int perClient, List<List<String>> tokens, List<List<Long>> cards, List<KeepAliveHttp> connections) {
	}

	AppTraffic appTraffic() throws Exception {
		int clients = 4;
		// real traffic comes from many customers, each asking a few times a day: each client cycles over its own share of
		// them (20,000 in all: a customer then has a handful of applications in the risk rules' 24 hours, not hundreds)
		int perClient = Integer.getInteger("bench.customersPerClient", 5000);
		List<BenchCustomer> all = customers(clients * perClient, "100000000.00");
		List<List<String>> tokens = new ArrayList<>();
		List<List<Long>> cards = new ArrayList<>();
		for (int i = 0; i < clients; i++) {
			List<BenchCustomer> mine = all.subList(i * perClient, (i + 1) * perClient);
			tokens.add(mine.stream().map(c -> "Bearer " + c.token()).toList());
			cards.add(mine.stream().map(BenchCustomer::cardId).toList());
		}
		// one kept-alive connection per client, as an APP gateway would hold
		List<KeepAliveHttp> connections = new ArrayList<>();
		for (int i = 0; i < clients; i++) {
			connections.add(new KeepAliveHttp("localhost", port));
		}
		return new AppTraffic(clients, perClient, tokens, cards, connections);
	}

	interface AfterRound {
		void run() throws Exception;
	}

	record Rounds(int warmup, int rounds, int slice, long operations, double tps, double pgbenchTps, double medianP50, double worstP99,
			double worstCatchUpMillis, double jvmMicrosPerOperation, double postgresMicrosPerOperation) {
	}

	/**
	 * The same traffic first, unmeasured, until the JIT has compiled the request path (about a minute here: while it
	 * compiles, its threads take up to a core of this two-core machine); then the APP's traffic and pgbench take turns in
	 * rounds (which goes first alternates), so that the machine's other load and the writes each leaves behind touch both
	 * alike. A round of the APP's traffic ends when {@code afterRound} returns.
	 */
	Rounds versusPgbench(AppTraffic app, LoadRun.Op op, boolean statements, AfterRound afterRound) throws Exception {
		int clients = app.clients();
		int seconds = Integer.getInteger("bench.seconds", 40);
		int warmup = Integer.getInteger("bench.warmup", 60);
		LoadRun.run(clients, warmup, op);
		if (statements) {
			resetStatements();
		}
		pgbench(clients, 2); // fills pgbench's tables once, outside the rounds
		int rounds = 4;
		int slice = Math.max(3, seconds / rounds);
		long operations = 0;
		double appSeconds = 0;
		double pgbenchTps = 0;
		double worstP99 = 0;
		double worstCatchUp = 0;
		List<Double> p50s = new ArrayList<>();
		long jvmNanos = 0;
		long postgresNanos = 0;
		for (int r = 0; r < rounds; r++) {
			for (int turn = 0; turn < 2; turn++) {
				if ((r + turn) % 2 == 1) {
					pgbenchTps += pgbench(clients, slice) / rounds;
					continue;
				}
				CpuProbe.Spent<LoadRun.Result> spent = CpuProbe.during(() -> {
					LoadRun.Result round = LoadRun.run(clients, slice, op);
					afterRound.run();
					return round;
				});
				LoadRun.Result round = spent.result();
				operations += round.operations();
				appSeconds += spent.seconds();
				worstP99 = Math.max(worstP99, round.p99Millis());
				worstCatchUp = Math.max(worstCatchUp, (spent.seconds() - round.seconds()) * 1e3);
				p50s.add(round.p50Millis());
				jvmNanos += spent.jvmNanos();
				postgresNanos += spent.postgresNanos();
			}
		}
		for (KeepAliveHttp c : app.connections()) {
			c.close();
		}
		java.util.Collections.sort(p50s);
		return new Rounds(warmup, rounds, slice, operations, operations / appSeconds, pgbenchTps, p50s.get(p50s.size() / 2), worstP99, worstCatchUp,
				jvmNanos / 1e3 / operations, postgresNanos / 1e3 / operations);
	}

	void resetStatements() {
		jdbc.sql("CREATE EXTENSION IF NOT EXISTS pg_stat_statements").update();
		jdbc.sql("SELECT pg_stat_statements_reset()").query(Object.class).list();
	}

	/**
	 * Where the database's time went, statement by statement, per creation (BENCH_STATEMENTS=1 loads
	 * pg_stat_statements into the embedded server): executor time, buffers touched and WAL written.
	 */
	void printStatements(String label, long creations) {
		jdbc.sql("""
				SELECT calls, total_exec_time, shared_blks_hit + shared_blks_read, wal_bytes,
				       left(regexp_replace(query, '\\s+', ' ', 'g'), 100)
				FROM pg_stat_statements WHERE calls > 0 AND dbid = (SELECT oid FROM pg_database WHERE datname = current_database())
				ORDER BY total_exec_time DESC LIMIT 15""").query((rs, n) -> {
			print(String.format("%s statement: %5.0f us per creation, %5.1f buffers, %5.0f bytes of WAL (%d calls) %s", label,
					rs.getDouble(2) * 1000 / creations, rs.getDouble(3) / creations, rs.getDouble(4) / creations, rs.getLong(1),
					rs.getString(5)));
			return null;
		}).list();
	}

	double pgbench(int clients, int seconds) throws Exception {
		return PgBench.tpcb(jdbc, PgBench.host(env), env.getProperty("wbo.embedded-postgres.actual-port", Integer.class), clients, seconds, 4);
	}

	/** Inserts {@code n} applications of one customer directly in {@code status}. */
	List<Long> applications(long customerId, int n, String status) {
		return jdbc.sql("""
				INSERT INTO withdrawal (serial, customer_id, customer_no, customer_name, currency, amount, fee, bank_card_id, card_bank_name,
				                        card_bank_code, card_account_no, card_holder_name, source, status, created_by, risk_result)
				SELECT 'W' || to_char(now(), 'YYYYMMDD') || '-' || lpad(nextval('withdrawal_serial_seq')::text, 6, '0'),
				       :c, 'B', 'Bench', 'HKD', 10 + (g % 1000), 1, 1, 'HSBC Hong Kong', '004', '004-' || g, 'BENCH', 'MANUAL', :status,
				       'bench', 'PASSED'
				FROM generate_series(1, :n) g RETURNING id""").param("c", customerId).param("n", n).param("status", status)
				.query(Long.class).list();
	}

	@Test
	void batchSubmitAndBatchResultsOfTenThousand() {
		int n = 10_000;
		long c = customer("1.00");
		TestHttp maker = TestHttp.operator(port, "maker");
		TestHttp checker = TestHttp.operator(port, "checker");
		TestHttp approver = TestHttp.operator(port, "approver");
		long account = jdbc.sql("SELECT id FROM company_account WHERE account_no = '004-500-888001-838'").query(Long.class).single();
		for (int round = 0; round < Integer.getInteger("bench.rounds", 3); round++) {
			List<Long> ids = applications(c, n, "RISK_PASSED");
			jdbc.sql("ANALYZE withdrawal").update();

			long t0 = System.nanoTime();
			int updated = jdbc.sql("UPDATE withdrawal SET updated_at = now() WHERE id = ANY(CAST(:ids AS bigint[]))")
					.param("ids", ids.toArray(Long[]::new)).update();
			double bare = (System.nanoTime() - t0) / 1e6;

			long t1 = System.nanoTime();
			TestHttp.Response submit = maker.post("/api/withdrawals/submit", Map.of("ids", ids));
			double submitMs = (System.nanoTime() - t1) / 1e6;
			long ok = count(submit.json(), true);

			TestHttp.Response batch = checker.post("/api/payout-batches", Map.of("ids", ids, "payingAccountId", account, "channel", "CHATS"));
			long batchId = batch.json().get("batch").get("id").asLong();
			long wo = checker.post("/api/payout-batches/" + batchId + "/submit", Map.of()).json().get("workOrder").get("id").asLong();
			approver.post("/api/work-orders/" + wo + "/approve", Map.of("comment", "bench"));
			List<Map<String, Object>> items = new ArrayList<>();
			for (int i = 0; i < ids.size(); i++) {
				items.add(i % 50 == 0 ? Map.of("withdrawalId", ids.get(i), "result", "FAILED", "reason", "bench failure")
						: Map.of("withdrawalId", ids.get(i), "result", "SUCCESS", "bankReference", "REF" + i));
			}
			long t2 = System.nanoTime();
			TestHttp.Response results = checker.post("/api/payout-batches/" + batchId + "/results", Map.of("items", items));
			double resultsMs = (System.nanoTime() - t2) / 1e6;
			long resultsOk = count(results.json(), true);
			print(String.format("round=%d bare-update rows=%d %.0fms | batch-submit ok=%d %.0fms (%.1fx bare) | batch-results ok=%d %.0fms (%.1fx bare) status=%s",
					round, updated, bare, ok, submitMs, submitMs / bare, resultsOk, resultsMs, resultsMs / bare,
					results.json().path("batchStatus").asText()));
		}
		TestHttp admin = TestHttp.operator(port, "admin");
		print("audit-verify " + admin.get("/api/audit/verify").body());
	}

	static long count(JsonNode response, boolean ok) {
		long n = 0;
		for (JsonNode r : response.get("results")) {
			if (r.get("ok").asBoolean() == ok) {
				n++;
			}
		}
		return n;
	}

	@Test
	void exportOfAMillionRecordsToXlsx() throws Exception {
		int n = Integer.getInteger("bench.exportRows", 1_000_000);
		long c = customer("1.00");
		long t0 = System.nanoTime();
		for (int done = 0; done < n; done += 100_000) {
			jdbc.sql("""
					INSERT INTO withdrawal (serial, customer_id, customer_no, customer_name, currency, amount, fee, bank_card_id,
					                        card_bank_name, card_bank_code, card_account_no, card_holder_name, source, status, created_by,
					                        channel, bank_reference, remark, completed_at)
					SELECT 'X' || lpad(nextval('withdrawal_serial_seq')::text, 9, '0'), :c, 'EXPORT', '匯出測試客戶 Export Customer', 'HKD',
					       10 + (g % 100000) / 100.0, 1, 1, 'HSBC Hong Kong', '004', '004-123-' || g, 'EXPORT CUSTOMER', 'APP', 'COMPLETED',
					       'bench', 'FPS', 'FPS' || g, 'bench export row ' || g, now()
					FROM generate_series(1, :n) g""").param("c", c).param("n", Math.min(100_000, n - done)).update();
		}
		print(String.format("export-seed rows=%d %.1fs", n, (System.nanoTime() - t0) / 1e9));
		System.gc();
		List<MemoryPoolMXBean> heap = ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP).toList();
		heap.forEach(MemoryPoolMXBean::resetPeakUsage);
		long maxHeap = Runtime.getRuntime().maxMemory();

		CookieManager cookies = new CookieManager();
		HttpClient client = HttpClient.newBuilder().cookieHandler(cookies).build();
		client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/auth/me")).build(), HttpResponse.BodyHandlers.discarding());
		client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/auth/login")).header("Content-Type", "application/json")
				.header("X-XSRF-TOKEN", xsrf(cookies))
				.POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"auditor\",\"password\":\"" + TestHttp.PASSWORD + "\"}")).build(),
				HttpResponse.BodyHandlers.discarding());
		for (String format : List.of("xlsx", "csv")) {
			long t1 = System.nanoTime();
			HttpResponse<InputStream> r = client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
					+ "/api/withdrawals/export?format=" + format + "&customer=EXPORT")).build(), HttpResponse.BodyHandlers.ofInputStream());
			Path file = Files.createTempFile("bench-export", "." + format);
			long bytes;
			try (InputStream in = r.body()) {
				bytes = Files.copy(in, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
			}
			double seconds = (System.nanoTime() - t1) / 1e9;
			long peak = heap.stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum();
			print(String.format("export format=%s status=%d rows=%d bytes=%d time=%.1fs peak-heap=%dMB (max heap %dMB)", format, r.statusCode(), n,
					bytes, seconds, peak / (1 << 20), maxHeap / (1 << 20)));
			Files.deleteIfExists(file);
		}
	}

	static String xsrf(CookieManager cookies) {
		return cookies.getCookieStore().getCookies().stream().filter(k -> k.getName().equals("XSRF-TOKEN")).findFirst()
				.map(HttpCookie::getValue).orElse("");
	}
}
