-- Missing persons who are full siblings of each other (brothers who served and died together) form one
-- group: a family reference donor of one is, as the relationship carries over, a reference of each of them,
-- so that the matching weighs the brothers against the same references (DESIGN.md 7).
CREATE TABLE sibling_group_member (
    person_id uuid         PRIMARY KEY REFERENCES missing_person (id),
    group_id  uuid         NOT NULL,
    party     varchar(2)   NOT NULL,
    stated_by varchar(200) NOT NULL,
    stated_at timestamptz  NOT NULL
);
CREATE INDEX sibling_group_member_group ON sibling_group_member (group_id);
CREATE INDEX sibling_group_member_party ON sibling_group_member (party);
