package io.wbo.bench;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.jdbc.core.simple.JdbcClient;

/** Runs PostgreSQL's own pgbench (TPC-B) against the same server, as the yardstick the benchmarks are compared to. */
final class PgBench {

	private PgBench() {
	}

	private static final java.util.Set<Integer> initialised = java.util.concurrent.ConcurrentHashMap.newKeySet();

	/**
	 * TPC-B transactions per second; the pgbench database is created and filled on the first call. {@code host}: where
	 * the server listens, reached the way wbo reaches it ({@link #host}).
	 */
	static double tpcb(JdbcClient jdbc, String host, int port, int clients, int seconds, int scale) throws Exception {
		if (initialised.add(port)) {
			if (!jdbc.sql("SELECT EXISTS (SELECT 1 FROM pg_database WHERE datname = 'pgbench')").query(Boolean.class).single()) {
				jdbc.sql("CREATE DATABASE pgbench").update();
			}
			run(List.of("pgbench", "-q", "-i", "-s", Integer.toString(scale), "-h", host, "-p", Integer.toString(port), "-U",
					"postgres", "pgbench"));
		}
		String out = run(List.of("pgbench", "-c", Integer.toString(clients), "-j", Integer.toString(Math.min(clients, 2)), "-T",
				Integer.toString(seconds), "-h", host, "-p", Integer.toString(port), "-U", "postgres", "pgbench"));
		return tps(out);
	}

	/** A run of a script: the transactions pgbench completed, and the CPU time pgbench itself used. */
	record ScriptRun(long transactions, long clientCpuNanos) {
	}

	/**
	 * Runs a script of our own ({@code -M prepared}: parsed once per connection, as the JDBC driver's server-side
	 * statements are) against {@code database}; {@code variables} are its {@code -D} values. pgbench runs under a shell
	 * whose {@code times} then gives pgbench's own CPU time.
	 */
	static ScriptRun script(String host, int port, String database, int clients, int seconds, java.nio.file.Path script,
			java.util.Map<String, String> variables) throws Exception {
		List<String> command = new ArrayList<>(List.of("bash", "-c", "pgbench \"$@\" && times", "pgbench", "-n", "-M", "prepared", "-c",
				Integer.toString(clients), "-j", Integer.toString(Math.min(clients, 2)), "-T", Integer.toString(seconds), "-h", host, "-p",
				Integer.toString(port), "-U", "postgres", "-f", script.toString()));
		variables.forEach((name, value) -> command.addAll(List.of("-D", name + "=" + value)));
		command.add(database);
		String out = run(command);
		Matcher done = Pattern.compile("number of transactions actually processed: ([0-9]+)").matcher(out);
		// the last line of times: the children's user and system time, e.g. "0m1.234s 0m0.567s"
		Matcher cpu = Pattern.compile("([0-9]+)m([0-9.]+)s ([0-9]+)m([0-9.]+)s\\s*$").matcher(out);
		if (!done.find() || !cpu.find()) {
			throw new IllegalStateException("pgbench printed no count or times:\n" + out);
		}
		double cpuSeconds = Long.parseLong(cpu.group(1)) * 60 + Double.parseDouble(cpu.group(2)) + Long.parseLong(cpu.group(3)) * 60
				+ Double.parseDouble(cpu.group(4));
		return new ScriptRun(Long.parseLong(done.group(1)), (long) (cpuSeconds * 1e9));
	}

	private static double tps(String out) {
		Matcher m = Pattern.compile("tps = ([0-9.]+) \\(without initial connection time\\)").matcher(out);
		if (!m.find()) {
			throw new IllegalStateException("pgbench printed no tps:\n" + out);
		}
		return Double.parseDouble(m.group(1));
	}

	/** The embedded server's socket directory when wbo talks to it through its Unix-domain socket (pgbench too, then). */
	static String host(org.springframework.core.env.Environment env) {
		return env.getProperty("wbo.embedded-postgres.socket-dir", "localhost");
	}

	private static String run(List<String> command) throws Exception {
		ProcessBuilder pb = new ProcessBuilder(new ArrayList<>(command)).redirectErrorStream(true);
		pb.environment().put("PGPASSWORD", "postgres");
		Process p = pb.start();
		StringBuilder out = new StringBuilder();
		try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
			r.lines().forEach(l -> out.append(l).append('\n'));
		}
		if (p.waitFor() != 0) {
			throw new IllegalStateException(String.join(" ", command) + " failed:\n" + out);
		}
		return out.toString();
	}
}
