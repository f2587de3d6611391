-- Before this version a MATCHED prisoner check released its register entry at once (status DONE). Such a
-- check stands as confirmed, saying by whom, so that a later withdrawal of the arrival still undoes the release
-- it caused (only a CONFIRMED check counts as having released its person now).
UPDATE prisoner_check
   SET status = 'CONFIRMED', decided_by = 'released on a MATCHED check before coordinators decided them',
       decided_at = checked_at
 WHERE status = 'DONE' AND outcome = 'MATCHED';
