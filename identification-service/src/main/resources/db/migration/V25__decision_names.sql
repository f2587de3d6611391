-- The names of the examiners who propose and decide, as their tokens state them (the standard name claim),
-- beside their subjects: a kinship report a court reads names people, not identity-provider ids. Null where a
-- token named nobody, and for the rows from before (what their names were is not known).
ALTER TABLE identification_proposal ADD COLUMN proposed_by_name varchar(200), ADD COLUMN decided_by_name varchar(200);
ALTER TABLE case_closure_proposal ADD COLUMN proposed_by_name varchar(200), ADD COLUMN decided_by_name varchar(200);
