-- Counts per term (absolute), manifest, dispatch, receipt and reconciliation of a transfer.
ALTER TABLE transfer
    ADD COLUMN term_counts           jsonb,
    ADD COLUMN manifest_items        integer NOT NULL DEFAULT 0,
    ADD COLUMN manifest_submitted_at timestamptz,
    ADD COLUMN consents_confirmed    integer NOT NULL DEFAULT 0,
    ADD COLUMN dispatched_at         timestamptz,
    ADD COLUMN received_at           timestamptz,
    ADD COLUMN counted_at_receipt    integer,
    ADD COLUMN reconciled_at         timestamptz;
-- Transfers planned before this migration have zero counts for each of their terms.
UPDATE transfer SET term_counts = (
    SELECT coalesce(jsonb_agg(jsonb_build_object('termId', term, 'declared', 0, 'dispatched', 0, 'received', 0)), '[]'::jsonb)
    FROM jsonb_array_elements_text(term_ids) AS term);
ALTER TABLE transfer ALTER COLUMN term_counts SET NOT NULL;
CREATE INDEX transfer_received_at ON transfer (received_at) WHERE received_at IS NOT NULL;

-- Manifest items: personal data (DESIGN.md 6). Read only by the two parties and the escort, each read
-- audited. origin MANIFEST is the sender's claim; EXTRA is an item the receiver found and tagged itself.
CREATE TABLE manifest_item (
    transfer_id          uuid         NOT NULL REFERENCES transfer (id),
    tag                  varchar(64)  NOT NULL,
    position             integer      NOT NULL,
    item_id              uuid         NOT NULL UNIQUE,
    term_id              uuid         NOT NULL,
    origin               varchar(10)  NOT NULL CHECK (origin IN ('MANIFEST', 'EXTRA')),
    category             varchar(100),
    nationality          varchar(2),
    surname              varchar(200),
    first_names          varchar(200),
    patronymic           varchar(200),
    rank                 varchar(100),
    date_of_birth        date,
    service_number       varchar(64),
    recovery_place       varchar(500),
    recovery_date        date,
    personal_effects     varchar(2000),
    health_notes         varchar(2000),
    consent_confirmed_at timestamptz,
    consent_confirmed_by varchar(100),
    receipt              varchar(10) CHECK (receipt IN ('RECEIVED', 'MISSING')),
    arrival_published_at timestamptz,
    PRIMARY KEY (transfer_id, tag)
);
CREATE UNIQUE INDEX manifest_item_position ON manifest_item (transfer_id, position);
-- The receiver's extra tags must not collide with the sender's in any letter case.
CREATE UNIQUE INDEX manifest_item_tag_folded ON manifest_item (transfer_id, upper(tag));

