-- A report whose blocking key holds more entries than one report is compared with is not compared: it gets a
-- review naming no candidate (outcome UNCOMPARED), and the reviewer names the entry when merging into it.
ALTER TABLE linkage_review ALTER COLUMN candidate_id DROP NOT NULL;
ALTER TABLE linkage_review ADD CONSTRAINT linkage_review_names_its_candidate
    CHECK (candidate_id IS NOT NULL OR (outcome = 'UNCOMPARED' AND status <> 'MERGED'));
