-- Idempotent consumers (DESIGN.md 5): an event id applied by a consumer is recorded with its effect.
CREATE TABLE processed_event (
    consumer     varchar(100) NOT NULL,
    event_id     uuid         NOT NULL,
    processed_at timestamptz  NOT NULL,
    PRIMARY KEY (consumer, event_id)
);

-- Records read back from this service's dead-letter topic, for operators to list and re-drive.
CREATE TABLE dead_letter (
    id               uuid PRIMARY KEY,
    source_topic     varchar(249)  NOT NULL,
    source_partition int           NOT NULL,
    source_offset    bigint        NOT NULL,
    record_key       varchar(200),
    payload          text,
    reason           varchar(1000) NOT NULL,
    received_at      timestamptz   NOT NULL,
    status           varchar(20)   NOT NULL,
    redriven_at      timestamptz,
    UNIQUE (source_topic, source_partition, source_offset)
);
