package io.wbo.approval;

import java.util.List;

import io.wbo.audit.FieldChange;
import org.jspecify.annotations.Nullable;

/**
 * What an owning module asks to have approved: the subject, the field-by-field change shown to the checker, and a
 * JSON payload that the owner reads back when applying the decision.
 */
public record WorkOrderRequest(String type, String subjectType, String subjectId, String subjectLabel,
		List<FieldChange> changes, String payload, @Nullable String remark) {
}
