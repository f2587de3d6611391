-- Consent withdrawal erases a family's references for good: an examiner's request is confirmed by a second
-- examiner or made by a coordinator, with the family's reason, and who made it take effect is kept (#28).
ALTER TABLE family_donor ADD COLUMN withdrawn_by varchar(200);
ALTER TABLE family_donor ADD COLUMN withdrawal_requested_by varchar(200);
ALTER TABLE family_donor ADD COLUMN withdrawal_requested_by_organisation varchar(200);
ALTER TABLE family_donor ADD COLUMN withdrawal_requested_at timestamptz;
ALTER TABLE family_donor ADD COLUMN withdrawal_reason varchar(1000);
