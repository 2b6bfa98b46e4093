package io.wbo.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * CPU time spent by this JVM and by the PostgreSQL server's processes (Linux /proc; the server's exited backends count
 * through the postmaster's children times), so a benchmark can say where each operation's time goes.
 */
record CpuProbe(long jvmNanos, long postgresNanos) {

	private static final long TICK_NANOS = 10_000_000L; // USER_HZ is 100 on Linux

	static CpuProbe now() {
		long jvm = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
		long ticks = 0;
		try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
			for (Path p : (Iterable<Path>) procs.filter(p -> p.getFileName().toString().chars().allMatch(Character::isDigit))::iterator) {
				ticks += postgresTicks(p.resolve("stat"));
			}
		}
		catch (IOException e) {
			return new CpuProbe(jvm, -1);
		}
		return new CpuProbe(jvm, ticks * TICK_NANOS);
	}

	/** What some work returned, how long it took, and the CPU time the JVM and PostgreSQL spent meanwhile. */
	record Spent<T>(T result, double seconds, long jvmNanos, long postgresNanos) {
	}

	static <T> Spent<T> during(java.util.concurrent.Callable<T> work) throws Exception {
		CpuProbe before = now();
		long start = System.nanoTime();
		T result = work.call();
		double seconds = (System.nanoTime() - start) / 1e9;
		CpuProbe after = now();
		return new Spent<>(result, seconds, after.jvmNanos() - before.jvmNanos(), after.postgresNanos() - before.postgresNanos());
	}

	private static long postgresTicks(Path stat) {
		try {
			String s = Files.readString(stat);
			int open = s.indexOf('('), close = s.lastIndexOf(')');
			if (open < 0 || close < 0 || !s.substring(open + 1, close).equals("postgres")) {
				return 0;
			}
			String[] f = s.substring(close + 2).split(" ");
			// after the name: state(0) ... utime(11) stime(12) cutime(13) cstime(14)
			return Long.parseLong(f[11]) + Long.parseLong(f[12]) + Long.parseLong(f[13]) + Long.parseLong(f[14]);
		}
		catch (IOException | RuntimeException e) {
			return 0; // the process ended meanwhile
		}
	}
}
