-- A post-mortem sample marked degraded carries its allele drop-out probability: one allele read may then
-- hide a second that did not show (the kinship engine's Observation). 0 is a profile read exactly.
ALTER TABLE dna_profile ADD COLUMN dropout double precision NOT NULL DEFAULT 0
    CHECK (dropout >= 0 AND dropout <= 0.9);
