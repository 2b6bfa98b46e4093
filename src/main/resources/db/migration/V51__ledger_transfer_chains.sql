-- X-2 for the ledger: a transfer is its own audit record. Until now each transfer also wrote an audit_entry row (six
-- indexes, a chain head to lock and update): that doubled the work of the hottest statement (audit on/off 0.6). Now
-- the transfer row carries who moved the money, from where and when, and is hash-chained into the chain of each
-- account it posts to: a guarded account's chain head is its own row, an unguarded account's is the slot posted to,
-- rows the transfer locks and updates anyway. The business command that moved the money writes its own audit entry
-- as before. Transfers written before this migration keep their audit_entry rows and carry no chain (NULL).
ALTER TABLE ledger_account
    ADD COLUMN chain_seq  BIGINT NOT NULL DEFAULT 0,
    ADD COLUMN chain_hash BYTEA;
ALTER TABLE ledger_account_slot
    ADD COLUMN chain_seq  BIGINT NOT NULL DEFAULT 0,
    ADD COLUMN chain_hash BYTEA;
ALTER TABLE ledger_transfer
    ADD COLUMN occurred_at TIMESTAMPTZ,
    ADD COLUMN actor       TEXT,
    ADD COLUMN ip          TEXT,
    ADD COLUMN debit_slot  INT,     -- the slot posted to on an unguarded account; NULL: the account's own row
    ADD COLUMN credit_slot INT,
    ADD COLUMN debit_seq   BIGINT,  -- position and hash in the debit account's chain
    ADD COLUMN debit_hash  BYTEA,
    ADD COLUMN credit_seq  BIGINT,
    ADD COLUMN credit_hash BYTEA;
