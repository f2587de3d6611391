-- A race lost at commit, as a deadlock found while a deferred check runs: the first two commits of a thing
-- named 'commit-race-...' after the test restarts the sequence are rolled back with 40P01. The sequence counts
-- attempts across the rollbacks (nextval is not undone).
CREATE SEQUENCE commit_race_attempts;
CREATE FUNCTION commit_race() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF NEW.name LIKE 'commit-race-%' AND nextval('commit_race_attempts') <= 2 THEN
        RAISE EXCEPTION 'chosen as the loser at commit' USING ERRCODE = '40P01';
    END IF;
    RETURN NEW;
END $$;
CREATE CONSTRAINT TRIGGER thing_commit_race AFTER INSERT ON thing DEFERRABLE INITIALLY DEFERRED
    FOR EACH ROW EXECUTE FUNCTION commit_race();
