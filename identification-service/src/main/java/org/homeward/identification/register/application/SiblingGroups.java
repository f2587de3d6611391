package org.homeward.identification.register.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.EntityManager;
import org.homeward.platform.persistence.RerunsLostRaces;
import org.homeward.platform.persistence.TransactionLock;
import jakarta.transaction.Transactional;
import org.homeward.identification.register.MissingPerson;
import org.homeward.identification.register.FamilyStatementChanged;
import org.homeward.identification.register.SiblingGroupMember;
import org.homeward.platform.audit.AuditLog;
import org.homeward.platform.domain.RuleViolation;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Brothers (and sisters) missing together, as the register states them: the party's coordinators and its
 * laboratories' examiners say that two missing persons are full siblings, and the groups they belong to
 * become one. Every statement and read is audited.
 */
@ApplicationScoped
@Transactional
@RerunsLostRaces
public class SiblingGroups {

    private final EntityManager entityManager;
    private final RegisterAccess access;
    private final AuditLog audit;
    private final Event<FamilyStatementChanged> changed;
    private final Clock clock;

    public SiblingGroups(EntityManager entityManager, RegisterAccess access, AuditLog audit,
                         Event<FamilyStatementChanged> changed, Clock clock) {
        this.entityManager = entityManager;
        this.access = access;
        this.audit = audit;
        this.changed = changed;
        this.clock = clock;
    }

    /** States that the two are full siblings; answers the person's full siblings afterwards. */
    public Set<UUID> state(UUID personId, UUID siblingId) {
        if (personId.equals(siblingId)) {
            throw new RuleViolation("personId", "A person is not his own sibling");
        }
        MissingPerson person = readable(personId);
        MissingPerson sibling = readable(siblingId);
        if (!person.party().equals(sibling.party())) {
            throw new RuleViolation("personId", "Full siblings are stated within one party's register");
        }
        audit.record("register.full-siblings.state", "missing_person", personId.toString());
        audit.record("register.full-siblings.state", "missing_person", siblingId.toString());
        lockStatements(entityManager, person.party());
        Set<UUID> joined = join(List.of(person, sibling), access.subject()).orElseThrow(() -> new RuleViolation(
                "personId", "The two groups would hold a parent and his child: withdraw that statement first"));
        changed.fire(new FamilyStatementChanged(joined, person.party()));
        return without(joined, personId);
    }

    /**
     * Brothers stated by a register import (each list: the persons of one family label): joined as by
     * {@link #state}, on behalf of the organisation that submitted the import, and announced once, so that the
     * matching's jobs are queued before its generation row is touched (KinshipWork's lock order). A family that
     * would join a parent and his child is left as it was. Runs in the import's background work: the import's
     * submission is the audited act. Answers how many families were left.
     */
    public int stateFromImport(List<List<UUID>> families, String organisation, String party) {
        lockStatements(entityManager, party);
        Set<UUID> changedPersons = new LinkedHashSet<>();
        int left = 0;
        for (List<UUID> family : families) {
            List<MissingPerson> persons = family.stream().distinct()
                    .map(id -> entityManager.find(MissingPerson.class, id)).toList();
            if (persons.size() >= 2) {
                Optional<Set<UUID>> joined = join(persons, organisation);
                joined.ifPresent(changedPersons::addAll);
                left += joined.isEmpty() ? 1 : 0;
            }
        }
        if (!changedPersons.isEmpty()) {
            changed.fire(new FamilyStatementChanged(changedPersons, party));
        }
        return left;
    }

