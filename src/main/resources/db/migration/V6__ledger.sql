-- X-6 double-entry ledger. Balance of an account = credits_posted - debits_posted. A guarded account (a customer's
-- AVAILABLE and FROZEN) can never go below zero: the debit statement checks it, and the CHECK is the last line.
CREATE TABLE ledger_account (
    id             BIGSERIAL PRIMARY KEY,
    owner_type     TEXT           NOT NULL,
    owner_ref      TEXT           NOT NULL,
    asset          TEXT           NOT NULL,
    kind           TEXT           NOT NULL,
    guarded        BOOLEAN        NOT NULL,
    debits_posted  NUMERIC(38, 18) NOT NULL DEFAULT 0,
    credits_posted NUMERIC(38, 18) NOT NULL DEFAULT 0,
    UNIQUE (owner_type, owner_ref, asset, kind),
    CHECK (NOT guarded OR credits_posted >= debits_posted)
);

-- An unguarded (system) account is posted to through one of its slots, picked at random per transfer, so a hot
-- account such as a company bank account or fee income does not make every transfer wait for one row lock. Its totals
-- are the row's plus its slots'.
CREATE TABLE ledger_account_slot (
    account_id     BIGINT          NOT NULL REFERENCES ledger_account (id),
    slot           INT             NOT NULL,
    debits_posted  NUMERIC(38, 18) NOT NULL DEFAULT 0,
    credits_posted NUMERIC(38, 18) NOT NULL DEFAULT 0,
    PRIMARY KEY (account_id, slot)
);

CREATE TABLE ledger_transfer (
    id                BIGSERIAL PRIMARY KEY,
    transfer_key      TEXT           NOT NULL UNIQUE,
    kind              TEXT           NOT NULL,
    asset             TEXT           NOT NULL,
    amount            NUMERIC(38, 18) NOT NULL CHECK (amount > 0),
    debit_account_id  BIGINT         NOT NULL REFERENCES ledger_account (id),
    credit_account_id BIGINT         NOT NULL REFERENCES ledger_account (id),
    reference_type    TEXT,
    reference_id      TEXT,
    created_at        TIMESTAMPTZ    NOT NULL DEFAULT now(),
    CHECK (debit_account_id <> credit_account_id)
);
CREATE INDEX ledger_transfer_debit_idx ON ledger_transfer (debit_account_id, id);
CREATE INDEX ledger_transfer_credit_idx ON ledger_transfer (credit_account_id, id);
CREATE INDEX ledger_transfer_reference_idx ON ledger_transfer (reference_type, reference_id);

CREATE FUNCTION ledger_transfer_immutable() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION 'ledger transfers are immutable (% refused)', TG_OP;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER ledger_transfer_no_update BEFORE UPDATE OR DELETE ON ledger_transfer
    FOR EACH ROW EXECUTE FUNCTION ledger_transfer_immutable();

-- Each account's totals: its own row plus its slots.
CREATE VIEW ledger_account_totals AS
SELECT a.id, a.owner_type, a.owner_ref, a.asset, a.kind, a.guarded,
       a.debits_posted + coalesce(s.debits, 0) AS debits_posted,
       a.credits_posted + coalesce(s.credits, 0) AS credits_posted
FROM ledger_account a
LEFT JOIN (SELECT account_id, sum(debits_posted) AS debits, sum(credits_posted) AS credits
           FROM ledger_account_slot GROUP BY account_id) s ON s.account_id = a.id;
