package io.wbo.audit;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

/** A stored audit entry with its place in the hash chain. */
public record AuditEntry(long id, Instant at, String actorKind, long actorId, String actor, String ip, String action,
		String entityType, String entityId, List<FieldChange> changes, @Nullable String remark, int chain, long seq, String hash) {
}
