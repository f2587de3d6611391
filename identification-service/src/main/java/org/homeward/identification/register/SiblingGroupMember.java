package org.homeward.identification.register;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/**
 * A missing person's place in a group of full siblings of the register (brothers missing together). One
 * group at most per person; stating two members of different groups as brothers joins the groups.
 */
@Entity
@Table(name = "sibling_group_member")
public class SiblingGroupMember {

    @Id
    @Column(name = "person_id")
    private UUID personId;

    @Column(name = "group_id", nullable = false)
    private UUID groupId;

    @Column(nullable = false)
    private String party;

    @Column(name = "stated_by", nullable = false)
    private String statedBy;

    @Column(name = "stated_at", nullable = false)
    private Instant statedAt;

    protected SiblingGroupMember() {
    }

    public SiblingGroupMember(MissingPerson person, UUID groupId, String statedBy, Instant now) {
        this.personId = person.id();
        this.groupId = groupId;
        this.party = person.party();
        this.statedBy = statedBy;
        this.statedAt = now;
    }

    /** His group joined another: he is now of that one. */
    public void joined(UUID group) {
        this.groupId = group;
    }

    public UUID personId() { return personId; }
    public UUID groupId() { return groupId; }
    public String party() { return party; }
}
