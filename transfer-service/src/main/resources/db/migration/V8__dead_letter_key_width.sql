-- The platform's dead-letter recorder keeps a record's key up to 500 characters (cut beyond, with a mark):
-- this service's column was narrower, so a key of 201 to 500 characters was refused and stalled the
-- recorder (a dead letter is retried until it is stored).
ALTER TABLE dead_letter ALTER COLUMN record_key TYPE varchar(500);
