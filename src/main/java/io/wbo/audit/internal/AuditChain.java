package io.wbo.audit.internal;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

import io.wbo.common.Hashing;

/**
 * The hash chain's rules in one place. An entry's hash is SHA-256 of
 * {@code prevHash|seq|content}, where content joins the entry's columns; the database computes it on insert (one
 * round trip) and {@link AuditVerifier} recomputes it in Java. Entries are spread over {@link #CHAINS} chains: a
 * writer takes any chain head nobody else holds ({@code SKIP LOCKED}), so writers do not queue behind one lock.
 */
public final class AuditChain {

	public static final int CHAINS = 32;

	private static final String INSERT = """
			WITH head AS (
			  SELECT chain_no, last_seq, last_hash FROM audit_chain_head
			  %s
			), ins AS (
			  INSERT INTO audit_entry (chain_no, seq, occurred_at, actor_kind, actor_id, actor_name, actor, ip, action,
			                           entity_type, entity_id, changes, remark, prev_hash, hash)
			  SELECT chain_no, last_seq + 1, :at, :actorKind, :actorId, :actorName, :actor, :ip, :action,
			         :entityType, :entityId, :changes, :remark, last_hash,
			         encode(sha256(convert_to(last_hash || '|' || (last_seq + 1) || '|' || :content, 'UTF8')), 'hex')
			  FROM head
			  RETURNING chain_no, seq, hash
			)
			UPDATE audit_chain_head h SET last_seq = ins.seq, last_hash = ins.hash FROM ins WHERE h.chain_no = ins.chain_no
			""";

	/** The chain drawn, when nobody holds it: one row by its key (most writers find their draw free). */
	public static final String INSERT_DRAWN = INSERT.formatted(
			"WHERE chain_no = (:offset + 0 * :chains) FOR UPDATE SKIP LOCKED");

	/** Any chain nobody holds, starting from the one drawn: reads and orders every head. */
	public static final String INSERT_SKIP_LOCKED = INSERT.formatted(
			"ORDER BY (chain_no + :offset) % :chains FOR UPDATE SKIP LOCKED LIMIT 1");

	public static final String INSERT_WAITING = INSERT.formatted(
			"WHERE chain_no = (:offset + 0 * :chains) FOR UPDATE");

	/** A chain head as read (and locked) by a writer of many entries. */
	public record Head(int chainNo, long lastSeq, String lastHash) {
	}

	public static final String LOCK_HEAD_SKIP_LOCKED = """
			SELECT chain_no, last_seq, last_hash FROM audit_chain_head
			ORDER BY (chain_no + :offset) % :chains FOR UPDATE SKIP LOCKED LIMIT 1""";

	public static final String LOCK_HEAD_WAITING = "SELECT chain_no, last_seq, last_hash FROM audit_chain_head WHERE chain_no = :chain FOR UPDATE";

	/** Inserts many entries of one chain, hashed by the caller with {@link #hash}, in one statement. */
	public static final String INSERT_MANY = """
			INSERT INTO audit_entry (chain_no, seq, occurred_at, actor_kind, actor_id, actor_name, actor, ip, action,
			                         entity_type, entity_id, changes, remark, prev_hash, hash)
			SELECT :chain, u.seq, :at, u.kind, u.actor_id, u.name, u.actor, u.ip, u.action, u.type, u.id, u.changes, u.remark,
			       u.prev, u.hash
			FROM unnest(CAST(:seqs AS bigint[]), CAST(:kinds AS text[]), CAST(:actorIds AS bigint[]), CAST(:names AS text[]),
			            CAST(:actors AS text[]), CAST(:ips AS text[]), CAST(:actions AS text[]), CAST(:types AS text[]),
			            CAST(:ids AS text[]), CAST(:changes AS text[]), CAST(:remarks AS text[]), CAST(:prevs AS text[]),
			            CAST(:hashes AS text[]))
			     AS u(seq, kind, actor_id, name, actor, ip, action, type, id, changes, remark, prev, hash)
			ORDER BY u.seq""";

	private AuditChain() {
	}

	public static String content(Instant at, String actor, String ip, String action, String entityType, String entityId,
			String changes, String remark) {
		long micros = ChronoUnit.MICROS.between(Instant.EPOCH, at);
		return String.join("|", Long.toString(micros), actor, ip, action, entityType, entityId, changes,
				remark == null ? "" : remark);
	}

	public static String hash(String prevHash, long seq, String content) {
		return Hashing.sha256(prevHash + "|" + seq + "|" + content);
	}

	public static String genesis(int chainNo) {
		return "genesis-" + chainNo;
	}
}
