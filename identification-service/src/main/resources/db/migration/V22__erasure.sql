-- Erasure past retention by two operators (#28), replacing the hand-written SQL of the runbook. The database,
-- not the application, decides what is past its retention: the periods are the owner's (retention_period), the
-- times they run from are set by the database when a status changes, and the erasing functions check both.

-- How long a closed subject is kept. Changed only by the schema's owner (a legal decision, not a setting of the
-- application, which may read it).
CREATE TABLE retention_period (
    subject  varchar(20) PRIMARY KEY,
    kept_for interval     NOT NULL CHECK (kept_for >= interval '1 year')
);
INSERT INTO retention_period (subject, kept_for) VALUES ('CASE', interval '10 years'),
    ('REGISTER_ENTRY', interval '10 years');
REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON retention_period FROM ${app_role};

-- When a case or an entry reached its status, on the database's clock and never as a client states it (a
-- return recorded as of 2010 must not make a case due at once). Rows closed before this migration are dated
-- today: their retention starts late rather than early.
CREATE FUNCTION status_since_on_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF NEW.status IS DISTINCT FROM OLD.status THEN
        NEW.status_since := now();
    ELSE
        NEW.status_since := OLD.status_since;
    END IF;
    RETURN NEW;
END $$;
ALTER TABLE missing_person ADD COLUMN status_since timestamptz NOT NULL DEFAULT now();
CREATE TRIGGER missing_person_status_changed BEFORE UPDATE ON missing_person
    FOR EACH ROW EXECUTE FUNCTION status_since_on_change();
CREATE INDEX missing_person_closed_since ON missing_person (status_since)
    WHERE status IN ('RELEASED', 'IDENTIFIED_DEAD', 'FOUND_ALIVE');
ALTER TABLE remains_case ADD COLUMN status_since timestamptz NOT NULL DEFAULT now();
CREATE TRIGGER remains_case_status_changed BEFORE UPDATE ON remains_case
    FOR EACH ROW EXECUTE FUNCTION status_since_on_change();
CREATE INDEX remains_case_returned_since ON remains_case (status_since) WHERE status = 'RETURNED';

-- What is past its retention now: closed, and closed longer ago than its period.
CREATE VIEW erasure_due AS
    SELECT 'CASE'::varchar(20) AS subject, c.id, c.status_since + r.kept_for AS due_since
    FROM remains_case c JOIN retention_period r ON r.subject = 'CASE'
    WHERE c.status = 'RETURNED' AND c.status_since + r.kept_for <= now()
    UNION ALL
    SELECT 'REGISTER_ENTRY', p.id, p.status_since + r.kept_for
    FROM missing_person p JOIN retention_period r ON r.subject = 'REGISTER_ENTRY'
    WHERE p.status IN ('RELEASED', 'IDENTIFIED_DEAD', 'FOUND_ALIVE') AND p.status_since + r.kept_for <= now();

-- An erasure asked by one operator and carried out when a second one confirms it.
CREATE TABLE erasure_request (
    id               uuid PRIMARY KEY,
    subject_kind     varchar(20)   NOT NULL,
    subject_id       uuid          NOT NULL,
    reason           varchar(1000) NOT NULL,
    status           varchar(20)   NOT NULL,
    requested_by     varchar(200)  NOT NULL,
    requested_at     timestamptz   NOT NULL,
    confirmed_by     varchar(200),
    withdrawn_by     varchar(200),
    done_at          timestamptz,
    version          bigint        NOT NULL,
    CHECK (confirmed_by IS NULL OR confirmed_by <> requested_by)
);
CREATE UNIQUE INDEX erasure_request_one_open ON erasure_request (subject_kind, subject_id) WHERE status = 'REQUESTED';
REVOKE DELETE, TRUNCATE ON erasure_request FROM ${app_role};

