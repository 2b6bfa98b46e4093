package io.wbo.approval;

import java.util.Collection;
import java.util.List;
import java.util.Set;

import io.wbo.audit.FieldChange;
import org.jspecify.annotations.Nullable;

/**
 * What an owning module asks to have approved: the subject, the field-by-field change shown to the checker, and a
 * JSON payload that the owner reads back when applying the decision. The contributors are operators who did part of
 * the work being approved without opening the work order (who packed a batch, who entered its results): like the
 * maker, they may not decide it.
 */
public record WorkOrderRequest(String type, String subjectType, String subjectId, String subjectLabel,
		List<FieldChange> changes, String payload, @Nullable String remark, Set<Long> contributorIds) {

	public WorkOrderRequest {
		contributorIds = Set.copyOf(contributorIds);
	}

	public WorkOrderRequest(String type, String subjectType, String subjectId, String subjectLabel, List<FieldChange> changes,
			String payload, @Nullable String remark) {
		this(type, subjectType, subjectId, subjectLabel, changes, payload, remark, Set.of());
	}

	public WorkOrderRequest withContributors(Collection<Long> operatorIds) {
		return new WorkOrderRequest(type, subjectType, subjectId, subjectLabel, changes, payload, remark, Set.copyOf(operatorIds));
	}
}
