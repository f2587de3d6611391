package org.homeward.identification.kinship.application;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import org.homeward.identification.kinship.DnaProfile;
import org.homeward.identification.kinship.FamilyDonor;
import org.homeward.identification.kinship.Relationship;
import org.homeward.identification.kinship.engine.FamilyGroups;
import org.homeward.identification.kinship.engine.FamilyReferences;
import org.homeward.identification.kinship.engine.Pedigree;
import org.homeward.identification.kinship.engine.ReferenceIndex;
import org.homeward.identification.kinship.engine.Relation;
import org.homeward.identification.kinship.engine.StrProfile;
import org.homeward.identification.register.MissingPerson;
import org.homeward.identification.register.SiblingGroupMember;
import org.jboss.logging.Logger;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

/**
 * The decrypted profiles the matching searches, per party, kept in memory between jobs and rebuilt when
 * the party's generation counter moved (another replica, or this one, changed a profile).
 */
@ApplicationScoped
public class KinshipReferences {

    private static final Logger LOG = Logger.getLogger(KinshipReferences.class);

    /** A party's family references: the index and, per entry, the donors it rests on. */
    public record Families(long generation, ReferenceIndex index, Map<String, List<UUID>> donorsOf,
                           Map<UUID, List<FamilyReferences.Donor>> referencesOf, FamilyGroups.SharedRelatives shared,
                           Map<UUID, Set<UUID>> familyOf, FamilyGroups.Links links) {

        /** The stated family the person belongs to (full siblings, parents and children, transitively). */
        public Set<UUID> familyOf(UUID person) {
            return familyOf.getOrDefault(person, Set.of(person));
        }

        /** A name of the person's stated family, the same for each of its members. */
        public String familyName(UUID person) {
            return familyOf(person).stream().map(UUID::toString).min(String::compareTo).orElseThrow();
        }
    }

    /** A party's post-mortem profiles, by case. */
    public record Remains(long generation, Map<UUID, StrProfile> profiles, ReferenceIndex asIdentityReferences) {
    }

    private final EntityManager entityManager;
    private final KinshipEngine engine;
    private final KinshipWork work;
    private final Map<String, Families> families = new ConcurrentHashMap<>();
    private final Map<String, Remains> remains = new ConcurrentHashMap<>();

    private final Map<String, AtomicLong> leftOut = new ConcurrentHashMap<>();
    private final MeterRegistry registry;

    public KinshipReferences(EntityManager entityManager, KinshipEngine engine, KinshipWork work, MeterRegistry registry) {
        this.entityManager = entityManager;
        this.engine = engine;
        this.work = work;
        this.registry = registry;
    }

    /** The party's count of family entries left out of the search at its last rebuild, as a gauge. */
    private AtomicLong leftOutOf(String party) {
        return leftOut.computeIfAbsent(party, p -> {
            AtomicLong count = new AtomicLong();
            Gauge.builder("homeward.kinship.families.left-out", count, AtomicLong::get).tag("party", p)
                    .description("Family entries left out of the search: references contradicting their pedigree")
                    .register(registry);
            return count;
        });
    }

