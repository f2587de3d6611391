-- Lineage markers (#31, DESIGN.md 7): a Y-STR haplotype of remains, or of a male reference of the missing man's
-- paternal line with his place on it. Calls are sealed locus by locus with the profile key, like the STR
-- genotypes; locus names stay readable. One haplotype per subject and method; it goes with its case or donor.
CREATE TABLE lineage_profile (
    id                       uuid PRIMARY KEY,
    method                   varchar(10)  NOT NULL CHECK (method IN ('Y_STR')),
    subject_kind             varchar(10)  NOT NULL CHECK (subject_kind IN ('CASE', 'DONOR')),
    subject_id               uuid         NOT NULL,
    party                    varchar(2)   NOT NULL,
    sample_id                varchar(64)  NOT NULL,
    markers                  jsonb        NOT NULL,
    marker_count             integer      NOT NULL,
    -- A donor's place on the missing man's paternal line (FATHER, BROTHER, PATERNAL_UNCLE...); none for remains.
    paternal_line            varchar(30),
    recorded_by              varchar(200) NOT NULL,
    recorded_by_organisation varchar(100) NOT NULL,
    recorded_at              timestamptz  NOT NULL,
    version                  bigint       NOT NULL,
    case_id uuid GENERATED ALWAYS AS (CASE WHEN subject_kind = 'CASE' THEN subject_id END) STORED
        REFERENCES remains_case (id) ON DELETE CASCADE,
    donor_id uuid GENERATED ALWAYS AS (CASE WHEN subject_kind = 'DONOR' THEN subject_id END) STORED
        REFERENCES family_donor (id) ON DELETE CASCADE,
    UNIQUE (subject_kind, subject_id, method),
    CHECK ((subject_kind = 'DONOR') = (paternal_line IS NOT NULL))
);
CREATE INDEX lineage_profile_donor ON lineage_profile (donor_id) WHERE donor_id IS NOT NULL;

-- A candidate's ratio is the autosomal one times its lineage part where there is one; the rule's margins weigh
-- the autosomal ratio alone against a rival who may be of the same line, so it is kept beside the product.
ALTER TABLE kinship_candidate ADD COLUMN autosomal_lr double precision;
UPDATE kinship_candidate SET autosomal_lr = lr;
ALTER TABLE kinship_candidate ALTER COLUMN autosomal_lr SET NOT NULL;
ALTER TABLE kinship_candidate ADD COLUMN lineage jsonb;
