package io.wbo.common;

/**
 * Elapsed time per phase of a long set-based job (an import, a reconciliation run), for its log line, so a slow run
 * says where the time went.
 */
public final class PhaseTimes {

	private final StringBuilder text = new StringBuilder();
	private long last = System.nanoTime();

	public void done(String phase) {
		long now = System.nanoTime();
		text.append(text.isEmpty() ? "" : ", ").append(phase).append(' ').append((now - last) / 1_000_000).append(" ms");
		last = now;
	}

	@Override
	public String toString() {
		return text.toString();
	}
}
