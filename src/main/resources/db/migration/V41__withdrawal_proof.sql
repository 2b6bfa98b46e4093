-- The proofs (憑證) of a withdrawal application, in the order the operator or customer gave them. An edit (W-6)
-- proposes a new list under its work order; approval makes it CURRENT and the old one REPLACED, rejection DECLINED.
-- Rows are never deleted, so every file ever shown to a checker stays linked to its application.
CREATE TABLE withdrawal_proof (
    id            BIGSERIAL PRIMARY KEY,
    withdrawal_id BIGINT      NOT NULL REFERENCES withdrawal (id),
    file_id       BIGINT      NOT NULL REFERENCES stored_file (id),
    position      INT         NOT NULL,
    state         TEXT        NOT NULL CHECK (state IN ('CURRENT', 'PROPOSED', 'REPLACED', 'DECLINED')),
    work_order_id BIGINT,
    created_at    TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX withdrawal_proof_withdrawal_idx ON withdrawal_proof (withdrawal_id, state, position);
CREATE UNIQUE INDEX withdrawal_proof_one_current ON withdrawal_proof (withdrawal_id, file_id) WHERE state = 'CURRENT';