    public Families families(String party) {
        long generation = work.generation(party, DnaProfile.SubjectKind.DONOR.name());
        Families cached = families.get(party);
        if (cached != null && cached.generation() == generation) {
            return cached;
        }
        Map<UUID, List<TypedDonor>> own = new LinkedHashMap<>();
        for (Object[] row : entityManager.createQuery("select p, d from DnaProfile p, FamilyDonor d"
                        + " where p.subjectKind = :kind and p.party = :party and d.id = p.subjectId"
                        + " and d.status = :consented order by d.registeredAt", Object[].class)
                .setParameter("kind", DnaProfile.SubjectKind.DONOR).setParameter("party", party)
                .setParameter("consented", FamilyDonor.Status.CONSENTED).getResultList()) {
            FamilyDonor donor = (FamilyDonor) row[1];
            own.computeIfAbsent(donor.personId(), p -> new ArrayList<>())
                    .add(new TypedDonor(donor, ((DnaProfile) row[0]).open(engine::unseal)));
        }
        Map<UUID, Set<UUID>> siblings = siblingsIn(party);
        Map<UUID, Set<UUID>> parents = new HashMap<>();
        Map<UUID, Set<UUID>> children = new HashMap<>();
        List<?> rows = entityManager.createNativeQuery("select parent_id, child_id from parent_child_link"
                + " where party = ?1").setParameter(1, party).getResultList();
        for (Object row : rows) {
            Object[] link = (Object[]) row;
            parents.computeIfAbsent((UUID) link[1], c -> new LinkedHashSet<>()).add((UUID) link[0]);
            children.computeIfAbsent((UUID) link[0], p -> new LinkedHashSet<>()).add((UUID) link[1]);
        }
        Set<UUID> persons = new LinkedHashSet<>(own.keySet());
        own.keySet().forEach(person -> {
            persons.addAll(siblings.getOrDefault(person, Set.of()));
            persons.addAll(parents.getOrDefault(person, Set.of()));
            persons.addAll(children.getOrDefault(person, Set.of()));
        });
        Map<String, List<FamilyReferences.Donor>> registered = asDonors(own);
        FamilyGroups.SharedRelatives shared = FamilyGroups.SharedRelatives.of(registered);
        // One relative registered for several files is weighed on every locus any of his samples typed.
        Map<String, List<FamilyReferences.Donor>> donors = new HashMap<>();
        registered.forEach((person, list) -> donors.put(person, list.stream().map(shared::fullest).toList()));
        FamilyGroups.Links links = new FamilyGroups.Links(asIds(siblings), asIds(parents), asIds(children));
        Map<UUID, List<FamilyReferences.Donor>> byPerson = new LinkedHashMap<>();
        persons.forEach(person -> byPerson.put(person, FamilyGroups.referencesOf(person.toString(), donors, links)));
        Families built = build(party, generation, byPerson, shared, families(siblings, children), links);
        families.put(party, built);
        return built;
    }

    /**
     * The families the register states: persons joined by full-sibling groups and parent-child links, each
     * family named by one of its members; a person in none is his own.
     */
    private static Map<UUID, Set<UUID>> families(Map<UUID, Set<UUID>> siblings, Map<UUID, Set<UUID>> children) {
        Map<UUID, Set<UUID>> neighbours = new HashMap<>();
        siblings.forEach((person, others) -> neighbours.computeIfAbsent(person, p -> new LinkedHashSet<>()).addAll(others));
        children.forEach((parent, sons) -> sons.forEach(son -> {
            neighbours.computeIfAbsent(parent, p -> new LinkedHashSet<>()).add(son);
            neighbours.computeIfAbsent(son, p -> new LinkedHashSet<>()).add(parent);
        }));
        Map<UUID, Set<UUID>> familyOf = new HashMap<>();
        for (UUID start : neighbours.keySet()) {
            if (familyOf.containsKey(start)) {
                continue;
            }
            Set<UUID> family = new LinkedHashSet<>();
            ArrayDeque<UUID> waiting = new ArrayDeque<>(List.of(start));
            while (!waiting.isEmpty()) {
                UUID person = waiting.pop();
                if (family.add(person)) {
                    waiting.addAll(neighbours.getOrDefault(person, Set.of()));
                }
            }
            family.forEach(member -> familyOf.put(member, family));
        }
        return familyOf;
    }

    /** One family alone, as the index of a person job. */
    public Families family(UUID person, List<FamilyReferences.Donor> donors) {
        return build(null, -1, Map.of(person, donors), FamilyGroups.SharedRelatives.of(Map.of()), Map.of(),
                new FamilyGroups.Links(Map.of(), Map.of(), Map.of()));
    }

    /**
     * The person's references as the party's matching weighs them: his own donors, then his full siblings',
     * missing parents' and children's as their relationship carries over, each relative on every locus any of
     * his samples typed.
     */
    public List<FamilyReferences.Donor> donorsOf(UUID person) {
        MissingPerson entry = entityManager.find(MissingPerson.class, person);
        return entry == null ? List.of() : families(entry.party()).referencesOf().getOrDefault(person, List.of());
    }

    /**
     * The person's references whose relationship to him is exact, as the matching weighs them: his own, and those his
     * stated relatives lend him but one, a missing parent's child, lent as "at least a half sibling" (he may be a full
     * one), which ReferenceFit must not take as stated.
     */
    public List<FamilyReferences.Donor> referencesAsStated(UUID person) {
        Set<String> own = new HashSet<>(entityManager.createQuery("select d.id from FamilyDonor d where d.personId = :p"
                        + " and d.status = :consented", UUID.class).setParameter("p", person)
                .setParameter("consented", FamilyDonor.Status.CONSENTED).getResultList().stream().map(UUID::toString)
                .toList());
        return donorsOf(person).stream().filter(d -> own.contains(d.id()) || d.relation() != Relation.HALF_SIBLING)
                .toList();
    }

