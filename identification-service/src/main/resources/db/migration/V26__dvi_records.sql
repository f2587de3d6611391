-- Identification beyond DNA (#32, DESIGN.md 7): the DVI forms' post-mortem record of a case and ante-mortem record
-- of a missing person, as versions. Each row is the whole record after one recording (the sections it changed are
-- named), so the current record is the latest row and the history is every row. Append-only; the rows go with
-- their case or register entry when those are erased (the erasing functions delete the subjects; these follow).

CREATE TABLE post_mortem_record (
    id                       uuid PRIMARY KEY,
    case_id                  uuid          NOT NULL REFERENCES remains_case (id) ON DELETE CASCADE,
    version                  integer       NOT NULL CHECK (version > 0),
    findings                 jsonb         NOT NULL,
    sections                 jsonb         NOT NULL,
    examination_id           uuid          REFERENCES examination (id) ON DELETE CASCADE,
    recorded_by              varchar(200)  NOT NULL,
    recorded_by_organisation varchar(100)  NOT NULL,
    recorded_at              timestamptz   NOT NULL,
    UNIQUE (case_id, version)
);
REVOKE UPDATE, DELETE, TRUNCATE ON post_mortem_record FROM ${app_role};

CREATE TABLE ante_mortem_record (
    id                       uuid PRIMARY KEY,
    person_id                uuid          NOT NULL REFERENCES missing_person (id) ON DELETE CASCADE,
    party                    varchar(2)    NOT NULL,
    version                  integer       NOT NULL CHECK (version > 0),
    findings                 jsonb         NOT NULL,
    sections                 jsonb         NOT NULL,
    recorded_by              varchar(200)  NOT NULL,
    recorded_by_organisation varchar(100)  NOT NULL,
    recorded_at              timestamptz   NOT NULL,
    UNIQUE (person_id, version)
);
-- The reconciliation reads the latest record of each person of a party.
CREATE INDEX ante_mortem_record_party ON ante_mortem_record (party, person_id, version DESC);
REVOKE UPDATE, DELETE, TRUNCATE ON ante_mortem_record FROM ${app_role};

-- An identification by odontology, fingerprints or combined methods rests on the reconciliation with one person.
ALTER TABLE identification_proposal ADD COLUMN missing_person_id uuid;
