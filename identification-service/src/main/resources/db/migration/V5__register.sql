-- The register of the missing (ante-mortem data), family reference donors and identity checks of released
-- prisoners (DESIGN.md 6, 7). Personal data throughout: read by the party's coordinators and laboratories.

CREATE TABLE missing_person (
    id                 uuid PRIMARY KEY,
    status             varchar(20)  NOT NULL,
    party              varchar(2)   NOT NULL,
    category           varchar(20)  NOT NULL,
    surname            varchar(200) NOT NULL,
    first_names        varchar(200),
    patronymic         varchar(200),
    name_script        varchar(4)   NOT NULL,
    name_language      varchar(2),
    birth_year         integer,
    birth_month        integer,
    birth_day          integer,
    service_number     varchar(64),
    service_number_key varchar(64),
    unit               varchar(200),
    circumstances      varchar(2000),
    surname_key        text         NOT NULL,
    given_name_key     text         NOT NULL,
    blocking_prefix    varchar(8)   NOT NULL,
    merged_into        uuid REFERENCES missing_person (id),
    created_at         timestamptz  NOT NULL,
    version            bigint       NOT NULL
);
-- Linkage loads blocks: the surname key's prefix, and the service number, within a party.
CREATE INDEX missing_person_block ON missing_person (party, blocking_prefix);
CREATE INDEX missing_person_service_number ON missing_person (party, service_number_key) WHERE service_number_key IS NOT NULL;
CREATE INDEX missing_person_keys ON missing_person (party, surname_key);
CREATE INDEX missing_person_created ON missing_person (party, created_at DESC);
CREATE INDEX missing_person_merged_into ON missing_person (merged_into) WHERE merged_into IS NOT NULL;

CREATE TABLE register_import (
    id                        uuid PRIMARY KEY,
    party                     varchar(2)   NOT NULL,
    format                    varchar(10)  NOT NULL,
    payload                   text         NOT NULL,
    status                    varchar(20)  NOT NULL,
    total_rows                integer      NOT NULL,
    processed_rows            integer      NOT NULL,
    matched                   integer      NOT NULL,
    to_review                 integer      NOT NULL,
    new_entries               integer      NOT NULL,
    comparisons               bigint       NOT NULL,
    submitted_by_organisation varchar(100) NOT NULL,
    submitted_at              timestamptz  NOT NULL,
    finished_at               timestamptz,
    failure                   varchar(200)
);
CREATE INDEX register_import_waiting ON register_import (submitted_at) WHERE status IN ('QUEUED', 'RUNNING');

-- Every report that contributed, with its provenance; it belongs to the person it matched or created, or
-- to the one a reviewer merged that person into.
CREATE TABLE person_report (
    id                       uuid PRIMARY KEY,
    person_id                uuid          NOT NULL REFERENCES missing_person (id),
    original_person_id       uuid          NOT NULL REFERENCES missing_person (id),
    source                   varchar(30)   NOT NULL,
    source_address           varchar(500),
    reported_on              date,
    surname                  varchar(200)  NOT NULL,
    first_names              varchar(200),
    patronymic               varchar(200),
    script                   varchar(4)    NOT NULL,
    language                 varchar(2),
    date_of_birth            varchar(10),
    service_number           varchar(64),
    unit                     varchar(200),
    circumstances            varchar(2000),
    linkage                  varchar(20)   NOT NULL,
    import_id                uuid REFERENCES register_import (id),
    reported_by_organisation varchar(100)  NOT NULL,
    received_at              timestamptz   NOT NULL
);
CREATE INDEX person_report_person ON person_report (person_id);
CREATE INDEX person_report_original ON person_report (original_person_id);

CREATE TABLE linkage_review (
    id            uuid PRIMARY KEY,
    entry_id      uuid          NOT NULL REFERENCES missing_person (id),
    candidate_id  uuid          NOT NULL REFERENCES missing_person (id),
    party         varchar(2)    NOT NULL,
    outcome       varchar(20)   NOT NULL,
    reasons       varchar(1000) NOT NULL,
    status        varchar(20)   NOT NULL,
    moved_reports jsonb         NOT NULL,
    opened_at     timestamptz   NOT NULL,
    decided_by    varchar(200),
    decided_at    timestamptz,
    version       bigint        NOT NULL
);
CREATE INDEX linkage_review_queue ON linkage_review (party, status, opened_at);
CREATE INDEX linkage_review_entry ON linkage_review (entry_id);
CREATE INDEX linkage_review_candidate ON linkage_review (candidate_id);

CREATE TABLE family_donor (
    id                         uuid PRIMARY KEY,
    person_id                  uuid         NOT NULL REFERENCES missing_person (id),
    relationship               varchar(30),
    donor_name                 varchar(200),
    consent_given_by           varchar(200),
    consent_given_at           timestamptz  NOT NULL,
    consent_use                varchar(500),
    sample_ids                 jsonb        NOT NULL,
    status                     varchar(20)  NOT NULL,
    withdrawn_at               timestamptz,
    registered_by_organisation varchar(100) NOT NULL,
    registered_at              timestamptz  NOT NULL,
    version                    bigint       NOT NULL
);
CREATE INDEX family_donor_person ON family_donor (person_id);

CREATE TABLE prisoner_check (
    id                     uuid PRIMARY KEY,
    item_id                uuid          NOT NULL UNIQUE,
    item_sequence          integer       NOT NULL,
    transfer_id            uuid          NOT NULL,
    agreement_id           uuid          NOT NULL,
    from_party             varchar(2)    NOT NULL,
    to_party               varchar(2)    NOT NULL,
    tag                    varchar(64)   NOT NULL,
    claimed_surname        varchar(200),
    claimed_first_names    varchar(200),
    claimed_patronymic     varchar(200),
    claimed_rank           varchar(100),
    claimed_date_of_birth  date,
    claimed_service_number varchar(64),
    outcome                varchar(20)   NOT NULL,
    agreed                 varchar(1000) NOT NULL,
    person_id              uuid REFERENCES missing_person (id),
    status                 varchar(30)   NOT NULL,
    checked_at             timestamptz   NOT NULL,
    decided_by             varchar(200),
    decided_at             timestamptz,
    event_sequence         bigint        NOT NULL,
    version                bigint        NOT NULL
);
CREATE INDEX prisoner_check_party ON prisoner_check (to_party, checked_at DESC);
CREATE INDEX prisoner_check_transfer ON prisoner_check (transfer_id);
CREATE INDEX prisoner_check_person ON prisoner_check (person_id) WHERE person_id IS NOT NULL;
