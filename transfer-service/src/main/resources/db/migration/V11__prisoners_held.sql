-- Prisoners of war each party holds (#29): its National Information Bureau's records, with the particulars the
-- Third Geneva Convention requires (Art. 17, 70, 122), in the original script, with the folded Latin keys the
-- exchange lists are matched on. Personal data: read by the detaining party's coordinators, each read audited.
CREATE TABLE held_prisoner (
    id                          uuid PRIMARY KEY,
    detaining_party             varchar(2)    NOT NULL,
    party_of_origin             varchar(2)    NOT NULL,
    surname                     varchar(200)  NOT NULL,
    first_names                 varchar(200)  NOT NULL,
    patronymic                  varchar(200),
    name_script                 varchar(4)    NOT NULL,
    name_language               varchar(2),
    date_of_birth               date          NOT NULL,
    place_of_birth              varchar(500),
    rank                        varchar(100)  NOT NULL,
    service_number              varchar(64),
    service_number_key          varchar(64),
    father_first_name           varchar(200),
    mother_maiden_name          varchar(200),
    person_to_inform            varchar(500),
    captured_on                 date          NOT NULL,
    capture_place               varchar(500)  NOT NULL,
    internment_place            varchar(500)  NOT NULL,
    state_of_health             varchar(2000),
    surname_key                 text          NOT NULL,
    given_name_key              text          NOT NULL,
    status                      varchar(20)   NOT NULL CHECK (status IN ('HELD', 'RELEASED', 'DIED')),
    died_on                     date,
    death_place                 varchar(500),
    death_cause                 varchar(2000),
    recorded_by_organisation    varchar(100)  NOT NULL,
    recorded_at                 timestamptz   NOT NULL,
    version                     bigint        NOT NULL,
    CHECK (party_of_origin <> detaining_party),
    CHECK ((status = 'DIED') = (died_on IS NOT NULL))
);
CREATE INDEX held_prisoner_party ON held_prisoner (detaining_party, status, surname_key);
CREATE INDEX held_prisoner_recorded ON held_prisoner (detaining_party, recorded_at);
CREATE INDEX held_prisoner_service_number ON held_prisoner (detaining_party, service_number_key)
    WHERE service_number_key IS NOT NULL;

-- A Mixed Medical Commission's decision (Art. 110, 112) on one prisoner: append-only, the latest one stands.
CREATE TABLE medical_finding (
    id                      uuid PRIMARY KEY,
    prisoner_id             uuid          NOT NULL REFERENCES held_prisoner (id) ON DELETE CASCADE,
    seriously_wounded_or_sick boolean     NOT NULL,
    decided_on              date          NOT NULL,
    commission_reference    varchar(200)  NOT NULL,
    recorded_by             varchar(200)  NOT NULL,
    recorded_at             timestamptz   NOT NULL
);
CREATE INDEX medical_finding_prisoner ON medical_finding (prisoner_id, decided_on DESC, recorded_at DESC);
REVOKE UPDATE, DELETE, TRUNCATE ON medical_finding FROM ${app_role};

-- The counts told on the public topic per detaining party and party of origin, with the sequence of what was
-- told last (absolute counts; latest wins downstream).
CREATE TABLE held_prisoner_counts (
    detaining_party  varchar(2) NOT NULL,
    party_of_origin  varchar(2) NOT NULL,
    sequence         bigint     NOT NULL,
    PRIMARY KEY (detaining_party, party_of_origin)
);