    /**
     * The donors of the person's stated family that carry over to him, typed or not (a Y-STR-only uncle too), with
     * their relation to him as the autosomal matching lends them ({@link FamilyGroups#referencesOf}): donor id to
     * relation. His own donors are not among them.
     */
    public Map<String, Relation> lentTo(UUID person) {
        MissingPerson entry = entityManager.find(MissingPerson.class, person);
        if (entry == null) {
            return Map.of();
        }
        Families ofParty = families(entry.party());
        Set<UUID> others = new LinkedHashSet<>(ofParty.familyOf(person));
        others.remove(person);
        if (others.isEmpty()) {
            return Map.of();
        }
        Map<String, List<FamilyReferences.Donor>> registered = new HashMap<>();
        for (FamilyDonor donor : entityManager.createQuery("select d from FamilyDonor d where d.personId in :persons"
                        + " and d.status = :consented", FamilyDonor.class).setParameter("persons", others)
                .setParameter("consented", FamilyDonor.Status.CONSENTED).getResultList()) {
            registered.computeIfAbsent(donor.personId().toString(), p -> new ArrayList<>()).add(new FamilyReferences.Donor(
                    donor.id().toString(), relation(donor.relationship()), new StrProfile(Map.of())));
        }
        Map<String, Relation> lent = new LinkedHashMap<>();
        FamilyGroups.referencesOf(person.toString(), registered, ofParty.links())
                .forEach(donor -> lent.put(donor.id(), donor.relation()));
        return lent;
    }

    /**
     * The missing persons related to the person: the members of his stated family (full siblings, parents and
     * children), and every person of the party whose references include one of his relatives (the same mother
     * registered for each son's file).
     */
    public Set<UUID> relatedTo(UUID person, String party) {
        Families ofParty = families(party);
        Set<UUID> related = new LinkedHashSet<>(ofParty.familyOf(person));
        ofParty.shared().sharing(person.toString(), donorsOf(person)).forEach(other -> related.add(UUID.fromString(other)));
        related.remove(person);
        return related;
    }

    /**
     * Whose matching a donor's sample reaches, so that a change to it (recorded, retyped, erased) reaches
     * them all: the persons of his person's stated family (references carry over within it), and every person
     * with a registration of the same relative (merged with it) and his stated family, with those
     * registrations' donor ids; persons in id order, the order every caller queues their jobs in (two
     * requests queueing overlapping sets in one order cannot deadlock). A withdrawal erases the candidates
     * resting on any of those donors, whether or not the merge took loci from the withdrawn sample: the queued
     * jobs compute them again.
     */
    public record Reach(Set<UUID> persons, Set<UUID> donors) {
    }

    public Reach reachOf(UUID person, String party, FamilyReferences.Donor donor) {
        Families ofParty = families(party);
        Set<UUID> persons = new LinkedHashSet<>(ofParty.familyOf(person));
        persons.add(person);
        Set<UUID> donors = new LinkedHashSet<>();
        donors.add(UUID.fromString(donor.id()));
        ofParty.shared().holders(donor).forEach((holder, ids) -> {
            // The holder's stated family carries his (merged) registration too.
            persons.addAll(ofParty.familyOf(UUID.fromString(holder)));
            ids.forEach(id -> donors.add(UUID.fromString(id)));
        });
        return new Reach(new TreeSet<>(persons), donors);
    }

    /** The donor as the matching sees him: his relationship and his opened profile, if he has one on file. */
    public java.util.Optional<FamilyReferences.Donor> asReference(FamilyDonor donor) {
        return entityManager.createQuery("select p from DnaProfile p where p.subjectKind = :kind and p.subjectId = :donor",
                        DnaProfile.class).setParameter("kind", DnaProfile.SubjectKind.DONOR)
                .setParameter("donor", donor.id()).getResultList().stream().findFirst()
                .map(p -> new FamilyReferences.Donor(donor.id().toString(), relation(donor.relationship()),
                        p.open(engine::unseal)));
    }

    private Map<UUID, Set<UUID>> siblingsIn(String party) {
        Map<UUID, Set<UUID>> byGroup = new HashMap<>();
        for (SiblingGroupMember member : entityManager.createQuery("select m from SiblingGroupMember m"
                + " where m.party = :party", SiblingGroupMember.class).setParameter("party", party).getResultList()) {
            byGroup.computeIfAbsent(member.groupId(), g -> new LinkedHashSet<>()).add(member.personId());
        }
        Map<UUID, Set<UUID>> siblings = new HashMap<>();
        byGroup.values().forEach(group -> group.forEach(person -> siblings.put(person,
                group.stream().filter(other -> !other.equals(person)).collect(Collectors.toCollection(LinkedHashSet::new)))));
        return siblings;
    }

