-- What a subscription is told of a case follows what its admin's roles could read through the APIs (#28).
-- Subscriptions created before have no roles on record: they are told no case events until an admin holding
-- the roles updates them (PUT), which records the roles of that admin.
ALTER TABLE subscription ADD COLUMN reader_roles jsonb NOT NULL DEFAULT '[]'::jsonb;
