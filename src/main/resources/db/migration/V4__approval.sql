-- X-3 work orders (工單): policies per type, work orders, decisions per level, comments.
CREATE TABLE approval_policy (
    work_order_type TEXT PRIMARY KEY,
    enabled         BOOLEAN     NOT NULL,
    levels          TEXT[]      NOT NULL,
    updated_at      TIMESTAMPTZ NOT NULL DEFAULT now(),
    version         INT         NOT NULL DEFAULT 0
);

CREATE TABLE work_order (
    id            BIGSERIAL PRIMARY KEY,
    type          TEXT        NOT NULL,
    subject_type  TEXT        NOT NULL,
    subject_id    TEXT        NOT NULL,
    subject_label TEXT        NOT NULL,
    status        TEXT        NOT NULL,
    maker_id      BIGINT      NOT NULL,
    maker_name    TEXT        NOT NULL,
    levels        TEXT[]      NOT NULL,
    current_level INT         NOT NULL DEFAULT 0,
    changes       TEXT        NOT NULL,
    payload       TEXT        NOT NULL,
    remark        TEXT,
    created_at    TIMESTAMPTZ NOT NULL DEFAULT now(),
    decided_at    TIMESTAMPTZ,
    version       INT         NOT NULL DEFAULT 0
);
CREATE INDEX work_order_status_idx ON work_order (status, id DESC);
CREATE INDEX work_order_type_idx ON work_order (type, status, id DESC);
CREATE INDEX work_order_subject_idx ON work_order (subject_type, subject_id);
CREATE INDEX work_order_maker_idx ON work_order (maker_id, id DESC);
CREATE INDEX work_order_created_idx ON work_order (created_at);

CREATE TABLE work_order_decision (
    id            BIGSERIAL PRIMARY KEY,
    work_order_id BIGINT      NOT NULL REFERENCES work_order (id),
    level         INT         NOT NULL,
    operator_id   BIGINT      NOT NULL,
    operator_name TEXT        NOT NULL,
    decision      TEXT        NOT NULL,
    comment       TEXT,
    decided_at    TIMESTAMPTZ NOT NULL DEFAULT now(),
    UNIQUE (work_order_id, level)
);

CREATE TABLE work_order_comment (
    id            BIGSERIAL PRIMARY KEY,
    work_order_id BIGINT      NOT NULL REFERENCES work_order (id),
    operator_id   BIGINT      NOT NULL,
    operator_name TEXT        NOT NULL,
    text          TEXT        NOT NULL,
    created_at    TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX work_order_comment_idx ON work_order_comment (work_order_id, id);
