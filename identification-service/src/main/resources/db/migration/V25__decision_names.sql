-- The names of the examiners who propose and decide, as their tokens state them (the standard name claim),
-- beside their subjects: a kinship report a court reads names people, not identity-provider ids. Rows from
-- before carry the subject, which is all that was known.
ALTER TABLE identification_proposal ADD COLUMN proposed_by_name varchar(200), ADD COLUMN decided_by_name varchar(200);
ALTER TABLE case_closure_proposal ADD COLUMN proposed_by_name varchar(200), ADD COLUMN decided_by_name varchar(200);
UPDATE identification_proposal SET proposed_by_name = proposed_by, decided_by_name = decided_by;
UPDATE case_closure_proposal SET proposed_by_name = proposed_by, decided_by_name = decided_by;
