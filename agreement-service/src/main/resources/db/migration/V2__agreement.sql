CREATE TABLE agreement (
    id                      uuid PRIMARY KEY,
    reference               varchar(64)  NOT NULL,
    title                   varchar(300) NOT NULL,
    concluded_on            date,
    venue                   varchar(200),
    status                  varchar(20)  NOT NULL,
    created_by_organisation varchar(100) NOT NULL,
    created_at              timestamptz  NOT NULL,
    event_sequence          bigint       NOT NULL,
    version                 bigint       NOT NULL
);
CREATE INDEX agreement_created_at ON agreement (created_at DESC);

CREATE TABLE agreement_party (
    agreement_id uuid         NOT NULL REFERENCES agreement (id),
    position     int          NOT NULL,
    code         varchar(2)   NOT NULL,
    name         varchar(200) NOT NULL,
    PRIMARY KEY (agreement_id, position),
    UNIQUE (agreement_id, code)
);
CREATE INDEX agreement_party_code ON agreement_party (code);

CREATE TABLE agreement_organisation (
    agreement_id    uuid         NOT NULL REFERENCES agreement (id),
    position        int          NOT NULL,
    organisation_id varchar(100) NOT NULL,
    role            varchar(20)  NOT NULL,
    PRIMARY KEY (agreement_id, position),
    UNIQUE (agreement_id, organisation_id, role)
);
CREATE INDEX agreement_organisation_id ON agreement_organisation (organisation_id);
