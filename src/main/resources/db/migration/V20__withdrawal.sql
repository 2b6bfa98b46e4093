-- W fiat withdrawals (出金): applications, their payout orders, payout batches, the history timeline and cheque prints.
-- Money columns are NUMERIC(38,18); amounts are kept at the currency's scale by the application.
CREATE SEQUENCE withdrawal_serial_seq;
CREATE SEQUENCE payout_batch_serial_seq;

CREATE TABLE withdrawal (
    id                BIGSERIAL PRIMARY KEY,
    serial            TEXT            NOT NULL UNIQUE,
    customer_id       BIGINT          NOT NULL,
    customer_no       TEXT            NOT NULL,
    customer_name     TEXT            NOT NULL,
    currency          TEXT            NOT NULL,
    amount            NUMERIC(38, 18) NOT NULL CHECK (amount > 0),
    fee               NUMERIC(38, 18) NOT NULL CHECK (fee >= 0),
    bank_card_id      BIGINT          NOT NULL,
    card_bank_name    TEXT            NOT NULL,
    card_bank_code    TEXT            NOT NULL,
    card_account_no   TEXT            NOT NULL,
    card_holder_name  TEXT            NOT NULL,
    remark            TEXT,
    source            TEXT            NOT NULL,
    status            TEXT            NOT NULL,
    freeze_version    INT             NOT NULL DEFAULT 1,
    risk_run          INT             NOT NULL DEFAULT 1,
    risk_result       TEXT,
    risk_reasons      TEXT,
    risk_checked_at   TIMESTAMPTZ,
    pending_edit_wo   BIGINT,
    close_reason      TEXT,
    deleted           BOOLEAN         NOT NULL DEFAULT false,
    batch_id          BIGINT,
    payout_id         BIGINT,
    channel           TEXT,
    paying_account_id BIGINT,
    bank_reference    TEXT,
    failure_reason    TEXT,
    abnormal_action   TEXT,
    abnormal_remark   TEXT,
    abnormal_wo       BIGINT,
    recon_result      TEXT,
    recon_reason      TEXT,
    created_by        TEXT            NOT NULL,
    created_at        TIMESTAMPTZ     NOT NULL DEFAULT now(),
    submitted_at      TIMESTAMPTZ,
    completed_at      TIMESTAMPTZ,
    updated_at        TIMESTAMPTZ     NOT NULL DEFAULT now(),
    version           INT             NOT NULL DEFAULT 0
);
CREATE INDEX withdrawal_status_idx ON withdrawal (status, id);
CREATE INDEX withdrawal_customer_idx ON withdrawal (customer_id, id);
CREATE INDEX withdrawal_created_idx ON withdrawal (created_at, id);
CREATE INDEX withdrawal_completed_idx ON withdrawal (paying_account_id, completed_at) WHERE completed_at IS NOT NULL;
CREATE INDEX withdrawal_batch_idx ON withdrawal (batch_id) WHERE batch_id IS NOT NULL;

-- One payout order (提現單) per attempt to pay an application. Re-pay (W-13) adds a new one; resubmit sends the same
-- one again. At most one order per application may be open at a time: nothing is paid twice.
CREATE TABLE withdrawal_payout (
    id                BIGSERIAL PRIMARY KEY,
    withdrawal_id     BIGINT      NOT NULL REFERENCES withdrawal (id),
    attempt           INT         NOT NULL,
    mode              TEXT        NOT NULL,
    batch_id          BIGINT,
    paying_account_id BIGINT      NOT NULL,
    channel           TEXT        NOT NULL,
    bank_reference    TEXT,
    status            TEXT        NOT NULL,
    result            TEXT,
    result_reason     TEXT,
    sent_count        INT         NOT NULL DEFAULT 1,
    work_order_id     BIGINT,
    created_by        TEXT        NOT NULL,
    created_at        TIMESTAMPTZ NOT NULL DEFAULT now(),
    finished_at       TIMESTAMPTZ,
    UNIQUE (withdrawal_id, attempt)
);
CREATE UNIQUE INDEX withdrawal_payout_one_open ON withdrawal_payout (withdrawal_id)
    WHERE status IN ('PENDING_APPROVAL', 'PROCESSING');
CREATE INDEX withdrawal_payout_batch_idx ON withdrawal_payout (batch_id) WHERE batch_id IS NOT NULL;

CREATE TABLE payout_batch (
    id                BIGSERIAL PRIMARY KEY,
    serial            TEXT        NOT NULL UNIQUE,
    paying_account_id BIGINT      NOT NULL,
    channel           TEXT        NOT NULL,
    currency          TEXT,
    status            TEXT        NOT NULL,
    work_order_id     BIGINT,
    review_wo         BIGINT,
    created_by        TEXT        NOT NULL,
    created_at        TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at        TIMESTAMPTZ NOT NULL DEFAULT now(),
    version           INT         NOT NULL DEFAULT 0
);

-- The full history of an application (W-14): who did what, when, from which state to which, under which work order.
CREATE TABLE withdrawal_event (
    id            BIGSERIAL PRIMARY KEY,
    withdrawal_id BIGINT      NOT NULL,
    at            TIMESTAMPTZ NOT NULL DEFAULT now(),
    actor         TEXT        NOT NULL,
    action        TEXT        NOT NULL,
    from_status   TEXT,
    to_status     TEXT,
    work_order_id BIGINT,
    remark        TEXT
);
CREATE INDEX withdrawal_event_idx ON withdrawal_event (withdrawal_id, id);

-- W-12 cheque prints: first print and reprints, each with its cheque number.
CREATE TABLE withdrawal_cheque_print (
    id            BIGSERIAL PRIMARY KEY,
    withdrawal_id BIGINT      NOT NULL REFERENCES withdrawal (id),
    cheque_number TEXT        NOT NULL,
    reprint       BOOLEAN     NOT NULL,
    reason        TEXT,
    printed_by    TEXT        NOT NULL,
    printed_at    TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX withdrawal_cheque_print_idx ON withdrawal_cheque_print (withdrawal_id, id);
-- a cheque number is one physical cheque: it is printed once
CREATE UNIQUE INDEX withdrawal_cheque_number_idx ON withdrawal_cheque_print (cheque_number);
