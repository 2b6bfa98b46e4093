-- R reconciliation (對帳): runs, the result of every record and line in a run, the latest result per record,
-- and the follow-up of mismatches.
CREATE TABLE recon_run (
    id           BIGSERIAL PRIMARY KEY,
    direction    TEXT        NOT NULL,
    account_id   BIGINT      NOT NULL,
    period_from  DATE        NOT NULL,
    period_to    DATE        NOT NULL,
    window_days  INT         NOT NULL,
    started_by   TEXT        NOT NULL,
    started_at   TIMESTAMPTZ NOT NULL DEFAULT now(),
    finished_at  TIMESTAMPTZ,
    matched      INT         NOT NULL DEFAULT 0,
    amount_mismatch   INT    NOT NULL DEFAULT 0,
    missing_in_bank   INT    NOT NULL DEFAULT 0,
    missing_in_system INT    NOT NULL DEFAULT 0
);
CREATE INDEX recon_run_scope_idx ON recon_run (account_id, direction, id);

CREATE TABLE recon_result (
    id             BIGSERIAL PRIMARY KEY,
    run_id         BIGINT         NOT NULL REFERENCES recon_run (id),
    result         TEXT           NOT NULL,
    reason         TEXT           NOT NULL,
    record_type    TEXT,
    record_id      BIGINT,
    record_serial  TEXT,
    line_id        BIGINT,
    currency       TEXT           NOT NULL,
    system_amount  NUMERIC(38,18),
    bank_amount    NUMERIC(38,18),
    system_date    DATE,
    bank_date      DATE,
    bank_reference TEXT,
    counterparty_account TEXT
);
CREATE INDEX recon_result_run_idx ON recon_result (run_id, result, id);

CREATE TABLE recon_record_state (
    record_type TEXT   NOT NULL,
    record_id   BIGINT NOT NULL,
    result      TEXT   NOT NULL,
    reason      TEXT   NOT NULL,
    line_id     BIGINT,
    run_id      BIGINT NOT NULL,
    PRIMARY KEY (record_type, record_id)
);

CREATE TABLE recon_follow_up (
    id          BIGSERIAL PRIMARY KEY,
    subject_key TEXT        NOT NULL UNIQUE,  -- 'RECORD:<type>:<id>' or 'LINE:<id>', so a re-run keeps the follow-up
    result_id   BIGINT      NOT NULL REFERENCES recon_result (id),
    status      TEXT        NOT NULL DEFAULT 'OPEN',
    assignee    TEXT,
    comments    JSONB       NOT NULL DEFAULT '[]'::jsonb,
    resolution  TEXT,
    created_at  TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at  TIMESTAMPTZ NOT NULL DEFAULT now(),
    version     INT         NOT NULL DEFAULT 0
);
