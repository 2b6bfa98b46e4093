-- X-4 customers and bank cards, X-5 company bank accounts.
-- Name and phone search is "contains": trigram indexes keep it fast on a large customer base.
CREATE EXTENSION IF NOT EXISTS pg_trgm;

CREATE TABLE customer (
    id             BIGSERIAL PRIMARY KEY,
    customer_no    TEXT        NOT NULL UNIQUE,
    name_en        TEXT        NOT NULL,
    name_zh        TEXT,
    phone          TEXT,
    phone_digits   TEXT GENERATED ALWAYS AS (regexp_replace(coalesce(phone, ''), '[^0-9]', '', 'g')) STORED,
    email          TEXT,
    account_no     TEXT UNIQUE,
    opening_status TEXT        NOT NULL,
    frozen         BOOLEAN     NOT NULL DEFAULT false,
    created_at     TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at     TIMESTAMPTZ NOT NULL DEFAULT now(),
    version        INT         NOT NULL DEFAULT 0
);
CREATE INDEX customer_name_en_trgm_idx ON customer USING gin (lower(name_en) gin_trgm_ops);
CREATE INDEX customer_name_zh_trgm_idx ON customer USING gin (name_zh gin_trgm_ops);
CREATE INDEX customer_phone_trgm_idx ON customer USING gin (phone_digits gin_trgm_ops);
CREATE INDEX customer_no_pattern_idx ON customer (customer_no text_pattern_ops);
CREATE INDEX customer_account_pattern_idx ON customer (account_no text_pattern_ops);
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