    /** Each person's own donors, as the engine sees them. */
    private static Map<String, List<FamilyReferences.Donor>> asDonors(Map<UUID, List<TypedDonor>> own) {
        Map<String, List<FamilyReferences.Donor>> donors = new HashMap<>();
        own.forEach((owner, typed) -> donors.put(owner.toString(), typed.stream().map(t -> new FamilyReferences.Donor(
                t.donor().id().toString(), relation(t.donor().relationship()), t.profile())).toList()));
        return donors;
    }

    private static Map<String, Set<String>> asIds(Map<UUID, Set<UUID>> siblings) {
        Map<String, Set<String>> brothers = new HashMap<>();
        siblings.forEach((of, group) -> brothers.put(of.toString(),
                group.stream().map(UUID::toString).collect(Collectors.toCollection(LinkedHashSet::new))));
        return brothers;
    }

    /** A donor with his opened profile. */
    private record TypedDonor(FamilyDonor donor, StrProfile profile) {
    }

    public Remains remains(String party) {
        long generation = work.generation(party, DnaProfile.SubjectKind.CASE.name());
        Remains cached = remains.get(party);
        if (cached != null && cached.generation() == generation) {
            return cached;
        }
        Map<UUID, StrProfile> profiles = new LinkedHashMap<>();
        List<ReferenceIndex.Reference> asReferences = new ArrayList<>();
        for (DnaProfile profile : entityManager.createQuery("select p from DnaProfile p where p.subjectKind = :kind"
                        + " and p.party = :party order by p.recordedAt", DnaProfile.class)
                .setParameter("kind", DnaProfile.SubjectKind.CASE).setParameter("party", party).getResultList()) {
            StrProfile opened = profile.open(engine::unseal);
            profiles.put(profile.subjectId(), opened);
            asReferences.add(new ReferenceIndex.Reference(profile.subjectId().toString(), profile.subjectId().toString(),
                    Relation.IDENTITY, opened));
        }
        Remains built = new Remains(generation, profiles, ReferenceIndex.of(engine.matching(), engine.scoring(), asReferences, List.of()));
        remains.put(party, built);
        return built;
    }

    private Families build(String party, long generation, Map<UUID, List<FamilyReferences.Donor>> byPerson,
                           FamilyGroups.SharedRelatives shared, Map<UUID, Set<UUID>> familyOf,
                           FamilyGroups.Links links) {
        List<ReferenceIndex.Reference> references = new ArrayList<>();
        List<ReferenceIndex.FamilyPedigree> pedigrees = new ArrayList<>();
        Map<String, List<UUID>> donorsOf = new HashMap<>();
        int[] refused = {0};
        byPerson.forEach((person, donors) -> {
            try {
                FamilyReferences.Entries entries = FamilyReferences.of(person.toString(), donors);
                references.addAll(entries.references());
                pedigrees.addAll(entries.pedigrees());
                entries.donorsOf().forEach((entry, ids) -> donorsOf.put(entry, ids.stream().map(UUID::fromString).toList()));
            } catch (Pedigree.Refused e) {
                // One family that cannot be drawn must not hide every other family from the search.
                refused[0]++;
            }
        });
        ReferenceIndex index = ReferenceIndex.of(engine.matching(), engine.scoring(), references, pedigrees);
        if (party != null) {
            // Counts only: which family is left out is personal data (DESIGN.md 6), not for logs.
            long leftOut = refused[0] + index.excluded().size();
            leftOutOf(party).set(leftOut);
            if (leftOut > 0) {
                LOG.warnf("%d family entries of party %s are left out of the search: references that contradict"
                        + " their pedigree (gauge homeward.kinship.families.left-out)", leftOut, party);
            }
        }
        return new Families(generation, index, donorsOf, byPerson, shared, familyOf, links);
    }

    static Relation relation(Relationship relationship) {
        return switch (relationship) {
            case PARENT -> Relation.PARENT;
            case CHILD -> Relation.CHILD;
            case FULL_SIBLING -> Relation.FULL_SIBLING;
            case HALF_SIBLING -> Relation.HALF_SIBLING;
            case GRANDPARENT -> Relation.GRANDPARENT;
            case UNCLE_OR_AUNT -> Relation.UNCLE_OR_AUNT;
            case PERSONAL_EFFECTS -> Relation.IDENTITY;
        };
    }
}
