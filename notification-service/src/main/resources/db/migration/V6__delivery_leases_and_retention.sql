-- A delivery is versioned, and each claim leases it under a fresh token: a manual retry, a claim and the
-- recording of an attempt's outcome each change the row only if nobody else has since, and only the worker
-- whose token is still on the row may record an outcome (a late answer cannot overwrite a newer one).
ALTER TABLE delivery ADD COLUMN version bigint NOT NULL DEFAULT 0,
                     ADD COLUMN lease_token uuid;

-- Succeeded deliveries (and their attempts, by cascade) are purged after homeward.webhooks.succeeded-retention.
CREATE INDEX delivery_succeeded_delivered_at ON delivery (delivered_at) WHERE status = 'SUCCEEDED';
