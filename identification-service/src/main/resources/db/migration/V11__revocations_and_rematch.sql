-- A family told that the identification they had been given was revoked.
ALTER TABLE family_notification ADD COLUMN of_revocation boolean NOT NULL DEFAULT false;

-- Proposals whose DNA candidate an earlier version erased or replaced (its pointer nulled by V7) cannot be
-- confirmed: they are settled as rejected, saying why, rather than left open.
UPDATE identification_proposal
   SET status = 'REJECTED', decided_by = 'kinship-matching', decided_at = now(),
       decision_reason = 'The DNA candidate this proposal rested on was erased or computed again before this version'
                         || ' of the service: propose again on the current candidate'
 WHERE status = 'PROPOSED' AND quoted_candidate_id IS NOT NULL AND kinship_candidate_id IS NULL;

-- Candidates ranked by the earlier rule (posterior of each on its own, no loci, sex, register status or
-- reference checks) are ranked again by the matching: every open case with a DNA profile is queued once.
INSERT INTO kinship_job (id, kind, subject_id, party, enqueued_at)
SELECT gen_random_uuid(), 'CASE', c.id, c.to_party, now()
  FROM remains_case c
 WHERE c.status IN ('RECEIVED', 'UNDER_EXAMINATION', 'PROFILED', 'CANDIDATE_FOUND')
   AND EXISTS (SELECT 1 FROM dna_profile p WHERE p.subject_kind = 'CASE' AND p.subject_id = c.id)
ON CONFLICT (kind, subject_id) DO NOTHING;
