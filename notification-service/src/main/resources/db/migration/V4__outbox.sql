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
