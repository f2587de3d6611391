-- Closing a case as not a national (or as unidentifiable with a candidate found) and revoking a confirmed
-- identification are proposed by one examiner and decided by a second, like identifications.
CREATE TABLE case_closure_proposal (
    id              uuid PRIMARY KEY,
    case_id         uuid          NOT NULL REFERENCES remains_case (id),
    kind            varchar(20)   NOT NULL,
    reason          varchar(1000) NOT NULL,
    proposed_by     varchar(200)  NOT NULL,
    organisation    varchar(100)  NOT NULL,
    proposed_at     timestamptz   NOT NULL,
    status          varchar(20)   NOT NULL,
    decided_by      varchar(200),
    decided_at      timestamptz,
    decision_reason varchar(1000),
    version         bigint        NOT NULL
);
CREATE INDEX case_closure_proposal_case ON case_closure_proposal (case_id, proposed_at);
-- At most one closure awaits its decision per case.
CREATE UNIQUE INDEX case_closure_proposal_pending ON case_closure_proposal (case_id) WHERE status = 'PROPOSED';

-- A revoked identification the family had been told of (or whose remains it received): tell them again.
ALTER TABLE remains_case ADD COLUMN family_to_be_told_again boolean NOT NULL DEFAULT false;
