-- The platform tables as a service's migrations create them, and the test application's effect table.
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

CREATE TABLE outbox_event (
    id                 uuid PRIMARY KEY,
    position           bigint GENERATED ALWAYS AS IDENTITY UNIQUE,
    aggregatetype      varchar(100) NOT NULL,
    aggregateid        varchar(100) NOT NULL,
    type               varchar(200) NOT NULL,
    payload            jsonb        NOT NULL,
    timestamp          timestamptz  NOT NULL,
    tracingspancontext varchar(512),
    published_at       timestamptz,
    parked_at          timestamptz,
    park_reason        varchar(200)
);
CREATE INDEX outbox_event_unpublished ON outbox_event (position) WHERE published_at IS NULL;

CREATE TABLE processed_event (
    consumer     varchar(100) NOT NULL,
    event_id     uuid         NOT NULL,
    processed_at timestamptz  NOT NULL,
    PRIMARY KEY (consumer, event_id)
);
CREATE INDEX processed_event_processed_at ON processed_event (processed_at);

CREATE TABLE dead_letter (
    id               uuid PRIMARY KEY,
    source_topic     varchar(249) NOT NULL,
    source_partition int          NOT NULL,
    source_offset    bigint       NOT NULL,
    record_key       varchar(500),
    payload          text,
    reason           varchar(1000) NOT NULL,
    received_at      timestamptz  NOT NULL,
    status           varchar(20)  NOT NULL,
    redriven_at      timestamptz,
    UNIQUE (source_topic, source_partition, source_offset)
);

-- The test consumer's effect: one row per applied event; a negative value breaks a constraint.
CREATE TABLE thing_effect (
    event_id     uuid PRIMARY KEY,
    aggregate_id varchar(100) NOT NULL,
    value        int          NOT NULL CHECK (value >= 0)
);
