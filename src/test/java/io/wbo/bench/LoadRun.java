package io.wbo.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/** Runs an operation from N threads for a fixed time and reports throughput and latency percentiles. */
final class LoadRun {

	interface Op {
		void run(int thread, long n) throws Exception;
	}

	record Result(long operations, double seconds, double perSecond, double p50Millis, double p99Millis) {
		@Override
		public String toString() {
			return String.format("%,.0f/s (%,d in %.1f s), p50 %.2f ms, p99 %.2f ms", perSecond, operations, seconds, p50Millis, p99Millis);
		}
	}

	static Result run(int threads, int seconds, Op op) throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(threads);
		long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
		long start = System.nanoTime();
		List<Future<long[]>> futures = new ArrayList<>();
		for (int t = 0; t < threads; t++) {
			int thread = t;
			futures.add(pool.submit(() -> {
				long[] latencies = new long[1 << 20];
				int count = 0;
				long n = 0;
				while (System.nanoTime() < end) {
					long t0 = System.nanoTime();
					try {
						op.run(thread, n++);
					}
					catch (RuntimeException e) {
						if (e.getClass().getSimpleName().equals("StopSignal")) {
							break;
						}
						throw e;
					}
					if (count < latencies.length) {
						latencies[count++] = System.nanoTime() - t0;
					}
				}
				return Arrays.copyOf(latencies, count);
			}));
		}
		List<long[]> all = new ArrayList<>();
		for (Future<long[]> f : futures) {
			all.add(f.get());
		}
		double elapsed = (System.nanoTime() - start) / 1e9;
		pool.shutdown();
		long[] merged = all.stream().flatMapToLong(Arrays::stream).sorted().toArray();
		if (merged.length == 0) {
			return new Result(0, elapsed, 0, 0, 0);
		}
		return new Result(merged.length, elapsed, merged.length / elapsed, merged[merged.length / 2] / 1e6,
				merged[(int) (merged.length * 0.99)] / 1e6);
	}
}
