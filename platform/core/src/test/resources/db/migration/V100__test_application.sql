-- The test application's own table.
CREATE TABLE thing (
    id      uuid PRIMARY KEY,
    name    varchar(100) NOT NULL,
    version bigint       NOT NULL
);
