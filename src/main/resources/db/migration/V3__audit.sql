-- X-2 audit log: append-only, hash-chained over 32 chains (see AuditChain).
CREATE TABLE audit_chain_head (
    chain_no  INT PRIMARY KEY,
    last_seq  BIGINT NOT NULL,
    last_hash TEXT   NOT NULL
);
INSERT INTO audit_chain_head (chain_no, last_seq, last_hash)
SELECT n, 0, 'genesis-' || n FROM generate_series(0, 31) AS n;

CREATE TABLE audit_entry (
    id          BIGSERIAL PRIMARY KEY,
    chain_no    INT         NOT NULL,
    seq         BIGINT      NOT NULL,
    occurred_at TIMESTAMPTZ NOT NULL,
    actor_kind  TEXT        NOT NULL,
    actor_id    BIGINT      NOT NULL,
    actor_name  TEXT        NOT NULL,
    actor       TEXT        NOT NULL,
    ip          TEXT        NOT NULL,
    action      TEXT        NOT NULL,
    entity_type TEXT        NOT NULL,
    entity_id   TEXT        NOT NULL,
    changes     TEXT        NOT NULL,
    remark      TEXT,
    prev_hash   TEXT        NOT NULL,
    hash        TEXT        NOT NULL,
    UNIQUE (chain_no, seq)
);
CREATE INDEX audit_entry_entity_idx ON audit_entry (entity_type, entity_id, id DESC);
CREATE INDEX audit_entry_actor_idx ON audit_entry (actor_name, id DESC);
CREATE INDEX audit_entry_action_idx ON audit_entry (action, id DESC);
-- entries arrive in time order: a BRIN index serves time ranges at a fraction of a B-tree's write cost
CREATE INDEX audit_entry_time_idx ON audit_entry USING brin (occurred_at);

CREATE FUNCTION audit_entry_append_only() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION 'audit entries are append-only (% refused)', TG_OP;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER audit_entry_no_update BEFORE UPDATE OR DELETE ON audit_entry
    FOR EACH ROW EXECUTE FUNCTION audit_entry_append_only();
