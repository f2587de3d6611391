-- Lineage markers (#31, DESIGN.md 7): a Y-STR haplotype or an mtDNA sequence of remains, or of a reference of the
-- missing person's paternal or maternal line with his place on it. Values are sealed one by one with the profile
-- key, like the STR genotypes (Y-STR calls by locus; an mtDNA sequence's range and variants); their names stay
-- readable. One per subject and method; it goes with its case or donor.
CREATE TABLE lineage_profile (
    id                       uuid PRIMARY KEY,
    method                   varchar(10)  NOT NULL CHECK (method IN ('Y_STR', 'MT_DNA')),
    subject_kind             varchar(10)  NOT NULL CHECK (subject_kind IN ('CASE', 'DONOR')),
    subject_id               uuid         NOT NULL,
    party                    varchar(2)   NOT NULL,
    sample_id                varchar(64)  NOT NULL,
    markers                  jsonb        NOT NULL,
    marker_count             integer      NOT NULL CHECK (marker_count >= 0),
    -- A donor's place on the missing person's paternal line (FATHER, BROTHER...) for Y-STR, or maternal line
    -- (MOTHER, SIBLING...) for mtDNA; none for remains.
    line_place               varchar(30) CHECK (line_place IN ('FATHER', 'SON', 'BROTHER', 'PATERNAL_GRANDFATHER',
        'PATERNAL_UNCLE', 'NEPHEW_BY_A_BROTHER', 'PATERNAL_FIRST_COUSIN', 'MOTHER', 'CHILD_OF_A_MISSING_WOMAN', 'SIBLING',
        'MATERNAL_GRANDMOTHER', 'MATERNAL_UNCLE_OR_AUNT')),
    recorded_by              varchar(200) NOT NULL,
    recorded_by_organisation varchar(100) NOT NULL,
    recorded_at              timestamptz  NOT NULL,
    version                  bigint       NOT NULL,
    case_id uuid GENERATED ALWAYS AS (CASE WHEN subject_kind = 'CASE' THEN subject_id END) STORED
        REFERENCES remains_case (id) ON DELETE CASCADE,
    donor_id uuid GENERATED ALWAYS AS (CASE WHEN subject_kind = 'DONOR' THEN subject_id END) STORED
        REFERENCES family_donor (id) ON DELETE CASCADE,
    UNIQUE (subject_kind, subject_id, method),
    CHECK ((subject_kind = 'DONOR') = (line_place IS NOT NULL))
);
CREATE INDEX lineage_profile_case ON lineage_profile (case_id) WHERE case_id IS NOT NULL;
CREATE INDEX lineage_profile_donor ON lineage_profile (donor_id) WHERE donor_id IS NOT NULL;
CREATE INDEX lineage_profile_party ON lineage_profile (party, subject_kind);

-- A candidate's ratio is the autosomal one times its lineage parts (one per method) where there are any; the rule's
-- margins weigh the autosomal ratio alone against a rival who may be of the same line, so it is kept beside.
ALTER TABLE kinship_candidate ADD COLUMN autosomal_lr double precision;
UPDATE kinship_candidate SET autosomal_lr = lr;
ALTER TABLE kinship_candidate ALTER COLUMN autosomal_lr SET NOT NULL;
ALTER TABLE kinship_candidate ADD COLUMN lineage jsonb NOT NULL DEFAULT '[]';
-- donor_ids is every donor a candidate rests on (a withdrawal erases it); the report shows the genotypes of its
-- autosomal entry's donors only, kept apart.
ALTER TABLE kinship_candidate ADD COLUMN entry_donor_ids jsonb;
UPDATE kinship_candidate SET entry_donor_ids = donor_ids;
ALTER TABLE kinship_candidate ALTER COLUMN entry_donor_ids SET NOT NULL;
