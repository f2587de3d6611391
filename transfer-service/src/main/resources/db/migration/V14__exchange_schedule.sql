-- Exchange lists meet the handovers (#29). A person listed under a term goes on a prisoners' manifest of that term
-- only from the list: the entry is then SCHEDULED on the transfer (its manifest item named, and the status it
-- returns to if he is taken off the manifest, the transfer is cancelled or he is missing at receipt), and the
-- reconciliation that finds him received makes it RELEASED. The escort that verified an entry is kept, as the
-- manifest's consent confirmation rests on it. identification-service's identity check of the released person is
-- followed: a CONFLICT flags the entry (the check's id and its latest applied sequence kept, latest wins).
ALTER TABLE exchange_entry
    ADD COLUMN verified_by_organisation  varchar(100),
    ADD COLUMN scheduled_transfer_id     uuid,
    ADD COLUMN scheduled_item_id         uuid,
    ADD COLUMN status_before_scheduling  varchar(30),
    ADD COLUMN identity_conflict         boolean NOT NULL DEFAULT false,
    ADD COLUMN identity_check_sequence   bigint  NOT NULL DEFAULT 0,
    ADD CONSTRAINT exchange_entry_scheduled CHECK ((scheduled_transfer_id IS NULL) = (scheduled_item_id IS NULL));
CREATE INDEX exchange_entry_scheduled_transfer ON exchange_entry (scheduled_transfer_id) WHERE scheduled_transfer_id IS NOT NULL;
CREATE UNIQUE INDEX exchange_entry_scheduled_item ON exchange_entry (scheduled_item_id) WHERE scheduled_item_id IS NOT NULL;
CREATE INDEX exchange_entry_offer_service_number ON exchange_entry (list_id, service_number_key) WHERE kind = 'OFFER';
