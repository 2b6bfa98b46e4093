-- X-2 for the ledger, second form. Since V51 each transfer computed two SHA-256 links in the posting statement and
-- moved the chain heads on the account rows: a fifth of the ledger's throughput (audit on/off 0.79-0.83). A transfer
-- still carries its audit record (actor, address, time: written in its own transaction), but its place in a hash
-- chain is now given by a sealer a second or two later: it takes every transfer committed since the last seal, in id
-- order, and appends one seal row listing each transfer's id and content hash, linked to the previous seal. The
-- verification recomputes each listed transfer's hash (naming a transfer altered, removed or slipped in afterwards)
-- and the chain of seals. Transfers already in the table are sealed by the first pass after this migration.
CREATE TABLE ledger_seal (
    seq        BIGINT      PRIMARY KEY,
    after_id   BIGINT      NOT NULL,   -- the seal lists the transfers with after_id < id <= up_to_id
    up_to_id   BIGINT      NOT NULL,
    transfers  BYTEA       NOT NULL,   -- per transfer, in id order: its id (8 bytes) and SHA-256 of its content (32)
    prev_hash  BYTEA,                  -- the previous seal's hash; NULL for the first
    hash       BYTEA       NOT NULL,   -- SHA-256 of prev_hash, seq, after_id, up_to_id (8 bytes each) and transfers
    sealed_at  TIMESTAMPTZ NOT NULL DEFAULT now(),
    CHECK (up_to_id > after_id)
);
-- hashes do not compress: store the list as it is instead of trying
ALTER TABLE ledger_seal ALTER COLUMN transfers SET STORAGE EXTERNAL;

-- The last seal, so that a seal cut off the end is found; the sealer's only lock (one sealer at a time).
CREATE TABLE ledger_seal_head (
    only_row   BOOLEAN PRIMARY KEY DEFAULT true CHECK (only_row),
    seq        BIGINT  NOT NULL,
    hash       BYTEA,
    up_to_id   BIGINT  NOT NULL
);
INSERT INTO ledger_seal_head (seq, hash, up_to_id) VALUES (0, NULL, 0);

CREATE FUNCTION ledger_seal_immutable() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION 'ledger seals are immutable (% refused)', TG_OP;
END;
$$ LANGUAGE plpgsql;
CREATE TRIGGER ledger_seal_no_update BEFORE UPDATE OR DELETE ON ledger_seal
    FOR EACH ROW EXECUTE FUNCTION ledger_seal_immutable();
CREATE TRIGGER ledger_seal_no_truncate BEFORE TRUNCATE ON ledger_seal
    FOR EACH STATEMENT EXECUTE FUNCTION ledger_seal_immutable();

-- The sealer seals up to the last id handed out once the transactions then writing transfers have ended; a backend
-- holding cached ids could later use one below that. CACHE 1 is the default: said here because the seals rely on it.
ALTER SEQUENCE ledger_transfer_id_seq CACHE 1;

-- the per-account chains of V51 are replaced by the seals
ALTER TABLE ledger_account DROP COLUMN chain_seq, DROP COLUMN chain_hash;
ALTER TABLE ledger_account_slot DROP COLUMN chain_seq, DROP COLUMN chain_hash;
ALTER TABLE ledger_transfer DROP COLUMN debit_slot, DROP COLUMN credit_slot, DROP COLUMN debit_seq, DROP COLUMN debit_hash,
    DROP COLUMN credit_seq, DROP COLUMN credit_hash;
