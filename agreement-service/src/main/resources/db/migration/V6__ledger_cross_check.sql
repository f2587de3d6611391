-- Differences between the ledger and transfer-service's own report of the same transfers
-- (transfer.agreement-totals.reported), as of the last report of each agreement. Empty when all agree.
CREATE TABLE ledger_discrepancy (
    agreement_id        uuid        NOT NULL,
    transfer_id         uuid        NOT NULL,
    term_id             uuid        NOT NULL,
    ledger_declared     int,
    ledger_dispatched   int,
    ledger_received     int,
    reported_declared   int,
    reported_dispatched int,
    reported_received   int,
    transfer_sequence   bigint      NOT NULL,
    reported_at         timestamptz NOT NULL,
    PRIMARY KEY (agreement_id, transfer_id, term_id)
);

-- The last report applied per agreement (reports are applied latest-wins by their sequence).
CREATE TABLE ledger_cross_check (
    agreement_id     uuid PRIMARY KEY,
    report_sequence  bigint      NOT NULL,
    reported_at      timestamptz NOT NULL,
    transfers_behind int         NOT NULL
);
