-- A dead letter stored without its payload (the database could not hold it) cannot be re-driven: an operator
-- who has recovered or re-sent the event from its source discards the letter, saying why and who (#28).
ALTER TABLE dead_letter ADD COLUMN discarded_by varchar(200);
ALTER TABLE dead_letter ADD COLUMN discard_reason varchar(500);
