-- Remains cases: one per remains item that arrived (DESIGN.md 6, 7). Claims as the sender made them and
-- the identity examiners establish are separate columns, and the claims are never updated.

CREATE TABLE remains_case (
    id                           uuid PRIMARY KEY,
    item_id                      uuid         NOT NULL UNIQUE,
    item_sequence                integer      NOT NULL,
    transfer_id                  uuid         NOT NULL,
    agreement_id                 uuid         NOT NULL,
    term_id                      uuid,
    from_party                   varchar(2)   NOT NULL,
    to_party                     varchar(2)   NOT NULL,
    origin                       varchar(20)  NOT NULL,
    tag                          varchar(64)  NOT NULL,
    received_at                  timestamptz  NOT NULL,
    received_on                  date         NOT NULL,
    claimed_category             varchar(20),
    claimed_nationality          varchar(2),
    claimed_surname              varchar(200),
    claimed_first_names          varchar(200),
    claimed_patronymic           varchar(200),
    claimed_rank                 varchar(100),
    claimed_date_of_birth        date,
    claimed_service_number       varchar(64),
    claimed_recovery_place       varchar(500),
    claimed_recovery_date        date,
    claimed_personal_effects     varchar(2000),
    status                       varchar(30)  NOT NULL,
    assigned_organisation        varchar(100),
    opened_at                    timestamptz  NOT NULL,
    profiled_at                  timestamptz,
    established_surname          varchar(200),
    established_first_names      varchar(200),
    established_patronymic       varchar(200),
    established_date_of_birth    date,
    established_nationality      varchar(2),
    established_service_number   varchar(64),
    identification_id            uuid,
    identification_method        varchar(20),
    identified_at                timestamptz,
    returned_to                  varchar(20),
    returned_recipient           varchar(500),
    returned_place               varchar(500),
    returned_at                  timestamptz,
    event_sequence               bigint       NOT NULL,
    version                      bigint       NOT NULL
);
CREATE INDEX remains_case_transfer ON remains_case (transfer_id);
CREATE INDEX remains_case_agreement ON remains_case (agreement_id);
CREATE INDEX remains_case_assigned ON remains_case (assigned_organisation, received_on DESC);
CREATE INDEX remains_case_parties ON remains_case (to_party, from_party, received_on DESC);
CREATE INDEX remains_case_identified_at ON remains_case (identified_at) WHERE identified_at IS NOT NULL;

-- Who besides the two parties and the laboratory may see a case: the transfer's mediators and escort.
CREATE TABLE remains_case_organisation (
    case_id         uuid         NOT NULL REFERENCES remains_case (id),
    organisation_id varchar(100) NOT NULL,
    PRIMARY KEY (case_id, organisation_id)
);
CREATE INDEX remains_case_organisation_id ON remains_case_organisation (organisation_id);

-- Every change of status and assignment, in order. Append-only.
CREATE TABLE case_history (
    id                 bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    case_id            uuid         NOT NULL REFERENCES remains_case (id),
    kind               varchar(20)  NOT NULL,
    from_value         varchar(100),
    to_value           varchar(100),
    reason             varchar(1000),
    actor_subject      varchar(200) NOT NULL,
    actor_organisation varchar(100) NOT NULL,
    occurred_at        timestamptz  NOT NULL
);
CREATE INDEX case_history_case ON case_history (case_id, id);
REVOKE UPDATE, DELETE, TRUNCATE ON case_history FROM ${app_role};

-- Examinations: what an examiner found, by which method. Append-only: a correction is a new examination.
CREATE TABLE examination (
    id                     uuid PRIMARY KEY,
    case_id                uuid          NOT NULL REFERENCES remains_case (id),
    kind                   varchar(30)   NOT NULL,
    examiner               varchar(200)  NOT NULL,
    examined_on            date          NOT NULL,
    method                 varchar(500)  NOT NULL,
    findings               varchar(10000) NOT NULL,
    recorded_by            varchar(200)  NOT NULL,
    recorded_by_organisation varchar(100) NOT NULL,
    recorded_at            timestamptz   NOT NULL
);
CREATE INDEX examination_case ON examination (case_id, recorded_at);
REVOKE UPDATE, DELETE, TRUNCATE ON examination FROM ${app_role};

-- The chain of custody of the remains and of every sample taken from them: each entry says who held the
-- item, where, from when (until the next entry of the same item). Append-only, enforced here.
CREATE TABLE custody_entry (
    id                     uuid PRIMARY KEY,
    case_id                uuid          NOT NULL REFERENCES remains_case (id),
    position               integer       NOT NULL,
    item                   varchar(64)   NOT NULL,
    sample_type            varchar(200),
    held_by                varchar(200)  NOT NULL,
    location               varchar(500)  NOT NULL,
    held_from              timestamptz   NOT NULL,
    recorded_by            varchar(200)  NOT NULL,
    recorded_by_organisation varchar(100) NOT NULL,
    recorded_at            timestamptz   NOT NULL,
    UNIQUE (case_id, position)
);
REVOKE UPDATE, DELETE, TRUNCATE ON custody_entry FROM ${app_role};

-- Identifications as proposed by one examiner and decided by another of the same organisation.
CREATE TABLE identification_proposal (
    id                         uuid PRIMARY KEY,
    case_id                    uuid          NOT NULL REFERENCES remains_case (id),
    method                     varchar(20)   NOT NULL,
    evidence                   varchar(10000) NOT NULL,
    established_surname        varchar(200)  NOT NULL,
    established_first_names    varchar(200),
    established_patronymic     varchar(200),
    established_date_of_birth  date,
    established_nationality    varchar(2)    NOT NULL,
    established_service_number varchar(64),
    proposed_by                varchar(200)  NOT NULL,
    organisation               varchar(100)  NOT NULL,
    proposed_at                timestamptz   NOT NULL,
    status                     varchar(20)   NOT NULL,
    decided_by                 varchar(200),
    decided_at                 timestamptz,
    decision_reason            varchar(1000),
    version                    bigint        NOT NULL
);
CREATE INDEX identification_proposal_case ON identification_proposal (case_id, proposed_at);

-- That a family was told: by whom, when and how.
CREATE TABLE family_notification (
    id                       uuid PRIMARY KEY,
    case_id                  uuid         NOT NULL REFERENCES remains_case (id),
    told_by                  varchar(200) NOT NULL,
    told_at                  timestamptz  NOT NULL,
    means                    varchar(20)  NOT NULL,
    recorded_by              varchar(200) NOT NULL,
    recorded_by_organisation varchar(100) NOT NULL,
    recorded_at              timestamptz  NOT NULL
);
CREATE INDEX family_notification_case ON family_notification (case_id);
REVOKE UPDATE, DELETE, TRUNCATE ON family_notification FROM ${app_role};
