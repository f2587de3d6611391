-- What transfer-service knows of agreements, projected from agreement events (latest sequence wins).
CREATE TABLE agreement_view (
    agreement_id  uuid PRIMARY KEY,
    sequence      bigint       NOT NULL,
    reference     varchar(64)  NOT NULL,
    title         varchar(300) NOT NULL,
    status        varchar(20)  NOT NULL,
    state         jsonb        NOT NULL,
    updated_at    timestamptz  NOT NULL
);

CREATE TABLE agreement_view_scope (
    agreement_id uuid        NOT NULL REFERENCES agreement_view (agreement_id) ON DELETE CASCADE,
    kind         varchar(20) NOT NULL,
    value        varchar(100) NOT NULL,
    PRIMARY KEY (agreement_id, kind, value)
);
CREATE INDEX agreement_view_scope_value ON agreement_view_scope (kind, value);
