-- A parent and his child both missing (a father and his son who served together): each one's family
-- references reach the other as the relationship carries over (the father's parents are the son's
-- grandparents, the father's personal effects the son's father's sample), and the matching weighs the two as
-- related rivals (DESIGN.md 7).
CREATE TABLE parent_child_link (
    parent_id uuid         NOT NULL REFERENCES missing_person (id),
    child_id  uuid         NOT NULL REFERENCES missing_person (id),
    party     varchar(2)   NOT NULL,
    stated_by varchar(200) NOT NULL,
    stated_at timestamptz  NOT NULL,
    PRIMARY KEY (parent_id, child_id),
    CHECK (parent_id <> child_id)
);
CREATE INDEX parent_child_link_child ON parent_child_link (child_id);
CREATE INDEX parent_child_link_party ON parent_child_link (party);
