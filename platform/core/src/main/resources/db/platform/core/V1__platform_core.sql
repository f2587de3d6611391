-- Reference DDL of platform/core's tables, in the shape its entities validate against. Each service creates
-- them in its own Flyway history (each database keeps its own); this copy is what the library's own tests
-- migrate, and what a new service starts from. It is not on any service's Flyway path.
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
