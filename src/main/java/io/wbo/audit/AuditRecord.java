package io.wbo.audit;

import java.util.List;

import io.wbo.common.Actor;
import org.jspecify.annotations.Nullable;

/** What happened, to which entity, by whom: the content of one audit entry before it is chained. */
public record AuditRecord(Actor actor, String action, String entityType, String entityId, List<FieldChange> changes,
		@Nullable String remark) {

	public static AuditRecord of(Actor actor, String action, String entityType, Object entityId, List<FieldChange> changes) {
		return new AuditRecord(actor, action, entityType, String.valueOf(entityId), changes, null);
	}

	public AuditRecord withRemark(@Nullable String remark) {
		return new AuditRecord(actor, action, entityType, entityId, changes, remark);
	}
}
