package io.wbo.audit.internal;

import java.time.OffsetDateTime;
import java.util.List;

import io.wbo.common.CursorPage;
import io.wbo.common.security.Permission;
import io.wbo.common.security.RequiresPermission;
import org.jspecify.annotations.Nullable;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Audit search and chain verification (審計). */
@RestController
@RequestMapping("/api/audit")
@RequiresPermission(Permission.AUDIT_VIEW)
class AuditController {

	private final AuditQueries queries;
	private final AuditVerifier verifier;

	AuditController(AuditQueries queries, AuditVerifier verifier) {
		this.queries = queries;
		this.verifier = verifier;
	}

	@GetMapping
	CursorPage<io.wbo.audit.AuditEntry> search(@RequestParam(required = false) @Nullable String entityType,
			@RequestParam(required = false) @Nullable String entityId, @RequestParam(required = false) @Nullable String actor,
			@RequestParam(required = false) @Nullable String action,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) @Nullable OffsetDateTime from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) @Nullable OffsetDateTime to,
			@RequestParam(required = false) @Nullable Integer size, @RequestParam(required = false) @Nullable String after) {
		return queries.search(new AuditQueries.Filter(entityType, entityId, actor, action, from, to), CursorPage.size(size),
				CursorPage.afterId(after));
	}

	@GetMapping("/{id}")
	io.wbo.audit.AuditEntry entry(@PathVariable long id) {
		return queries.entry(id);
	}

	@GetMapping("/actions")
	List<String> actions() {
		return queries.actions();
	}

	@GetMapping("/verify")
	AuditVerifier.ChainCheck verify() {
		return verifier.verify();
	}
}
