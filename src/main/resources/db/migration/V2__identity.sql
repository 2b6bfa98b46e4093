-- X-1 operators, roles and permissions. Only the SYSTEM_ADMIN role is reference data; the demo profile seeds the rest.
CREATE TABLE operator (
    id              BIGSERIAL PRIMARY KEY,
    username        TEXT        NOT NULL UNIQUE,
    display_name    TEXT        NOT NULL,
    password_hash   TEXT        NOT NULL,
    enabled         BOOLEAN     NOT NULL DEFAULT true,
    totp_secret     TEXT,
    totp_enabled    BOOLEAN     NOT NULL DEFAULT false,
    failed_logins   INT         NOT NULL DEFAULT 0,
    locked_until    TIMESTAMPTZ,
    created_at      TIMESTAMPTZ NOT NULL DEFAULT now(),
    version         INT         NOT NULL DEFAULT 0
);

CREATE TABLE role (
    code        TEXT PRIMARY KEY,
    name        TEXT NOT NULL,
    description TEXT NOT NULL DEFAULT ''
);

CREATE TABLE role_permission (
    role_code  TEXT NOT NULL REFERENCES role (code) ON DELETE CASCADE,
    permission TEXT NOT NULL,
    PRIMARY KEY (role_code, permission)
);

CREATE TABLE operator_role (
    operator_id BIGINT NOT NULL REFERENCES operator (id) ON DELETE CASCADE,
    role_code   TEXT   NOT NULL REFERENCES role (code),
    PRIMARY KEY (operator_id, role_code)
);

INSERT INTO role (code, name, description) VALUES ('SYSTEM_ADMIN', 'System administrator', 'Operators, roles, approval policies and settings');
INSERT INTO role_permission (role_code, permission) VALUES ('SYSTEM_ADMIN', 'SYSTEM_ADMIN');
