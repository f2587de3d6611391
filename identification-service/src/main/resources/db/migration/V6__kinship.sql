-- DNA kinship (DESIGN.md 7): STR profiles of remains and of family reference donors, the background
-- matching's job table, and what it found. Genotypes are encrypted at rest locus by locus (AES-GCM, key
-- from configuration); locus names stay readable so a profile's completeness can be queried.

CREATE TABLE dna_profile (
    id                       uuid PRIMARY KEY,
    subject_kind             varchar(10)  NOT NULL CHECK (subject_kind IN ('CASE', 'DONOR')),
    subject_id               uuid         NOT NULL,
    -- The party whose remains or register the profile belongs to: matching never crosses parties.
    party                    varchar(2)   NOT NULL,
    sample_id                varchar(64)  NOT NULL,
    loci                     jsonb        NOT NULL,
    locus_count              integer      NOT NULL,
    recorded_by              varchar(200) NOT NULL,
    recorded_by_organisation varchar(100) NOT NULL,
    recorded_at              timestamptz  NOT NULL,
    version                  bigint       NOT NULL,
    UNIQUE (subject_kind, subject_id)
);
CREATE INDEX dna_profile_party ON dna_profile (party, subject_kind);

-- Bumped in the transaction that changes a party's references or post-mortem profiles, so every replica
-- knows when its in-memory search index is stale.
CREATE TABLE kinship_generation (
    party        varchar(2)  NOT NULL,
    subject_kind varchar(10) NOT NULL,
    generation   bigint      NOT NULL,
    PRIMARY KEY (party, subject_kind)
);

-- Work for the background matching: a new post-mortem profile (CASE) or a family whose references changed
-- (PERSON). Claimed with SKIP LOCKED, deleted in the transaction that stores its results.
CREATE TABLE kinship_job (
    id          uuid PRIMARY KEY,
    kind        varchar(10) NOT NULL CHECK (kind IN ('CASE', 'PERSON')),
    subject_id  uuid        NOT NULL,
    party       varchar(2)  NOT NULL,
    enqueued_at timestamptz NOT NULL,
    attempts    integer     NOT NULL DEFAULT 0,
    last_error  varchar(300),
    UNIQUE (kind, subject_id)
);
CREATE INDEX kinship_job_queue ON kinship_job (enqueued_at);

-- Remains x missing person at or above the reporting threshold, from the family's references as they were
-- when computed (the donors it rests on are listed, so a withdrawal of consent erases it).
CREATE TABLE kinship_candidate (
    id             uuid PRIMARY KEY,
    case_id        uuid             NOT NULL REFERENCES remains_case (id),
    person_id      uuid             NOT NULL REFERENCES missing_person (id),
    party          varchar(2)       NOT NULL,
    reference      varchar(40)      NOT NULL,
    donor_ids      jsonb            NOT NULL,
    lr             double precision NOT NULL,
    log10_lr       double precision NOT NULL,
    -- Sealed like the genotypes: an identity ratio 1/(2 p_a p_b) all but names the alleles.
    per_locus      text             NOT NULL,
    loci_compared  integer          NOT NULL,
    prior          double precision NOT NULL,
    posterior      double precision NOT NULL,
    rank_in_case   integer          NOT NULL,
    undisputed     boolean          NOT NULL,
    method         varchar(40)      NOT NULL,
    computed_at    timestamptz      NOT NULL,
    UNIQUE (case_id, person_id)
);
CREATE INDEX kinship_candidate_person ON kinship_candidate (person_id);

-- Two cases whose profiles match as one person (commingled remains): proposed for re-association.
CREATE TABLE reassociation_candidate (
    id            uuid PRIMARY KEY,
    case_id       uuid             NOT NULL REFERENCES remains_case (id),
    other_case_id uuid             NOT NULL REFERENCES remains_case (id),
    party         varchar(2)       NOT NULL,
    lr            double precision NOT NULL,
    loci_compared integer          NOT NULL,
    computed_at   timestamptz      NOT NULL,
    CHECK (case_id < other_case_id),
    UNIQUE (case_id, other_case_id)
);
CREATE INDEX reassociation_other ON reassociation_candidate (other_case_id);

-- A proposal may rest on a kinship candidate: the evidence is attached by reference.
ALTER TABLE identification_proposal ADD COLUMN kinship_candidate_id uuid;
