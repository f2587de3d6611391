-- A DNA profile, a kinship candidate, a re-association and a kinship job never outlive what they are about:
-- deleting a case, a register entry or a donor (the retention runbooks) takes them with it, instead of
-- leaving a profile or a job that names nothing (#28). Profiles and jobs name their subject by kind and id,
-- so each kind gets a stored generated column the database can hold to its table.
DELETE FROM dna_profile p WHERE p.subject_kind = 'CASE'
    AND NOT EXISTS (SELECT 1 FROM remains_case c WHERE c.id = p.subject_id);
DELETE FROM dna_profile p WHERE p.subject_kind = 'DONOR'
    AND NOT EXISTS (SELECT 1 FROM family_donor d WHERE d.id = p.subject_id);
DELETE FROM kinship_job j WHERE j.kind = 'CASE'
    AND NOT EXISTS (SELECT 1 FROM remains_case c WHERE c.id = j.subject_id);
DELETE FROM kinship_job j WHERE j.kind = 'PERSON'
    AND NOT EXISTS (SELECT 1 FROM missing_person m WHERE m.id = j.subject_id);

ALTER TABLE dna_profile
    ADD COLUMN case_id uuid GENERATED ALWAYS AS (CASE WHEN subject_kind = 'CASE' THEN subject_id END) STORED
        REFERENCES remains_case (id) ON DELETE CASCADE,
    ADD COLUMN donor_id uuid GENERATED ALWAYS AS (CASE WHEN subject_kind = 'DONOR' THEN subject_id END) STORED
        REFERENCES family_donor (id) ON DELETE CASCADE;
CREATE INDEX dna_profile_case ON dna_profile (case_id) WHERE case_id IS NOT NULL;
CREATE INDEX dna_profile_donor ON dna_profile (donor_id) WHERE donor_id IS NOT NULL;

ALTER TABLE kinship_job
    ADD COLUMN case_id uuid GENERATED ALWAYS AS (CASE WHEN kind = 'CASE' THEN subject_id END) STORED
        REFERENCES remains_case (id) ON DELETE CASCADE,
    ADD COLUMN person_id uuid GENERATED ALWAYS AS (CASE WHEN kind = 'PERSON' THEN subject_id END) STORED
        REFERENCES missing_person (id) ON DELETE CASCADE;
CREATE INDEX kinship_job_case ON kinship_job (case_id) WHERE case_id IS NOT NULL;
CREATE INDEX kinship_job_person ON kinship_job (person_id) WHERE person_id IS NOT NULL;

ALTER TABLE kinship_candidate
    DROP CONSTRAINT kinship_candidate_case_id_fkey,
    ADD CONSTRAINT kinship_candidate_case_id_fkey FOREIGN KEY (case_id) REFERENCES remains_case (id) ON DELETE CASCADE,
    DROP CONSTRAINT kinship_candidate_person_id_fkey,
    ADD CONSTRAINT kinship_candidate_person_id_fkey FOREIGN KEY (person_id) REFERENCES missing_person (id)
        ON DELETE CASCADE;

ALTER TABLE reassociation_candidate
    DROP CONSTRAINT reassociation_candidate_case_id_fkey,
    ADD CONSTRAINT reassociation_candidate_case_id_fkey FOREIGN KEY (case_id) REFERENCES remains_case (id)
        ON DELETE CASCADE,
    DROP CONSTRAINT reassociation_candidate_other_case_id_fkey,
    ADD CONSTRAINT reassociation_candidate_other_case_id_fkey FOREIGN KEY (other_case_id) REFERENCES remains_case (id)
        ON DELETE CASCADE;

-- What is stated about a person (his sibling group, his parents and children, the family label of the import
-- that reported him) goes with his entry: the register-entry runbook cannot be stopped by it.
ALTER TABLE sibling_group_member
    DROP CONSTRAINT sibling_group_member_person_id_fkey,
    ADD CONSTRAINT sibling_group_member_person_id_fkey FOREIGN KEY (person_id) REFERENCES missing_person (id)
        ON DELETE CASCADE;
ALTER TABLE register_import_family
    DROP CONSTRAINT register_import_family_person_id_fkey,
    ADD CONSTRAINT register_import_family_person_id_fkey FOREIGN KEY (person_id) REFERENCES missing_person (id)
        ON DELETE CASCADE;
ALTER TABLE parent_child_link
    DROP CONSTRAINT parent_child_link_parent_id_fkey,
    ADD CONSTRAINT parent_child_link_parent_id_fkey FOREIGN KEY (parent_id) REFERENCES missing_person (id)
        ON DELETE CASCADE,
    DROP CONSTRAINT parent_child_link_child_id_fkey,
    ADD CONSTRAINT parent_child_link_child_id_fkey FOREIGN KEY (child_id) REFERENCES missing_person (id)
        ON DELETE CASCADE;

-- A profile deleted by a cascade (or by hand) moves its party's generation on, as the application's own
-- deletions do, so that no replica goes on matching with the genotypes it holds in memory.
CREATE FUNCTION kinship_generation_after_profile_delete() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO kinship_generation (party, subject_kind, generation) VALUES (OLD.party, OLD.subject_kind, 1)
    ON CONFLICT (party, subject_kind) DO UPDATE SET generation = kinship_generation.generation + 1;
    RETURN OLD;
END $$;
CREATE TRIGGER dna_profile_deleted AFTER DELETE ON dna_profile
    FOR EACH ROW EXECUTE FUNCTION kinship_generation_after_profile_delete();

-- An entry erased by hand takes his sibling group and parent-child links with it (above): before it goes, his
-- stated relatives are queued to be matched again without him, and his party's families are reloaded by every
-- replica, as the application does when a statement changes.
CREATE FUNCTION kinship_relatives_before_person_delete() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO kinship_job (id, kind, subject_id, party, enqueued_at)
    SELECT gen_random_uuid(), 'PERSON', relative.id, OLD.party, now() FROM (
        SELECT m.person_id AS id FROM sibling_group_member m
            JOIN sibling_group_member erased ON erased.group_id = m.group_id
            WHERE erased.person_id = OLD.id AND m.person_id <> OLD.id
        UNION SELECT child_id FROM parent_child_link WHERE parent_id = OLD.id
        UNION SELECT parent_id FROM parent_child_link WHERE child_id = OLD.id) relative
    ON CONFLICT (kind, subject_id) DO NOTHING;
    INSERT INTO kinship_generation (party, subject_kind, generation) VALUES (OLD.party, 'DONOR', 1)
    ON CONFLICT (party, subject_kind) DO UPDATE SET generation = kinship_generation.generation + 1;
    RETURN OLD;
END $$;
CREATE TRIGGER missing_person_erasing BEFORE DELETE ON missing_person
    FOR EACH ROW EXECUTE FUNCTION kinship_relatives_before_person_delete();
