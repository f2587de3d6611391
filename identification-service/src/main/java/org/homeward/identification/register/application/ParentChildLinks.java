package org.homeward.identification.register.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.homeward.identification.register.FamilyStatementChanged;
import org.homeward.identification.register.MissingPerson;
import org.homeward.identification.register.SiblingGroupMember;
import org.homeward.platform.audit.AuditLog;
import org.homeward.platform.domain.RuleViolation;
import org.homeward.platform.persistence.RerunsLostRaces;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/**
 * A parent and his child both missing (a father and his son who served together), as the register states
 * them: the party's coordinators and its laboratories' examiners say that one missing person is the other's
 * parent. A child has at most two; nobody is stated as his own ancestor, nor as his brother's parent (checked
 * under the party's statements lock, so that concurrent statements cannot contradict each other). Every
 * statement and read is audited.
 */
@ApplicationScoped
@Transactional
@RerunsLostRaces
public class ParentChildLinks {

    /** A person's missing parents and children, as stated. */
    public record Family(Set<UUID> parents, Set<UUID> children) {
    }

    private final EntityManager entityManager;
    private final RegisterAccess access;
    private final AuditLog audit;
    private final Event<FamilyStatementChanged> changed;
    private final Clock clock;

    public ParentChildLinks(EntityManager entityManager, RegisterAccess access, AuditLog audit,
                            Event<FamilyStatementChanged> changed, Clock clock) {
        this.entityManager = entityManager;
        this.access = access;
        this.audit = audit;
        this.changed = changed;
        this.clock = clock;
    }

    /** States that {@code parentId} is a parent of {@code childId}; answers the parent's family afterwards. */
    public Family state(UUID parentId, UUID childId) {
        if (parentId.equals(childId)) {
            throw new RuleViolation("personId", "A person is not his own child");
        }
        MissingPerson parent = readable(parentId);
        MissingPerson child = readable(childId);
        if (!parent.party().equals(child.party())) {
            throw new RuleViolation("personId", "A parent and child are stated within one party's register");
        }
        SiblingGroups.lockStatements(entityManager, parent.party());
        audit.record("register.children.state", "missing_person", parentId.toString());
        audit.record("register.children.state", "missing_person", childId.toString());
        if (linked(parentId, childId)) {
            return family(parentId); // said before: nothing changes
        }
        if (descends(parentId, childId)) {
            throw new RuleViolation("personId", "This person is already stated as the other's parent or ancestor");
        }
        SiblingGroupMember ofParent = entityManager.find(SiblingGroupMember.class, parentId);
        SiblingGroupMember ofChild = entityManager.find(SiblingGroupMember.class, childId);
        if (ofParent != null && ofChild != null && ofParent.groupId().equals(ofChild.groupId())) {
            throw new RuleViolation("personId", "The two are stated as full siblings: withdraw that statement first");
        }
        if (parents(childId).size() >= 2) {
            throw new RuleViolation("personId", "This person already has two missing parents stated");
        }
        entityManager.createNativeQuery("insert into parent_child_link (parent_id, child_id, party, stated_by, stated_at)"
                        + " values (?1, ?2, ?3, ?4, ?5)").setParameter(1, parentId).setParameter(2, childId)
                .setParameter(3, parent.party()).setParameter(4, access.subject())
                .setParameter(5, Instant.now(clock)).executeUpdate();
        changed.fire(new FamilyStatementChanged(Set.of(parentId, childId), parent.party()));
        return family(parentId);
    }

    /** Withdraws the statement (made in error); withdrawing one never made changes nothing. */
    public Family withdraw(UUID parentId, UUID childId) {
        MissingPerson parent = readable(parentId);
        readable(childId);
        SiblingGroups.lockStatements(entityManager, parent.party());
        audit.record("register.children.withdraw", "missing_person", parentId.toString());
        audit.record("register.children.withdraw", "missing_person", childId.toString());
        int removed = entityManager.createNativeQuery("delete from parent_child_link where parent_id = ?1 and child_id = ?2")
                .setParameter(1, parentId).setParameter(2, childId).executeUpdate();
        if (removed > 0) {
            changed.fire(new FamilyStatementChanged(Set.of(parentId, childId), parent.party()));
        }
        return family(parentId);
    }

    /** The person's missing parents and children, as stated. */
    public Family of(UUID personId) {
        readable(personId);
        audit.record("register.children.read", "missing_person", personId.toString());
        return family(personId);
    }

    private Family family(UUID personId) {
        return new Family(parents(personId), children(personId));
    }

    private boolean linked(UUID parentId, UUID childId) {
        return !entityManager.createNativeQuery("select 1 from parent_child_link where parent_id = ?1 and child_id = ?2")
                .setParameter(1, parentId).setParameter(2, childId).getResultList().isEmpty();
    }

    /** Whether {@code person} is stated as a descendant of {@code ancestor} (child, grandchild, ...). */
    private boolean descends(UUID person, UUID ancestor) {
        return !entityManager.createNativeQuery("with recursive descendant(id) as ("
                        + " select child_id from parent_child_link where parent_id = ?1"
                        + " union select l.child_id from parent_child_link l join descendant d on l.parent_id = d.id)"
                        + " select 1 from descendant where id = ?2").setParameter(1, ancestor).setParameter(2, person)
                .getResultList().isEmpty();
    }

    private Set<UUID> parents(UUID childId) {
        return ids("select parent_id from parent_child_link where child_id = ?1", childId);
    }

    private Set<UUID> children(UUID parentId) {
        return ids("select child_id from parent_child_link where parent_id = ?1", parentId);
    }

    private Set<UUID> ids(String sql, UUID id) {
        List<UUID> rows = entityManager.createNativeQuery(sql, UUID.class).setParameter(1, id).getResultList();
        return new TreeSet<>(rows);
    }

    private MissingPerson readable(UUID id) {
        return access.readable(entityManager.find(MissingPerson.class, id), id);
    }
}
