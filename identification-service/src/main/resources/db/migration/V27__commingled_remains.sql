-- Commingled remains (#32, DESIGN.md 7): one received item split into several individuals, each a case of its own
-- linked to the item (individual 1 is the case the item opened; its claims are copied to the others, never
-- rewritten), and fragments of one person joined into one case (the other closes as JOINED). Bodies claimed, items
-- received and individuals established are three numbers.
ALTER TABLE remains_case ADD COLUMN individual integer NOT NULL DEFAULT 1 CHECK (individual >= 1);
ALTER TABLE remains_case ADD COLUMN split_from uuid REFERENCES remains_case (id) ON DELETE SET NULL;
ALTER TABLE remains_case ADD COLUMN joined_into uuid REFERENCES remains_case (id) ON DELETE SET NULL;
ALTER TABLE remains_case DROP CONSTRAINT remains_case_item_id_key;
ALTER TABLE remains_case ADD CONSTRAINT remains_case_item_individual UNIQUE (item_id, individual);
-- A sub-tag is the item's tag and the individual's number.
ALTER TABLE remains_case ALTER COLUMN tag TYPE varchar(80);

-- A split or a join, proposed by one examiner and decided by a second of the same laboratory.
CREATE TABLE commingling_proposal (
    id                uuid PRIMARY KEY,
    case_id           uuid          NOT NULL REFERENCES remains_case (id) ON DELETE CASCADE,
    kind              varchar(10)   NOT NULL CHECK (kind IN ('SPLIT', 'JOIN')),
    individuals       integer       CHECK (individuals BETWEEN 2 AND 50),
    fragment_case_id  uuid          REFERENCES remains_case (id) ON DELETE CASCADE,
    reason            varchar(2000) NOT NULL,
    reassociation     varchar(1000),
    proposed_by       varchar(200)  NOT NULL,
    proposed_by_name  varchar(200),
    organisation      varchar(100)  NOT NULL,
    proposed_at       timestamptz   NOT NULL,
    status            varchar(20)   NOT NULL,
    decided_by        varchar(200),
    decided_by_name   varchar(200),
    decided_at        timestamptz,
    decision_reason   varchar(1000),
    version           bigint        NOT NULL,
    CHECK ((kind = 'SPLIT' AND individuals IS NOT NULL AND fragment_case_id IS NULL)
        OR (kind = 'JOIN' AND individuals IS NULL AND fragment_case_id IS NOT NULL))
);
CREATE INDEX commingling_proposal_case ON commingling_proposal (case_id, proposed_at);
CREATE INDEX commingling_proposal_fragment ON commingling_proposal (fragment_case_id) WHERE fragment_case_id IS NOT NULL;
-- At most one split or join awaits its decision per case.
CREATE UNIQUE INDEX commingling_proposal_pending ON commingling_proposal (case_id) WHERE status = 'PROPOSED';
