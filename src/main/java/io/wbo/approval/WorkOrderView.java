package io.wbo.approval;

import java.time.Instant;
import java.util.List;

import io.wbo.audit.FieldChange;
import io.wbo.common.web.SaidMessage;
import org.jspecify.annotations.Nullable;

/** A work order as lists and owning modules see it; a remark the system wrote is said in the reader's language. */
public record WorkOrderView(long id, String type, String subjectType, String subjectId, String subjectLabel,
		WorkOrderStatus status, long makerId, String maker, List<String> levels, int currentLevel, List<FieldChange> changes,
		@SaidMessage @Nullable String remark, Instant createdAt, @Nullable Instant decidedAt) {
}