-- The application role may not delete a case's history, examinations, custody or the families told (they are
-- append-only to it). These functions run with the owner's rights and erase exactly one subject that is past
-- its retention, with everything recorded about it, and nothing else. Their search path puts pg_temp last, so
-- a temporary table of the caller can never stand in for one of these tables.
CREATE FUNCTION erase_returned_case(p_case uuid) RETURNS integer LANGUAGE plpgsql SECURITY DEFINER
    SET search_path = pg_catalog, public, pg_temp AS $$
BEGIN
    PERFORM 1 FROM public.remains_case WHERE id = p_case FOR UPDATE;
    PERFORM 1 FROM public.erasure_due WHERE subject = 'CASE' AND id = p_case;
    IF NOT FOUND THEN
        RETURN 0;
    END IF;
    DELETE FROM public.family_notification WHERE case_id = p_case;
    DELETE FROM public.identification_proposal WHERE case_id = p_case;
    DELETE FROM public.case_closure_proposal WHERE case_id = p_case;
    DELETE FROM public.examination WHERE case_id = p_case;
    DELETE FROM public.custody_entry WHERE case_id = p_case;
    DELETE FROM public.case_history WHERE case_id = p_case;
    DELETE FROM public.remains_case_organisation WHERE case_id = p_case;
    -- Its DNA profile, candidates, re-associations and queued jobs follow by ON DELETE CASCADE (V18).
    DELETE FROM public.remains_case WHERE id = p_case;
    RETURN 1;
END $$;

-- An entry goes with the entries merged into it (the same person's earlier entries, at any depth), their
-- reports, donors and decided reviews. Refused (-1) while work still waits on any of them: an open review (of
-- another entry too, whose candidate he is) or an undecided prisoner check; those are settled first. A decided
-- prisoner check keeps its row without naming him. The entries are deleted one by one, the deepest merged
-- first, so that each one's trigger (V18) queues only relatives still there.
CREATE FUNCTION erase_closed_register_entry(p_person uuid) RETURNS integer LANGUAGE plpgsql SECURITY DEFINER
    SET search_path = pg_catalog, public, pg_temp AS $$
DECLARE
    entries uuid[];
    entry uuid;
BEGIN
    PERFORM 1 FROM public.missing_person WHERE id = p_person FOR UPDATE;
    PERFORM 1 FROM public.erasure_due WHERE subject = 'REGISTER_ENTRY' AND id = p_person;
    IF NOT FOUND THEN
        RETURN 0;
    END IF;
    WITH RECURSIVE merged(id, depth) AS (
        SELECT p_person, 0
        UNION SELECT m.id, merged.depth + 1 FROM public.missing_person m JOIN merged ON m.merged_into = merged.id)
    SELECT array_agg(id ORDER BY depth DESC) INTO entries FROM merged;
    IF EXISTS (SELECT 1 FROM public.linkage_review WHERE status = 'OPEN'
                   AND (entry_id = ANY (entries) OR candidate_id = ANY (entries)))
       OR EXISTS (SELECT 1 FROM public.prisoner_check WHERE status = 'AWAITING_DECISION'
                   AND person_id = ANY (entries)) THEN
        RETURN -1;
    END IF;
    UPDATE public.prisoner_check SET person_id = NULL WHERE person_id = ANY (entries);
    DELETE FROM public.family_donor WHERE person_id = ANY (entries);
    DELETE FROM public.linkage_review WHERE entry_id = ANY (entries) OR candidate_id = ANY (entries);
    DELETE FROM public.person_report WHERE person_id = ANY (entries) OR original_person_id = ANY (entries);
    FOREACH entry IN ARRAY entries LOOP
        DELETE FROM public.missing_person WHERE id = entry;
    END LOOP;
    RETURN array_length(entries, 1);
END $$;

REVOKE ALL ON FUNCTION erase_returned_case(uuid) FROM PUBLIC;
REVOKE ALL ON FUNCTION erase_closed_register_entry(uuid) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION erase_returned_case(uuid) TO ${app_role};
GRANT EXECUTE ON FUNCTION erase_closed_register_entry(uuid) TO ${app_role};
