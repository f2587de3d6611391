-- A missing person's sex as reported (MALE, FEMALE; null: unknown, which never excludes a match).
ALTER TABLE missing_person ADD COLUMN sex varchar(6);
-- What a DNA profile's Amelogenin and Y markers say of its source's sex (Y_PRESENT, X_ONLY, NOT_TYPED).
ALTER TABLE dna_profile ADD COLUMN dna_sex varchar(10) NOT NULL DEFAULT 'NOT_TYPED';
-- A DNA candidate's sex comparison (CONSISTENT, NOT_COMPARED, X_ONLY_AGAINST_A_MAN, Y_AGAINST_A_WOMAN).
ALTER TABLE kinship_candidate ADD COLUMN sex_comparison varchar(30) NOT NULL DEFAULT 'NOT_COMPARED';
