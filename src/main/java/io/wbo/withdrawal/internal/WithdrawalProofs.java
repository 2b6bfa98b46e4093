package io.wbo.withdrawal.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

import io.wbo.common.Actor;
import io.wbo.common.DomainException;
import io.wbo.common.InvalidInputException;
import io.wbo.files.FileContent;
import io.wbo.files.StoredFile;
import io.wbo.files.StoredFiles;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The proofs (憑證) of withdrawal applications: which uploads may be attached, the current list, the list an edit
 * proposes, and which files an operator may open through an application (any ever linked to it).
 */
@Component
class WithdrawalProofs {

	static final int MAX_PROOFS = 10;
	static final String FIELD = "proofIds";

	private final JdbcClient jdbc;
	private final StoredFiles files;

	WithdrawalProofs(JdbcClient jdbc, StoredFiles files) {
		this.jdbc = jdbc;
		this.files = files;
	}

	/**
	 * The uploads behind the given ids, checked for attaching to an application of this customer: a customer attaches
	 * only their own uploads, an operator those of operators or of this customer. Anything else is reported as not
	 * found, so an id reveals nothing about another customer's files.
	 */
	List<StoredFile> attachable(@Nullable List<Long> ids, long customerId, Actor actor, InvalidInputException.Collector errors) {
		if (ids == null || ids.isEmpty()) {
			return List.of();
		}
		List<Long> wanted = new ArrayList<>(new LinkedHashSet<>(ids));
		if (wanted.size() > MAX_PROOFS) {
			errors.add(FIELD, "at most " + MAX_PROOFS + " proofs per application");
			return List.of();
		}
		Map<Long, StoredFile> found = new HashMap<>();
		files.describe(wanted).forEach(f -> found.put(f.id(), f));
		List<StoredFile> ok = new ArrayList<>();
		for (int i = 0; i < wanted.size(); i++) {
			Long id = wanted.get(i);
			StoredFile f = id == null ? null : found.get(id);
			if (f == null || !mayAttach(f, customerId, actor)) {
				errors.add(FIELD + "[" + i + "]", "file " + id + " not found");
			}
			else {
				ok.add(f);
			}
		}
		return ok;
	}

	private static boolean mayAttach(StoredFile f, long customerId, Actor actor) {
		if (actor.kind() == Actor.Kind.CUSTOMER) {
			return f.uploadedBy(actor);
		}
		return f.uploaderKind() == Actor.Kind.OPERATOR || f.uploaderKind() == Actor.Kind.CUSTOMER && f.uploaderId() == customerId;
	}

	void attach(long withdrawalId, List<StoredFile> proofs) {
		insert(withdrawalId, proofs.stream().map(StoredFile::id).toList(), "CURRENT", null);
	}

	void propose(long withdrawalId, long workOrderId, List<Long> fileIds) {
		insert(withdrawalId, fileIds, "PROPOSED", workOrderId);
	}

	/** An approved edit: its list becomes the current one; the old one stays linked as REPLACED. */
	void replace(long withdrawalId, long workOrderId, List<Long> fileIds) {
		jdbc.sql("UPDATE withdrawal_proof SET state = 'REPLACED' WHERE withdrawal_id = :w AND state = 'CURRENT'")
				.param("w", withdrawalId).update();
		int promoted = jdbc.sql("UPDATE withdrawal_proof SET state = 'CURRENT' WHERE work_order_id = :wo AND state = 'PROPOSED'")
				.param("wo", workOrderId).update();
		if (promoted == 0) {
			insert(withdrawalId, fileIds, "CURRENT", workOrderId); // approved as it was opened: never stored as proposed
		}
	}

	void decline(long workOrderId) {
		jdbc.sql("UPDATE withdrawal_proof SET state = 'DECLINED' WHERE work_order_id = :wo AND state = 'PROPOSED'")
				.param("wo", workOrderId).update();
	}

	private void insert(long withdrawalId, List<Long> fileIds, String state, @Nullable Long workOrderId) {
		if (fileIds.isEmpty()) {
			return;
		}
		jdbc.sql("""
				INSERT INTO withdrawal_proof (withdrawal_id, file_id, position, state, work_order_id)
				SELECT :w, f.id, f.n - 1, :s, CAST(:wo AS bigint) FROM unnest(CAST(:files AS bigint[])) WITH ORDINALITY AS f(id, n)""")
				.param("w", withdrawalId).param("files", fileIds.toArray(Long[]::new)).param("s", state).param("wo", workOrderId).update();
	}

	List<StoredFile> current(long withdrawalId) {
		return current(List.of(withdrawalId)).getOrDefault(withdrawalId, List.of());
	}

	/** The current proofs of many applications at once (a page of the APP list). */
	Map<Long, List<StoredFile>> current(Collection<Long> withdrawalIds) {
		if (withdrawalIds.isEmpty()) {
			return Map.of();
		}
		record Link(long withdrawalId, long fileId) {
		}
		List<Link> links = jdbc.sql("""
				SELECT withdrawal_id, file_id FROM withdrawal_proof WHERE withdrawal_id = ANY(:ids) AND state = 'CURRENT'
				ORDER BY withdrawal_id, position""").param("ids", withdrawalIds.toArray(Long[]::new))
				.query((rs, n) -> new Link(rs.getLong(1), rs.getLong(2))).list();
		Map<Long, StoredFile> described = new HashMap<>();
		files.describe(links.stream().map(Link::fileId).toList()).forEach(f -> described.put(f.id(), f));
		Map<Long, List<StoredFile>> result = new HashMap<>();
		links.forEach(l -> result.computeIfAbsent(l.withdrawalId(), k -> new ArrayList<>()).add(described.get(l.fileId())));
		return result;
	}

	List<StoredFile> describe(List<Long> fileIds) {
		return files.describe(fileIds);
	}

	/** The files a pending edit proposes (the work order's diff says when it removes them all). */
	List<StoredFile> proposed(long workOrderId) {
		return files.describe(jdbc.sql("SELECT file_id FROM withdrawal_proof WHERE work_order_id = :wo AND state = 'PROPOSED' ORDER BY position")
				.param("wo", workOrderId).query(Long.class).list());
	}

	/** A file an operator opens through this application: only one that is or was linked to it. */
	FileContent content(long withdrawalId, long fileId) {
		boolean linked = jdbc.sql("SELECT EXISTS (SELECT 1 FROM withdrawal_proof WHERE withdrawal_id = :w AND file_id = :f)")
				.param("w", withdrawalId).param("f", fileId).query(Boolean.class).single();
		if (!linked) {
			throw DomainException.notFound("proof " + fileId + " of withdrawal", withdrawalId);
		}
		return files.content(fileId);
	}

	/** The proofs in a work order's diff and the audit: names with the start of their hash, which identifies them. */
	static String label(List<StoredFile> proofs) {
		return proofs.isEmpty() ? "(none)"
				: String.join(", ", proofs.stream().map(f -> f.name() + " [sha256 " + f.sha256().substring(0, 12) + "]").toList());
	}
}
