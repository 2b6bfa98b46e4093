-- X-8 uploaded files (憑證 proofs of withdrawals, later deposits). The bytes live in the database, not on a disk:
-- a backup is one pg_dump, and every instance behind the load balancer sees every upload without a shared volume.
-- Uploads are limited to a few MB (wbo.files.max-size), well within what bytea and TOAST handle.
CREATE TABLE stored_file (
    id            BIGSERIAL PRIMARY KEY,
    name          TEXT        NOT NULL,
    content_type  TEXT        NOT NULL,
    size          BIGINT      NOT NULL CHECK (size > 0),
    sha256        TEXT        NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
    content       BYTEA       NOT NULL,
    uploader_kind TEXT        NOT NULL CHECK (uploader_kind IN ('OPERATOR', 'CUSTOMER')),
    uploader_id   BIGINT      NOT NULL,
    uploader_name TEXT        NOT NULL,
    created_at    TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX stored_file_uploader_idx ON stored_file (uploader_kind, uploader_id, id);
CREATE INDEX stored_file_sha256_idx ON stored_file (sha256);
