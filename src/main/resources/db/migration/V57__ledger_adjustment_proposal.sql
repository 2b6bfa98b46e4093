-- X-6: an administrator's ledger operation is proposed as a LEDGER_ADJUSTMENT work order and moves money only when
-- another person approves it. The client's transfer key claims the proposal, so proposing the same operation twice
-- opens one work order, and a different operation under a key already used is refused.
CREATE TABLE ledger_adjustment (
    transfer_key  TEXT PRIMARY KEY,
    customer_id   BIGINT      NOT NULL REFERENCES customer (id),
    operation     TEXT        NOT NULL,
    asset         TEXT        NOT NULL,
    amount        NUMERIC     NOT NULL,
    remark        TEXT,
    work_order_id BIGINT,
    proposed_by   BIGINT      NOT NULL,
    created_at    TIMESTAMPTZ NOT NULL DEFAULT now()
);
