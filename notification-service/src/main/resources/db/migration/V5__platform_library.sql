-- Tables of the platform library (platform/), kept by each service in its own history.

-- Outbox rows the broker refuses for good are parked, not retried (the relay goes on with the others).
ALTER TABLE outbox_event ADD COLUMN parked_at timestamptz, ADD COLUMN park_reason varchar(200);
CREATE INDEX outbox_event_parked ON outbox_event (aggregatetype, aggregateid) WHERE parked_at IS NOT NULL;

-- Processed event ids are purged after a retention window.
CREATE INDEX processed_event_processed_at ON processed_event (processed_at);

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

-- Replies kept for Idempotency-Key replay used to hold new signing secrets in plain text; they are now
-- stored encrypted. Forget the old ones: a retry with one of those keys inside its 24 hours would create a
-- second subscription, which is a smaller harm than a secret resting in plain text.
DELETE FROM idempotency_record WHERE endpoint = 'POST /api/v1/subscriptions';