    /**
     * Makes the persons (of one party) one group, joining any groups they are already in; answers the group,
     * or nothing when the group would hold a person and his descendant (then nothing changes). The caller holds the
     * party's statements lock ({@link #lockStatements}): two joins touching one group cannot strand a member in
     * a group nobody else is in, and the check sees every statement made before.
     */
    private Optional<Set<UUID>> join(List<MissingPerson> persons, String statedBy) {
        Map<UUID, SiblingGroupMember> members = new LinkedHashMap<>();
        persons.forEach(p -> members.put(p.id(), entityManager.find(SiblingGroupMember.class, p.id())));
        Set<UUID> groups = members.values().stream().filter(Objects::nonNull).map(SiblingGroupMember::groupId)
                .collect(Collectors.toCollection(LinkedHashSet::new));
        if (groups.size() == 1 && !members.containsValue(null)) {
            return Optional.of(members(groups.iterator().next())); // said before: nothing changes
        }
        Set<UUID> together = new LinkedHashSet<>(members.keySet());
        groups.forEach(g -> together.addAll(members(g)));
        // Nobody of the joined group may be stated as another's descendant (a son, a grandson...).
        if (!entityManager.createNativeQuery("with recursive descendant(id) as ("
                        + " select child_id from parent_child_link where parent_id in (?1)"
                        + " union select l.child_id from parent_child_link l join descendant d on l.parent_id = d.id)"
                        + " select 1 from descendant where id in (?1)")
                .setParameter(1, together).getResultList().isEmpty()) {
            return Optional.empty();
        }
        UUID group = groups.isEmpty() ? UUID.randomUUID() : groups.iterator().next();
        Instant now = Instant.now(clock);
        for (MissingPerson person : persons) {
            if (members.get(person.id()) == null) {
                entityManager.persist(new SiblingGroupMember(person, group, statedBy, now));
            }
        }
        if (groups.size() > 1) {
            // Entity by entity, not a bulk update: the import's own entities in this transaction stay managed.
            entityManager.createQuery("select m from SiblingGroupMember m where m.groupId in :others",
                            SiblingGroupMember.class).setParameter("others", groups).getResultList()
                    .forEach(member -> member.joined(group));
        }
        return Optional.of(members(group));
    }

    /**
     * Withdraws the person from his group of full siblings (a statement made in error): the others stay one
     * group, a group left with one member is no group. Withdrawing a person in no group changes nothing.
     * Every former member is matched again on his own references.
     */
    public void withdraw(UUID personId) {
        MissingPerson person = readable(personId);
        lockStatements(entityManager, person.party());
        audit.record("register.full-siblings.withdraw", "missing_person", personId.toString());
        SiblingGroupMember member = entityManager.find(SiblingGroupMember.class, personId);
        if (member == null) {
            return;
        }
        Set<UUID> former = members(member.groupId());
        if (former.size() <= 2) {
            entityManager.createQuery("delete from SiblingGroupMember m where m.groupId = :group")
                    .setParameter("group", member.groupId()).executeUpdate();
        } else {
            entityManager.remove(member);
        }
        changed.fire(new FamilyStatementChanged(former, person.party()));
    }

    /**
     * Statements about one party's families (sibling groups, parents and children) are made one at a time, so
     * that each one's checks see the others.
     */
    static void lockStatements(EntityManager entityManager, String party) {
        TransactionLock.hold(entityManager, "family-statements:" + party);
    }

    /** The person's full siblings in the register (none when no group was stated). */
    public Set<UUID> of(UUID personId) {
        readable(personId);
        audit.record("register.full-siblings.read", "missing_person", personId.toString());
        SiblingGroupMember member = entityManager.find(SiblingGroupMember.class, personId);
        return member == null ? Set.of() : without(members(member.groupId()), personId);
    }

    private Set<UUID> members(UUID group) {
        return new TreeSet<>(entityManager.createQuery("select m.personId from SiblingGroupMember m where m.groupId = :group",
                UUID.class).setParameter("group", group).getResultList());
    }

    private static Set<UUID> without(Set<UUID> members, UUID personId) {
        return members.stream().filter(id -> !id.equals(personId)).collect(Collectors.toCollection(TreeSet::new));
    }

    private MissingPerson readable(UUID id) {
        return access.readable(entityManager.find(MissingPerson.class, id), id);
    }
}
