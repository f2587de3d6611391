-- Erasure past retention by two operators (#28), replacing the hand-written SQL of the runbook.

-- When an entry reached its status: retention runs from the day he was released, identified or found alive.
-- Kept by the database on every change of status, whoever makes it. Entries closed before this migration are
-- dated today: their retention starts late rather than early.
ALTER TABLE missing_person ADD COLUMN status_since timestamptz NOT NULL DEFAULT now();
CREATE FUNCTION missing_person_status_since() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF NEW.status IS DISTINCT FROM OLD.status THEN
        NEW.status_since := now();
    END IF;
    RETURN NEW;
END $$;
CREATE TRIGGER missing_person_status_changed BEFORE UPDATE OF status ON missing_person
    FOR EACH ROW EXECUTE FUNCTION missing_person_status_since();
CREATE INDEX missing_person_closed_since ON missing_person (status_since)
    WHERE status IN ('RELEASED', 'IDENTIFIED_DEAD', 'FOUND_ALIVE');
CREATE INDEX remains_case_returned_at ON remains_case (returned_at) WHERE status = 'RETURNED';

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
    done_at          timestamptz,
    version          bigint        NOT NULL,
    CHECK (confirmed_by IS NULL OR confirmed_by <> requested_by)
);
CREATE UNIQUE INDEX erasure_request_one_open ON erasure_request (subject_kind, subject_id) WHERE status = 'REQUESTED';
REVOKE DELETE, TRUNCATE ON erasure_request FROM ${app_role};

-- The application role may not delete a case's history, examinations, custody or the families told (they
-- are append-only to it). These functions, run with the owner's rights, erase exactly one closed subject and
-- everything recorded about it, and nothing else; the application calls them only for a confirmed request.
CREATE FUNCTION erase_returned_case(p_case uuid) RETURNS boolean LANGUAGE plpgsql SECURITY DEFINER
    SET search_path = public AS $$
BEGIN
    PERFORM 1 FROM remains_case WHERE id = p_case AND status = 'RETURNED' FOR UPDATE;
    IF NOT FOUND THEN
        RETURN false;
    END IF;
    DELETE FROM family_notification WHERE case_id = p_case;
    DELETE FROM identification_proposal WHERE case_id = p_case;
    DELETE FROM case_closure_proposal WHERE case_id = p_case;
    DELETE FROM examination WHERE case_id = p_case;
    DELETE FROM custody_entry WHERE case_id = p_case;
    DELETE FROM case_history WHERE case_id = p_case;
    DELETE FROM remains_case_organisation WHERE case_id = p_case;
    -- Its DNA profile, candidates, re-associations and queued jobs follow by ON DELETE CASCADE (V18).
    DELETE FROM remains_case WHERE id = p_case;
    RETURN true;
END $$;

-- An entry goes with the entries merged into it (the same person's earlier entries, at any depth), their
-- reports, reviews and donors; a prisoner check keeps its row without naming him. The entries are deleted one
-- by one, the deepest merged first, so that each one's trigger (V18) queues only relatives still there.
CREATE FUNCTION erase_closed_register_entry(p_person uuid) RETURNS integer LANGUAGE plpgsql SECURITY DEFINER
    SET search_path = public AS $$
DECLARE
    entries uuid[];
    entry uuid;
BEGIN
    PERFORM 1 FROM missing_person WHERE id = p_person
        AND status IN ('RELEASED', 'IDENTIFIED_DEAD', 'FOUND_ALIVE') FOR UPDATE;
    IF NOT FOUND THEN
        RETURN 0;
    END IF;
    WITH RECURSIVE merged(id, depth) AS (
        SELECT p_person, 0
        UNION SELECT m.id, merged.depth + 1 FROM missing_person m JOIN merged ON m.merged_into = merged.id)
    SELECT array_agg(id ORDER BY depth DESC) INTO entries FROM merged;
    UPDATE prisoner_check SET person_id = NULL WHERE person_id = ANY (entries);
    DELETE FROM family_donor WHERE person_id = ANY (entries);
    DELETE FROM linkage_review WHERE entry_id = ANY (entries) OR candidate_id = ANY (entries);
    DELETE FROM person_report WHERE person_id = ANY (entries) OR original_person_id = ANY (entries);
    FOREACH entry IN ARRAY entries LOOP
        DELETE FROM missing_person WHERE id = entry;
    END LOOP;
    RETURN array_length(entries, 1);
END $$;

REVOKE ALL ON FUNCTION erase_returned_case(uuid) FROM PUBLIC;
REVOKE ALL ON FUNCTION erase_closed_register_entry(uuid) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION erase_returned_case(uuid) TO ${app_role};
GRANT EXECUTE ON FUNCTION erase_closed_register_entry(uuid) TO ${app_role};
