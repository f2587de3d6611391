package org.homeward.identification.kinship.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import org.homeward.identification.kinship.DnaProfile;
import org.homeward.identification.kinship.engine.FamilyReferences;
import org.homeward.identification.kinship.engine.Pedigree;
import org.homeward.identification.kinship.engine.ReferenceIndex;
import org.homeward.identification.kinship.engine.Relation;
import org.homeward.identification.kinship.engine.StrProfile;
import org.homeward.identification.kinship.FamilyDonor;
import org.homeward.identification.kinship.Relationship;
import org.jboss.logging.Logger;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The decrypted profiles the matching searches, per party, kept in memory between jobs and rebuilt when
 * the party's generation counter moved (another replica, or this one, changed a profile).
 */
@ApplicationScoped
public class KinshipReferences {

    private static final Logger LOG = Logger.getLogger(KinshipReferences.class);

    /** A party's family references: the index and, per entry, the donors it rests on. */
    public record Families(long generation, ReferenceIndex index, Map<String, List<UUID>> donorsOf) {
    }

    /** A party's post-mortem profiles, by case. */
    public record Remains(long generation, Map<UUID, StrProfile> profiles, ReferenceIndex asIdentityReferences) {
    }

    private final EntityManager entityManager;
    private final KinshipEngine engine;
    private final KinshipWork work;
    private final Map<String, Families> families = new ConcurrentHashMap<>();
    private final Map<String, Remains> remains = new ConcurrentHashMap<>();

    public KinshipReferences(EntityManager entityManager, KinshipEngine engine, KinshipWork work) {
        this.entityManager = entityManager;
        this.engine = engine;
        this.work = work;
    }

    public Families families(String party) {
        long generation = work.generation(party, DnaProfile.SubjectKind.DONOR.name());
        Families cached = families.get(party);
        if (cached != null && cached.generation() == generation) {
            return cached;
        }
        Map<UUID, List<FamilyReferences.Donor>> byPerson = new LinkedHashMap<>();
        for (Object[] row : entityManager.createQuery("select p, d from DnaProfile p, FamilyDonor d"
                        + " where p.subjectKind = :kind and p.party = :party and d.id = p.subjectId"
                        + " and d.status = :consented order by d.registeredAt", Object[].class)
                .setParameter("kind", DnaProfile.SubjectKind.DONOR).setParameter("party", party)
                .setParameter("consented", FamilyDonor.Status.CONSENTED).getResultList()) {
            DnaProfile profile = (DnaProfile) row[0];
            FamilyDonor donor = (FamilyDonor) row[1];
            byPerson.computeIfAbsent(donor.personId(), p -> new ArrayList<>()).add(new FamilyReferences.Donor(
                    donor.id().toString(), relation(donor.relationship()), profile.open(engine::unseal)));
        }
        Families built = build(generation, byPerson);
        families.put(party, built);
        return built;
    }

    /** One family alone, as the index of a person job. */
    public Families family(UUID person, List<FamilyReferences.Donor> donors) {
        return build(-1, Map.of(person, donors));
    }

    public List<FamilyReferences.Donor> donorsOf(UUID person) {
        List<FamilyReferences.Donor> donors = new ArrayList<>();
        for (Object[] row : entityManager.createQuery("select p, d from DnaProfile p, FamilyDonor d"
                        + " where p.subjectKind = :kind and d.id = p.subjectId and d.personId = :person"
                        + " and d.status = :consented order by d.registeredAt", Object[].class)
                .setParameter("kind", DnaProfile.SubjectKind.DONOR).setParameter("person", person)
                .setParameter("consented", FamilyDonor.Status.CONSENTED).getResultList()) {
            FamilyDonor donor = (FamilyDonor) row[1];
            donors.add(new FamilyReferences.Donor(donor.id().toString(), relation(donor.relationship()),
                    ((DnaProfile) row[0]).open(engine::unseal)));
        }
        return donors;
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
        Remains built = new Remains(generation, profiles, ReferenceIndex.of(engine.matching(), asReferences, List.of()));
        remains.put(party, built);
        return built;
    }

    private Families build(long generation, Map<UUID, List<FamilyReferences.Donor>> byPerson) {
        List<ReferenceIndex.Reference> references = new ArrayList<>();
        List<ReferenceIndex.FamilyPedigree> pedigrees = new ArrayList<>();
        Map<String, List<UUID>> donorsOf = new HashMap<>();
        byPerson.forEach((person, donors) -> {
            try {
                FamilyReferences.Entries entries = FamilyReferences.of(person.toString(), donors);
                references.addAll(entries.references());
                pedigrees.addAll(entries.pedigrees());
                entries.donorsOf().forEach((entry, ids) -> donorsOf.put(entry, ids.stream().map(UUID::fromString).toList()));
            } catch (Pedigree.Refused e) {
                // One family that cannot be drawn must not hide every other family from the search.
                LOG.warnf("The references of missing person %s are left out of the search: %s", person, e.getMessage());
            }
        });
        ReferenceIndex index = ReferenceIndex.of(engine.matching(), references, pedigrees);
        for (String family : index.excluded()) {
            LOG.warnf("Family entry %s is left out of the search: its references contradict its pedigree", family);
        }
        return new Families(generation, index, donorsOf);
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
