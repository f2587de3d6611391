-- What a DNA candidate rests on (table and its SHA-256, mutation model and rates, theta, prior, loci, engine
-- version), each of the family's references compared on its own (LR and inconsistent loci), and the
-- undisputed rule's clauses it failed. Candidates computed before this version have no basis until the
-- matching computes them again.
ALTER TABLE kinship_candidate ADD COLUMN basis jsonb;
ALTER TABLE kinship_candidate ADD COLUMN reference_checks jsonb NOT NULL DEFAULT '[]';
ALTER TABLE kinship_candidate ADD COLUMN disputed_because jsonb NOT NULL DEFAULT '[]';
