-- Item records on the restricted topic carry a per-item sequence (latest wins at the consumer), and an
-- announced arrival that reconciliation finds missing is withdrawn by a further record.
ALTER TABLE manifest_item
    ADD COLUMN item_sequence           integer NOT NULL DEFAULT 0,
    ADD COLUMN withdrawal_published_at timestamptz;

UPDATE manifest_item SET item_sequence = 1 WHERE arrival_published_at IS NOT NULL;
