package io.wbo.withdrawal.internal;

import java.util.ArrayList;
import java.util.List;

import io.wbo.common.web.SaidMessage;
import org.jspecify.annotations.Nullable;

/** Per-id outcomes of a batch action ({@code {results: [{id, ok, error?}]}}): one bad id never hides the others. */
record Outcomes(List<Outcome> results) {

	record Outcome(long id, boolean ok, @SaidMessage @Nullable String error) {
	}

	static final class Builder {
		private final List<Outcome> results = new ArrayList<>();

		Builder ok(long id) {
			results.add(new Outcome(id, true, null));
			return this;
		}

		Builder error(long id, String error) {
			results.add(new Outcome(id, false, error));
			return this;
		}

		Outcomes build() {
			return new Outcomes(List.copyOf(results));
		}
	}
}
