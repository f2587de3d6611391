-- A proposal that rests on a DNA kinship candidate names it twice: quoted_candidate_id is what it rested on,
-- forever (its numbers are quoted in the evidence); kinship_candidate_id points at the candidate while it
-- stands, and the database nulls it when the candidate is erased (a donor withdrew consent, or an operator
-- erased a register entry by hand). A proposal whose pointer went while its quote stays cannot be confirmed.
ALTER TABLE identification_proposal ADD COLUMN quoted_candidate_id uuid;
UPDATE identification_proposal SET quoted_candidate_id = kinship_candidate_id;
-- Candidates erased before this version left dangling pointers: they point nowhere now, as the rule says.
UPDATE identification_proposal p SET kinship_candidate_id = NULL
 WHERE kinship_candidate_id IS NOT NULL
   AND NOT EXISTS (SELECT 1 FROM kinship_candidate c WHERE c.id = p.kinship_candidate_id);
ALTER TABLE identification_proposal ADD CONSTRAINT identification_proposal_kinship_candidate
    FOREIGN KEY (kinship_candidate_id) REFERENCES kinship_candidate (id) ON DELETE SET NULL;
CREATE INDEX identification_proposal_kinship_candidate ON identification_proposal (kinship_candidate_id)
    WHERE kinship_candidate_id IS NOT NULL;
