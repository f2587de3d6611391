-- The exchange lists of prisoner terms as transfer-service counts them (#29): the latest counts per list
-- (transfer.exchange-list.progressed carries them absolute, with a sequence per list: latest wins). What makes an
-- all-for-all term measurable: eligible held on the reference date, released, declined, died, remaining, complete.
CREATE TABLE ledger_exchange_list (
    list_id         uuid PRIMARY KEY,
    agreement_id    uuid        NOT NULL,
    term_id         uuid        NOT NULL,
    sequence        bigint      NOT NULL,
    round           integer     NOT NULL,
    eligible_held   bigint      NOT NULL,
    offered         bigint      NOT NULL,
    verified        bigint      NOT NULL,
    released        bigint      NOT NULL,
    declined        bigint      NOT NULL,
    died            bigint      NOT NULL,
    remaining       bigint      NOT NULL,
    complete        boolean     NOT NULL,
    updated_at      timestamptz NOT NULL
);
CREATE INDEX ledger_exchange_list_agreement ON ledger_exchange_list (agreement_id);
