-- The test consumer's effect: one row per applied event; a negative value breaks a constraint.
CREATE TABLE thing_effect (
    event_id     uuid PRIMARY KEY,
    aggregate_id varchar(100) NOT NULL,
    value        int          NOT NULL CHECK (value >= 0)
);
