-- Tables of platform/messaging (reference DDL: platform/messaging db/platform/messaging), kept in this
-- service's own history: the outbox of identification events, the consumer's processed-event ids, dead letters.
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
CREATE INDEX outbox_event_parked ON outbox_event (aggregatetype, aggregateid) WHERE parked_at IS NOT NULL;

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
