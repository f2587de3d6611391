CREATE TABLE transfer (
    id                      uuid PRIMARY KEY,
    agreement_id            uuid         NOT NULL,
    term_ids                jsonb        NOT NULL,
    kind                    varchar(20)  NOT NULL,
    from_party              varchar(2)   NOT NULL,
    to_party                varchar(2)   NOT NULL,
    escort_organisation     varchar(100),
    handover_name           varchar(200) NOT NULL,
    handover_latitude       double precision,
    handover_longitude      double precision,
    handover_time_zone      varchar(64)  NOT NULL,
    scheduled_at            timestamptz  NOT NULL,
    state                   varchar(30)  NOT NULL,
    status_reason           varchar(500),
    planned_by_organisation varchar(100) NOT NULL,
    created_at              timestamptz  NOT NULL,
    event_sequence          bigint       NOT NULL,
    version                 bigint       NOT NULL
);
CREATE INDEX transfer_agreement ON transfer (agreement_id);
CREATE INDEX transfer_parties ON transfer (from_party, to_party);
CREATE INDEX transfer_scheduled_at ON transfer (scheduled_at DESC);

-- Who may see a transfer besides its two parties: the escort, and the agreement's mediators at planning.
CREATE TABLE transfer_organisation (
    transfer_id     uuid         NOT NULL REFERENCES transfer (id),
    organisation_id varchar(100) NOT NULL,
    PRIMARY KEY (transfer_id, organisation_id)
);
CREATE INDEX transfer_organisation_id ON transfer_organisation (organisation_id);
