-- Lifecycle, versions with terms and signatures, and the fulfilment ledger fed by transfer events.
ALTER TABLE agreement ADD COLUMN notes varchar(2000);
ALTER TABLE agreement ADD COLUMN status_reason varchar(500);

CREATE TABLE agreement_version (
    id                       uuid PRIMARY KEY,
    agreement_id             uuid         NOT NULL REFERENCES agreement (id),
    number                   int          NOT NULL,
    effective_date           date,
    terms                    jsonb        NOT NULL,
    reason                   varchar(500),
    proposed_by_organisation varchar(100) NOT NULL,
    proposed_at              timestamptz  NOT NULL,
    state                    varchar(20)  NOT NULL,
    UNIQUE (agreement_id, number)
);

-- Agreements drafted before versions existed become version 1 with no terms yet.
INSERT INTO agreement_version (id, agreement_id, number, effective_date, terms, reason, proposed_by_organisation,
                               proposed_at, state)
SELECT gen_random_uuid(), id, 1, NULL, '[]'::jsonb, NULL, created_by_organisation, created_at, 'PROPOSED'
FROM agreement;

-- Signatory name and title are personal data: never on events, audited when read.
CREATE TABLE agreement_signature (
    version_id      uuid         NOT NULL REFERENCES agreement_version (id),
    position        int          NOT NULL,
    party           varchar(2)   NOT NULL,
    signatory_name  varchar(200) NOT NULL,
    signatory_title varchar(200),
    signed_at       timestamptz  NOT NULL,
    recorded_by     varchar(200) NOT NULL,
    PRIMARY KEY (version_id, position),
    UNIQUE (version_id, party)
);

CREATE TABLE agreement_completion_declaration (
    agreement_id uuid       NOT NULL REFERENCES agreement (id),
    party        varchar(2) NOT NULL,
    PRIMARY KEY (agreement_id, party)
);

-- The ledger: the latest state of each transfer (highest sequence wins) and its counts per term.
CREATE TABLE ledger_transfer (
    transfer_id   uuid PRIMARY KEY,
    agreement_id  uuid        NOT NULL,
    sequence      bigint      NOT NULL,
    state         varchar(30) NOT NULL,
    from_party    varchar(2)  NOT NULL,
    to_party      varchar(2)  NOT NULL,
    time_zone     varchar(64) NOT NULL,
    dispatched_at timestamptz,
    received_at   timestamptz,
    receipt_date  date,
    last_event    jsonb       NOT NULL,
    updated_at    timestamptz NOT NULL
);
CREATE INDEX ledger_transfer_agreement ON ledger_transfer (agreement_id);

CREATE TABLE ledger_entry (
    transfer_id uuid NOT NULL REFERENCES ledger_transfer (transfer_id) ON DELETE CASCADE,
    term_id     uuid NOT NULL,
    declared    int  NOT NULL,
    dispatched  int  NOT NULL,
    received    int  NOT NULL,
    PRIMARY KEY (transfer_id, term_id)
);
CREATE INDEX ledger_entry_term ON ledger_entry (term_id);

-- Flags already announced by an event (a term fulfilled, a reciprocal balance out of tolerance), so that
-- each change is announced once.
CREATE TABLE ledger_flag (
    agreement_id uuid        NOT NULL,
    term_id      uuid        NOT NULL,
    kind         varchar(30) NOT NULL,
    PRIMARY KEY (agreement_id, term_id, kind)
);
