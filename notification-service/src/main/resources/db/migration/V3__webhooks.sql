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

-- A subscriber's endpoint. Signing secrets are stored encrypted (AES-GCM, key from configuration).
CREATE TABLE subscription (
    id                         uuid PRIMARY KEY,
    organisation               varchar(100)  NOT NULL,
    party                      varchar(2),
    audience                   varchar(20)   NOT NULL,
    url                        varchar(2000) NOT NULL,
    event_types                jsonb         NOT NULL,
    agreement_filter           uuid,
    party_filter               varchar(2),
    description                varchar(500),
    rate_limit_per_second      int           NOT NULL,
    status                     varchar(20)   NOT NULL,
    status_reason              varchar(300),
    secret_encrypted           varchar(500)  NOT NULL,
    previous_secret_encrypted  varchar(500),
    previous_secret_valid_until timestamptz,
    created_at                 timestamptz   NOT NULL,
    last_success_at            timestamptz,
    failing_since              timestamptz,
    last_attempt_at            timestamptz,
    version                    bigint        NOT NULL
);
CREATE INDEX subscription_organisation ON subscription (organisation);

-- One event to one subscription: created with the event's inbox transaction, delivered at least once.
CREATE TABLE delivery (
    id              uuid PRIMARY KEY,
    subscription_id uuid         NOT NULL REFERENCES subscription (id) ON DELETE CASCADE,
    event_id        uuid         NOT NULL,
    event_type      varchar(200) NOT NULL,
    payload         text         NOT NULL,
    traceparent     varchar(100),
    status          varchar(20)  NOT NULL,
    attempts        int          NOT NULL,
    next_attempt_at timestamptz  NOT NULL,
    locked_until    timestamptz,
    last_status     int,
    created_at      timestamptz  NOT NULL,
    delivered_at    timestamptz,
    UNIQUE (subscription_id, event_id)
);
-- The dispatcher's claim: the next due delivery of each endpoint, and whether an endpoint has one in flight.
CREATE INDEX delivery_next_per_subscription ON delivery (subscription_id, next_attempt_at) WHERE status = 'PENDING';
CREATE INDEX delivery_in_flight ON delivery (subscription_id, locked_until) WHERE status = 'PENDING';
CREATE INDEX delivery_subscription_status ON delivery (subscription_id, status, created_at);

CREATE TABLE delivery_attempt (
    id               bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    delivery_id      uuid         NOT NULL REFERENCES delivery (id) ON DELETE CASCADE,
    attempted_at     timestamptz  NOT NULL,
    status_code      int,
    latency_ms       bigint       NOT NULL,
    response_excerpt varchar(500),
    error            varchar(300)
);
CREATE INDEX delivery_attempt_delivery ON delivery_attempt (delivery_id, attempted_at);
