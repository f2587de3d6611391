-- Exchange lists, round by round, per prisoner-exchange term (#29). The detaining party (the term's fromParty)
-- offers prisoners it holds; the receiving party (toParty) requests persons; requests are matched to offers
-- across scripts; the escorting intermediary verifies identity and free will. Personal data: read by the two
-- parties' coordinators and the agreement's intermediaries, each read audited.
ALTER TABLE held_prisoner ADD COLUMN released_on date;
ALTER TABLE held_prisoner ADD CONSTRAINT held_prisoner_released_on CHECK ((status = 'RELEASED') = (released_on IS NOT NULL));

CREATE TABLE exchange_list (
    id                        uuid PRIMARY KEY,
    agreement_id              uuid          NOT NULL,
    term_id                   uuid          NOT NULL UNIQUE,
    detaining_party           varchar(2)    NOT NULL,
    receiving_party           varchar(2)    NOT NULL,
    category                  varchar(40)   NOT NULL,
    custom_category           varchar(100),
    reference_date            date          NOT NULL,
    round                     integer       NOT NULL,
    event_sequence            bigint        NOT NULL DEFAULT 0,
    opened_by_organisation    varchar(100)  NOT NULL,
    opened_at                 timestamptz   NOT NULL,
    version                   bigint        NOT NULL
);
CREATE INDEX exchange_list_agreement ON exchange_list (agreement_id);

CREATE TABLE exchange_entry (
    id                        uuid PRIMARY KEY,
    list_id                   uuid          NOT NULL REFERENCES exchange_list (id),
    kind                      varchar(10)   NOT NULL CHECK (kind IN ('OFFER', 'REQUEST')),
    round                     integer       NOT NULL,
    prisoner_id               uuid          REFERENCES held_prisoner (id),
    surname                   varchar(200),
    first_names               varchar(200),
    patronymic                varchar(200),
    name_script               varchar(4),
    name_language             varchar(2),
    birth_year                integer,
    birth_month               integer,
    birth_day                 integer,
    service_number            varchar(64),
    surname_key               text          NOT NULL,
    given_name_key            text          NOT NULL,
    service_number_key        varchar(64),
    matched_entry_id          uuid          REFERENCES exchange_entry (id),
    status                    varchar(30)   NOT NULL,
    reason                    varchar(1000),
    created_by_organisation   varchar(100)  NOT NULL,
    created_at                timestamptz   NOT NULL,
    version                   bigint        NOT NULL,
    CHECK ((kind = 'OFFER') = (prisoner_id IS NOT NULL)),
    CHECK (kind = 'OFFER' OR surname IS NOT NULL)
);
CREATE INDEX exchange_entry_list ON exchange_entry (list_id, kind, status);
-- A prisoner is offered once per list.
CREATE UNIQUE INDEX exchange_entry_offer_once ON exchange_entry (list_id, prisoner_id) WHERE prisoner_id IS NOT NULL;

-- Every change of an entry's status, with its reason, who made it and in which round: append-only.
CREATE TABLE exchange_entry_history (
    id                 bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    entry_id           uuid          NOT NULL REFERENCES exchange_entry (id),
    round              integer       NOT NULL,
    from_status        varchar(30),
    to_status          varchar(30)   NOT NULL,
    reason             varchar(1000),
    actor_subject      varchar(200)  NOT NULL,
    actor_organisation varchar(100)  NOT NULL,
    occurred_at        timestamptz   NOT NULL
);
CREATE INDEX exchange_entry_history_entry ON exchange_entry_history (entry_id, id);
REVOKE UPDATE, DELETE, TRUNCATE ON exchange_entry_history FROM ${app_role};

-- A request that probably (or conflictingly) names an offered prisoner: the detaining party decides.
CREATE TABLE exchange_match_review (
    id             uuid PRIMARY KEY,
    list_id        uuid          NOT NULL REFERENCES exchange_list (id),
    request_id     uuid          NOT NULL REFERENCES exchange_entry (id),
    offer_id       uuid          NOT NULL REFERENCES exchange_entry (id),
    outcome        varchar(20)   NOT NULL,
    reasons        varchar(1000) NOT NULL,
    status         varchar(20)   NOT NULL CHECK (status IN ('OPEN', 'CONFIRMED', 'REJECTED', 'SUPERSEDED')),
    opened_at      timestamptz   NOT NULL,
    decided_by     varchar(200),
    decided_at     timestamptz,
    version        bigint        NOT NULL
);
CREATE INDEX exchange_match_review_list ON exchange_match_review (list_id, status);
CREATE UNIQUE INDEX exchange_match_review_pair ON exchange_match_review (request_id, offer_id);
