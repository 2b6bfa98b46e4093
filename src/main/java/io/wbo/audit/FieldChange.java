package io.wbo.audit;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** One changed field of an audited entity: its value before and after, as text (null when absent). */
public record FieldChange(String field, String before, String after) {

	public static FieldChange set(String field, Object after) {
		return new FieldChange(field, null, after == null ? null : after.toString());
	}

	public static FieldChange of(String field, Object before, Object after) {
		return new FieldChange(field, before == null ? null : before.toString(), after == null ? null : after.toString());
	}

	/** Builds a change list, skipping fields whose value did not change. */
	public static final class Diff {
		private final List<FieldChange> changes = new ArrayList<>();

		public Diff field(String field, Object before, Object after) {
			if (!Objects.equals(before == null ? null : before.toString(), after == null ? null : after.toString())) {
				changes.add(of(field, before, after));
			}
			return this;
		}

		public List<FieldChange> changes() {
			return List.copyOf(changes);
		}

		public boolean isEmpty() {
			return changes.isEmpty();
		}
	}
}
