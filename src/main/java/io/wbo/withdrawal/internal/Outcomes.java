package io.wbo.withdrawal.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

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

		/**
		 * The outcomes in the order the ids were sent, whatever order they were found in (refusals of bad input come
		 * first): a client reads outcome i as item i's. An id not sent (none, as a rule) goes last.
		 */
		Outcomes buildInOrderOf(List<Long> sent) {
			Map<Long, Integer> position = new HashMap<>();
			for (int i = 0; i < sent.size(); i++) {
				position.putIfAbsent(sent.get(i), i);
			}
			return new Outcomes(results.stream().sorted(Comparator.comparingInt(o -> position.getOrDefault(o.id(), sent.size()))).toList());
		}
	}
}
