-- A fragment joined into a case (JOINED, #32) is part of that person's remains: it is erased with the case it was
-- joined into, at any depth, and never listed due on its own (its own status never becomes RETURNED). Otherwise the
-- erasure of the body would leave the fragment's claims, examinations and records behind, pointing at nothing.
CREATE OR REPLACE FUNCTION erase_returned_case(p_case uuid) RETURNS integer LANGUAGE plpgsql SECURITY DEFINER
    SET search_path = pg_catalog, public, pg_temp AS $$
DECLARE
    cases uuid[];
BEGIN
    PERFORM 1 FROM public.remains_case WHERE id = p_case FOR UPDATE;
    PERFORM 1 FROM public.erasure_due WHERE subject = 'CASE' AND id = p_case;
    IF NOT FOUND THEN
        RETURN 0;
    END IF;
    WITH RECURSIVE joined(id, depth) AS (
        SELECT p_case, 0
        UNION SELECT c.id, joined.depth + 1 FROM public.remains_case c JOIN joined ON c.joined_into = joined.id)
    SELECT array_agg(id ORDER BY depth DESC) INTO cases FROM joined;
    PERFORM 1 FROM public.remains_case WHERE id = ANY (cases) FOR UPDATE;
    DELETE FROM public.family_notification WHERE case_id = ANY (cases);
    DELETE FROM public.identification_proposal WHERE case_id = ANY (cases);
    DELETE FROM public.case_closure_proposal WHERE case_id = ANY (cases);
    DELETE FROM public.examination WHERE case_id = ANY (cases);
    DELETE FROM public.custody_entry WHERE case_id = ANY (cases);
    DELETE FROM public.case_history WHERE case_id = ANY (cases);
    DELETE FROM public.remains_case_organisation WHERE case_id = ANY (cases);
    -- Their DNA profiles, candidates, re-associations, queued jobs (V18), post-mortem records and split or join
    -- proposals (V26, V27) follow by ON DELETE CASCADE; a case split off one of them keeps its own rows.
    DELETE FROM public.remains_case WHERE id = ANY (cases);
    RETURN array_length(cases, 1);
END $$;
REVOKE ALL ON FUNCTION erase_returned_case(uuid) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION erase_returned_case(uuid) TO ${app_role};
