-- A register import may state brothers: rows sharing a familyGroup label (scoped to the import) are full
-- siblings. Each linked row's person is kept under its label, so that a label spread over several chunks, or
-- over a resumed import, joins every one of its persons into one sibling group.
CREATE TABLE register_import_family (
    import_id uuid        NOT NULL REFERENCES register_import (id),
    label     varchar(64) NOT NULL,
    person_id uuid        NOT NULL REFERENCES missing_person (id),
    PRIMARY KEY (import_id, label, person_id)
);
