-- Tables of the platform library (platform/core), kept by this service in its own history.

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
CREATE INDEX idempotency_record_created_at ON idempotency_record (created_at);

-- The audit chain: each entry's hash, linked to the one before (tamper evidence).
CREATE TABLE audit_seal (
    seq       bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    audit_id  bigint      NOT NULL UNIQUE REFERENCES audit_log (id),
    prev_hash varchar(64) NOT NULL,
    hash      varchar(64) NOT NULL,
    sealed_at timestamptz NOT NULL
);
-- Append-only like the log it seals.
REVOKE UPDATE, DELETE, TRUNCATE ON audit_seal FROM ${app_role};
