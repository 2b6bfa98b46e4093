-- X-4 customers and bank cards, X-5 company bank accounts.
CREATE TABLE customer (
    id             BIGSERIAL PRIMARY KEY,
    customer_no    TEXT        NOT NULL UNIQUE,
    name_en        TEXT        NOT NULL,
    name_zh        TEXT,
    phone          TEXT,
    email          TEXT,
    account_no     TEXT UNIQUE,
    opening_status TEXT        NOT NULL,
    frozen         BOOLEAN     NOT NULL DEFAULT false,
    created_at     TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at     TIMESTAMPTZ NOT NULL DEFAULT now(),
    version        INT         NOT NULL DEFAULT 0
);
CREATE INDEX customer_name_en_idx ON customer (lower(name_en) text_pattern_ops);
CREATE INDEX customer_name_zh_idx ON customer (name_zh text_pattern_ops);
CREATE INDEX customer_phone_idx ON customer (phone);
CREATE INDEX customer_status_idx ON customer (opening_status, id);

CREATE TABLE bank_card (
    id          BIGSERIAL PRIMARY KEY,
    customer_id BIGINT      NOT NULL REFERENCES customer (id),
    bank_name   TEXT        NOT NULL,
    bank_code   TEXT        NOT NULL,
    account_no  TEXT        NOT NULL,
    holder_name TEXT        NOT NULL,
    currency    TEXT        NOT NULL,
    verified    BOOLEAN     NOT NULL DEFAULT false,
    active      BOOLEAN     NOT NULL DEFAULT true,
    created_at  TIMESTAMPTZ NOT NULL DEFAULT now(),
    version     INT         NOT NULL DEFAULT 0
);
CREATE INDEX bank_card_customer_idx ON bank_card (customer_id);
CREATE INDEX bank_card_account_idx ON bank_card (account_no);

CREATE TABLE company_account (
    id           BIGSERIAL PRIMARY KEY,
    bank_name    TEXT    NOT NULL,
    bank_code    TEXT    NOT NULL,
    account_no   TEXT    NOT NULL UNIQUE,
    account_name TEXT    NOT NULL,
    currencies   TEXT[]  NOT NULL,
    channels     TEXT[]  NOT NULL,
    purpose      TEXT    NOT NULL DEFAULT 'BOTH',
    active       BOOLEAN NOT NULL DEFAULT true
);
