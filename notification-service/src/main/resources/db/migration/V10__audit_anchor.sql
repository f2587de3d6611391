-- The audit chain's head, anchored at a fixed interval and sent to the auditors' webhooks (#28): append-only
-- like the chain itself.
CREATE TABLE audit_anchor (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    -- A link of the chain: the application cannot record an anchor for a link that does not exist.
    seq         bigint      NOT NULL UNIQUE REFERENCES audit_seal (seq),
    audit_id    bigint      NOT NULL,
    head_hash   varchar(64) NOT NULL,
    anchored_at timestamptz NOT NULL
);
REVOKE UPDATE, DELETE, TRUNCATE ON audit_anchor FROM ${app_role};
