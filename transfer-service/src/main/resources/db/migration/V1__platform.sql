-- Platform tables every service has: outbox, idempotency keys, audit log.
-- Migrations run as the owner role; the application connects as ${app_role} with only what is granted here.

ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO ${app_role};
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO ${app_role};

-- Transactional outbox, in the column shape of Debezium's outbox event router.
CREATE TABLE outbox_event (
    id                 uuid PRIMARY KEY,
    position           bigint GENERATED ALWAYS AS IDENTITY UNIQUE,
    aggregatetype      varchar(100) NOT NULL,
    aggregateid        varchar(100) NOT NULL,
    type               varchar(200) NOT NULL,
    payload            jsonb        NOT NULL,
    timestamp          timestamptz  NOT NULL,
    tracingspancontext varchar(512),
    published_at       timestamptz
);
CREATE INDEX outbox_event_unpublished ON outbox_event (position) WHERE published_at IS NULL;
CREATE INDEX outbox_event_published_at ON outbox_event (published_at) WHERE published_at IS NOT NULL;

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
