-- Platform tables: the audit log. Outbox, inbox and idempotency tables arrive with the first feature that needs them.
-- Migrations run as the owner role; the application connects as ${app_role} with only what is granted here.

ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO ${app_role};
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO ${app_role};

CREATE TABLE audit_log (
    id                 bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    occurred_at        timestamptz  NOT NULL,
    actor_subject      varchar(200) NOT NULL,
    actor_organisation varchar(100) NOT NULL,
    actor_party        varchar(2),
    action             varchar(100) NOT NULL,
    resource_type      varchar(100) NOT NULL,
    resource_id        varchar(100),
    purpose            varchar(120) NOT NULL
);
CREATE INDEX audit_log_occurred_at ON audit_log (occurred_at);
-- Append-only: the application may add and read audit lines, never change or remove them.
REVOKE UPDATE, DELETE, TRUNCATE ON audit_log FROM ${app_role};
