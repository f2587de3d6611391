-- The rule an offered prisoner does not meet, kept beside the entry's status (a death or a verification
-- overwrites the status, not what the records say of his eligibility); and the reviews of an offer found fast.
ALTER TABLE exchange_entry ADD COLUMN unmet_rule varchar(1000);
UPDATE exchange_entry SET unmet_rule = reason WHERE kind = 'OFFER' AND status = 'NOT_ELIGIBLE';
CREATE INDEX exchange_match_review_offer ON exchange_match_review (offer_id) WHERE status = 'OPEN';
CREATE INDEX exchange_match_review_request ON exchange_match_review (request_id) WHERE status = 'OPEN';
