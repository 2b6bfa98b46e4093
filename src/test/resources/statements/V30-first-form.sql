-- B bank statements (銀行帳單): bank templates, imports with their original files, statement lines, bank pull status.
CREATE TABLE statement_template (
    id          BIGSERIAL PRIMARY KEY,
    name        TEXT        NOT NULL UNIQUE,
    bank_name   TEXT        NOT NULL,
    definition  JSONB       NOT NULL,
    active      BOOLEAN     NOT NULL DEFAULT true,
    created_at  TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at  TIMESTAMPTZ NOT NULL DEFAULT now(),
    version     INT         NOT NULL DEFAULT 0
);

CREATE TABLE statement_import (
    id           BIGSERIAL PRIMARY KEY,
    account_id   BIGINT      NOT NULL,
    format       TEXT        NOT NULL,
    template_id  BIGINT REFERENCES statement_template (id),
    file_name    TEXT        NOT NULL,
    file_sha256  TEXT        NOT NULL,
    file_size    BIGINT      NOT NULL,
    total        INT         NOT NULL,
    created      INT         NOT NULL,
    duplicates   INT         NOT NULL,
    imported_by  TEXT        NOT NULL,
    imported_at  TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX statement_import_account_idx ON statement_import (account_id, id);

-- the original file, in chunks so that neither storing nor downloading needs it whole in memory
CREATE TABLE statement_import_chunk (
    import_id BIGINT NOT NULL REFERENCES statement_import (id),
    seq       INT    NOT NULL,
    data      BYTEA  NOT NULL,
    PRIMARY KEY (import_id, seq)
);

CREATE TABLE statement_line (
    id                   BIGSERIAL PRIMARY KEY,
    account_id           BIGINT         NOT NULL,
    direction            TEXT           NOT NULL,
    original_direction   TEXT           NOT NULL,
    amount               NUMERIC(38,18) NOT NULL CHECK (amount > 0),
    currency             TEXT           NOT NULL,
    booking_date         DATE           NOT NULL,
    value_date           DATE,
    bank_reference       TEXT,
    counterparty_name    TEXT,
    counterparty_account TEXT,
    counterparty_bank    TEXT,
    description          TEXT,
    source               TEXT           NOT NULL,
    import_id            BIGINT,
    line_no              INT,
    fingerprint          TEXT           NOT NULL,
    status               TEXT           NOT NULL DEFAULT 'UNMATCHED',
    record_type          TEXT,
    record_id            BIGINT,
    record_serial        TEXT,
    recon_result         TEXT,
    recon_reason         TEXT,
    recon_run_id         BIGINT,
    remark               TEXT,
    created_at           TIMESTAMPTZ    NOT NULL DEFAULT now(),
    version              INT            NOT NULL DEFAULT 0,
    CONSTRAINT statement_line_fingerprint_uq UNIQUE (account_id, fingerprint)
);
CREATE INDEX statement_line_scope_idx ON statement_line (account_id, direction, booking_date, id);
CREATE INDEX statement_line_status_idx ON statement_line (status, direction, id);
CREATE INDEX statement_line_record_idx ON statement_line (record_type, record_id) WHERE record_id IS NOT NULL;
-- a record carries at most one hand-made tag (B-5)
CREATE UNIQUE INDEX statement_line_tag_uq ON statement_line (record_type, record_id) WHERE status = 'TAGGED';
CREATE INDEX statement_line_import_idx ON statement_line (import_id) WHERE import_id IS NOT NULL;

-- B-2: last run of the scheduled pull per company account
CREATE TABLE bank_pull_status (
    account_id    BIGINT PRIMARY KEY,
    connector     TEXT        NOT NULL,
    last_run_at   TIMESTAMPTZ NOT NULL,
    last_status   TEXT        NOT NULL,
    last_message  TEXT,
    lines_created INT         NOT NULL DEFAULT 0,
    lines_total   INT         NOT NULL DEFAULT 0,
    pulled_until  DATE
);
