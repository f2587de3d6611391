-- The core library's tables, as a service's migrations create them, and one table of the test application.
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO ${app_role};
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO ${app_role};

CREATE TABLE idempotency_record (
    organisation    varchar(100) NOT NULL,
    endpoint        varchar(200) NOT NULL,
    idempotency_key varchar(255) NOT NULL,
    request_hash    varchar(64)  NOT NULL,
    response_status int          NOT NULL,
    response_body   text         NOT NULL,
    location        varchar(500),
    created_at      timestamptz  NOT NULL,
    PRIMARY KEY (organisation, endpoint, idempotency_key)
);

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
REVOKE UPDATE, DELETE, TRUNCATE ON audit_log FROM ${app_role};

CREATE TABLE audit_seal (
    seq       bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    audit_id  bigint      NOT NULL UNIQUE REFERENCES audit_log (id),
    prev_hash varchar(64) NOT NULL,
    hash      varchar(64) NOT NULL,
    sealed_at timestamptz NOT NULL
);
REVOKE UPDATE, DELETE, TRUNCATE ON audit_seal FROM ${app_role};

CREATE TABLE thing (
    id      uuid PRIMARY KEY,
    name    varchar(100) NOT NULL,
    version bigint       NOT NULL
);
