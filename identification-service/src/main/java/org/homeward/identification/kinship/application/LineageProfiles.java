package org.homeward.identification.kinship.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import org.homeward.identification.cases.RemainsCase;
import org.homeward.identification.cases.application.CaseAccess;
import org.homeward.identification.kinship.DnaProfile;
import org.homeward.identification.kinship.FamilyDonor;
import org.homeward.identification.kinship.LineageProfile;
import org.homeward.identification.kinship.Relationship;
import org.homeward.identification.kinship.engine.Relation;
import org.homeward.identification.kinship.lineage.MaternalLine;
import org.homeward.identification.kinship.lineage.MtHaplotype;
import org.homeward.identification.kinship.lineage.MtRange;
import org.homeward.identification.kinship.lineage.MtVariant;
import org.homeward.identification.kinship.lineage.PaternalLine;
import org.homeward.identification.kinship.lineage.YHaplotype;
import org.homeward.identification.kinship.lineage.YLocusCall;
import org.homeward.identification.register.Sex;
import org.homeward.identification.shared.Actor;
import org.homeward.platform.audit.AuditLog;
import org.homeward.platform.domain.InvalidTransition;
import org.homeward.platform.domain.RuleViolation;
import org.homeward.platform.persistence.RerunsLostRaces;
import org.homeward.platform.problem.Problem;
import org.homeward.platform.problem.ProblemException;
import org.homeward.platform.problem.ProblemType;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * Lineage typings, as {@link DnaProfiles} keeps STR profiles: Y-STR haplotypes and mtDNA sequences of remains (by
 * the case's assigned laboratory) and of reference donors with their place on the missing person's paternal or
 * maternal line (by a laboratory of his party). Recording one queues the matching in the same transaction, reading
 * one is audited, a withdrawn consent erases it, and no event carries it.
 */
@ApplicationScoped
@Transactional
@RerunsLostRaces
public class LineageProfiles {

    /** Where on the paternal line each relationship a donor was registered with may stand. */
    private static final Map<Relationship, PaternalLine> PATERNAL = Map.of(
            Relationship.PARENT, PaternalLine.FATHER,
            Relationship.CHILD, PaternalLine.SON,
            Relationship.FULL_SIBLING, PaternalLine.BROTHER,
            Relationship.HALF_SIBLING, PaternalLine.BROTHER,
            Relationship.GRANDPARENT, PaternalLine.PATERNAL_GRANDFATHER,
            Relationship.UNCLE_OR_AUNT, PaternalLine.PATERNAL_UNCLE);

    /** Where on the maternal line each relationship may stand (a child only of a missing woman). */
    private static final Map<Relationship, MaternalLine> MATERNAL = Map.of(
            Relationship.PARENT, MaternalLine.MOTHER,
            Relationship.CHILD, MaternalLine.CHILD_OF_A_MISSING_WOMAN,
            Relationship.FULL_SIBLING, MaternalLine.SIBLING,
            Relationship.HALF_SIBLING, MaternalLine.SIBLING,
            Relationship.GRANDPARENT, MaternalLine.MATERNAL_GRANDMOTHER,
            Relationship.UNCLE_OR_AUNT, MaternalLine.MATERNAL_UNCLE_OR_AUNT);

    private final EntityManager entityManager;
    private final CaseAccess caseAccess;
    private final LaboratoryDonors donors;
    private final KinshipEngine engine;
    private final KinshipWork work;
    private final KinshipReferences references;
    private final AuditLog audit;
    private final Clock clock;

    public LineageProfiles(EntityManager entityManager, CaseAccess caseAccess, LaboratoryDonors donors,
                           KinshipEngine engine, KinshipWork work, KinshipReferences references, AuditLog audit,
                           Clock clock) {
        this.references = references;
        this.entityManager = entityManager;
        this.caseAccess = caseAccess;
        this.donors = donors;
        this.engine = engine;
        this.work = work;
        this.audit = audit;
        this.clock = clock;
    }

    /** A Y-STR haplotype as submitted: locus name to the call as the laboratory writes it ("14", "11-14", "null"). */
    public record SubmittedY(String sampleId, Map<String, String> loci) {
    }

    /** An mtDNA sequence as submitted: the range read ("16024-16365 73-340") and the variants ("16519C", "315.1C"). */
    public record SubmittedMt(String sampleId, String range, List<String> variants) {
    }

    /** A typing on file, opened for its reader: the haplotype or the sequence, as its method says. */
    public record OnFile(LineageProfile record, YHaplotype haplotype, MtHaplotype sequence) {
    }

    public LineageProfile recordYForCase(UUID caseId, SubmittedY submitted) {
        YHaplotype haplotype = readY(submitted.loci());
        return recordForCase(caseId, LineageProfile.Method.Y_STR,
                (stored, actor, now) -> stored.retypeY(submitted.sampleId(), haplotype, null, engine::seal, actor, now),
                (party, actor, now) -> LineageProfile.yStr(DnaProfile.SubjectKind.CASE, caseId, party,
                        submitted.sampleId(), haplotype, null, engine::seal, actor, now));
    }

    public LineageProfile recordMtForCase(UUID caseId, SubmittedMt submitted) {
        MtHaplotype sequence = readMt(submitted);
        return recordForCase(caseId, LineageProfile.Method.MT_DNA,
                (stored, actor, now) -> stored.retypeMt(submitted.sampleId(), sequence, null, engine::seal, actor, now),
                (party, actor, now) -> LineageProfile.mtDna(DnaProfile.SubjectKind.CASE, caseId, party,
                        submitted.sampleId(), sequence, null, engine::seal, actor, now));
    }

    public LineageProfile recordYForDonor(UUID donorId, PaternalLine place, SubmittedY submitted) {
        YHaplotype haplotype = readY(submitted.loci());
        return recordForDonor(donorId, LineageProfile.Method.Y_STR, submitted.sampleId(), typing -> {
            Relationship relationship = typing.donor().relationship();
            if (PATERNAL.get(relationship) != place) {
                throw new RuleViolation("paternalLine", "A donor registered as " + relationship + " cannot be the"
                        + " missing man's " + place + (PATERNAL.containsKey(relationship) ? "; he may be his "
                        + PATERNAL.get(relationship) : "; his sample is not of the paternal line"));
            }
        }, (stored, actor, now) -> stored.retypeY(submitted.sampleId(), haplotype, place, engine::seal, actor, now),
                (party, actor, now) -> LineageProfile.yStr(DnaProfile.SubjectKind.DONOR, donorId, party,
                        submitted.sampleId(), haplotype, place, engine::seal, actor, now));
    }

    public LineageProfile recordMtForDonor(UUID donorId, MaternalLine place, SubmittedMt submitted) {
        MtHaplotype sequence = readMt(submitted);
        return recordForDonor(donorId, LineageProfile.Method.MT_DNA, submitted.sampleId(), typing -> {
            Relationship relationship = typing.donor().relationship();
            if (MATERNAL.get(relationship) != place) {
                throw new RuleViolation("maternalLine", "A donor registered as " + relationship + " cannot be the"
                        + " missing person's " + place + (MATERNAL.containsKey(relationship) ? "; they may be the "
                        + MATERNAL.get(relationship) : "; the sample is not of the maternal line"));
            }
            if (place == MaternalLine.CHILD_OF_A_MISSING_WOMAN && typing.person().sex() != Sex.FEMALE) {
                throw new RuleViolation("maternalLine", "Only a woman passes on her mitochondria: a child is of the"
                        + " maternal line of a missing person registered as female");
            }
        }, (stored, actor, now) -> stored.retypeMt(submitted.sampleId(), sequence, place, engine::seal, actor, now),
                (party, actor, now) -> LineageProfile.mtDna(DnaProfile.SubjectKind.DONOR, donorId, party,
                        submitted.sampleId(), sequence, place, engine::seal, actor, now));
    }

    @FunctionalInterface
    private interface Retyping {
        void apply(LineageProfile stored, Actor actor, Instant now);
    }

    @FunctionalInterface
    private interface Typing {
        LineageProfile create(String party, Actor actor, Instant now);
    }

    private LineageProfile recordForCase(UUID caseId, LineageProfile.Method method, Retyping retype, Typing create) {
        Instant now = Instant.now(clock);
        RemainsCase remainsCase = caseAccess.forLaboratory(caseId, LockModeType.NONE);
        if (!remainsCase.status().acceptsEvidence()) {
            // A body that never came, or was handed back: nothing of it is typed here. An identified one may still be
            // (a relative's question, a report); it is matched again only while its identity is open.
            throw new InvalidTransition("The case is " + remainsCase.status() + ": its remains are not here, no typing"
                    + " is recorded");
        }
        work.enqueue(KinshipWork.Kind.CASE, caseId, remainsCase.toParty(), now);
        LineageProfile stored = store(DnaProfile.SubjectKind.CASE, caseId, method, remainsCase.toParty(),
                caseAccess.actor(), now, retype, create);
        audit.record("lineage-profile.case.record", "case", caseId.toString());
        return stored;
    }

    private LineageProfile recordForDonor(UUID donorId, LineageProfile.Method method, String sampleId,
                                          Consumer<LaboratoryDonors.Typing> placeCheck,
                                          Retyping retype, Typing create) {
        LaboratoryDonors.Typing typing = donors.forTyping(donorId, sampleId);
        placeCheck.accept(typing);
        Instant now = Instant.now(clock);
        String party = typing.person().party();
        // His person's stated family is lent this typing too (their father is his): all of them are matched again,
        // in id order, as every caller queues (no deadlock between them).
        Set<UUID> reached = new TreeSet<>(references.relatedTo(typing.person().id(), party));
        reached.add(typing.person().id());
        reached.forEach(person -> work.enqueue(KinshipWork.Kind.PERSON, person, party, now));
        LineageProfile stored = store(DnaProfile.SubjectKind.DONOR, donorId, method, party, typing.actor(), now, retype,
                create);
        audit.record("lineage-profile.donor.record", "family_donor", donorId.toString());
        return stored;
    }

    public OnFile ofCase(UUID caseId, LineageProfile.Method method) {
        caseAccess.forLaboratory(caseId, LockModeType.NONE);
        LineageProfile record = find(DnaProfile.SubjectKind.CASE, caseId, method)
                .orElseThrow(() -> ProblemException.notFound(named(method) + " of case " + caseId));
        audit.record("lineage-profile.case.read", "case", caseId.toString());
        return opened(record);
    }

    public OnFile ofDonor(UUID donorId, LineageProfile.Method method) {
        donors.forReading(donorId);
        LineageProfile record = find(DnaProfile.SubjectKind.DONOR, donorId, method)
                .orElseThrow(() -> ProblemException.notFound(named(method) + " of donor " + donorId));
        audit.record("lineage-profile.donor.read", "family_donor", donorId.toString());
        return opened(record);
    }

    private static String named(LineageProfile.Method method) {
        return method == LineageProfile.Method.Y_STR ? "A Y-STR haplotype" : "An mtDNA sequence";
    }

    private OnFile opened(LineageProfile record) {
        return record.method() == LineageProfile.Method.Y_STR
                ? new OnFile(record, record.haplotype(engine::unseal), null)
                : new OnFile(record, null, record.sequence(engine::unseal));
    }

    /** Erases a donor's lineage typings (consent withdrawn), in the caller's transaction. */
    public void eraseDonorProfiles(UUID donorId) {
        entityManager.createQuery("delete from LineageProfile p where p.subjectKind = :kind and p.subjectId = :donor")
                .setParameter("kind", DnaProfile.SubjectKind.DONOR).setParameter("donor", donorId).executeUpdate();
    }

    /** Every call read, or every bad one named by its locus (never its value); two names of one locus are refused. */
    private static YHaplotype readY(Map<String, String> loci) {
        Map<String, YLocusCall> calls = new TreeMap<>();
        List<Problem.Violation> violations = new ArrayList<>();
        loci.forEach((locus, call) -> {
            try {
                if (calls.put(locus.strip().toUpperCase(Locale.ROOT), YLocusCall.parse(call)) != null) {
                    violations.add(new Problem.Violation("loci." + locus, "The locus is named twice"));
                }
            } catch (IllegalArgumentException e) {
                violations.add(new Problem.Violation("loci." + locus, e.getMessage()));
            }
        });
        refuseIf(violations, "haplotype");
        return new YHaplotype(calls);
    }

    /** The range and every variant read, or each bad one named by its index (never its value). */
    private static MtHaplotype readMt(SubmittedMt submitted) {
        List<Problem.Violation> violations = new ArrayList<>();
        try {
            MtRange.parse(submitted.range());
        } catch (IllegalArgumentException e) {
            violations.add(new Problem.Violation("range", e.getMessage()));
        }
        for (int i = 0; i < submitted.variants().size(); i++) {
            try {
                MtVariant.parse(submitted.variants().get(i));
            } catch (IllegalArgumentException e) {
                violations.add(new Problem.Violation("variants[" + i + "]", e.getMessage()));
            }
        }
        refuseIf(violations, "sequence");
        try {
            return MtHaplotype.parse(submitted.range(), String.join(" ", submitted.variants()));
        } catch (IllegalArgumentException e) { // a variant outside the range, or a position named twice
            refuseIf(List.of(new Problem.Violation("variants", e.getMessage())), "sequence");
            throw e;
        }
    }

    private static void refuseIf(List<Problem.Violation> violations, String what) {
        if (!violations.isEmpty()) {
            throw new ProblemException(ProblemType.VALIDATION_FAILED, "The " + what + " was refused; nothing was stored",
                    violations);
        }
    }

    private LineageProfile store(DnaProfile.SubjectKind kind, UUID subject, LineageProfile.Method method, String party,
                                 Actor actor, Instant now, Retyping retype, Typing create) {
        Optional<LineageProfile> stored = find(kind, subject, method);
        if (stored.isPresent()) {
            retype.apply(stored.get(), actor, now);
            return stored.get();
        }
        LineageProfile created = create.create(party, actor, now);
        entityManager.persist(created);
        return created;
    }

    private Optional<LineageProfile> find(DnaProfile.SubjectKind kind, UUID subject, LineageProfile.Method method) {
        return entityManager.createQuery("select p from LineageProfile p where p.subjectKind = :kind"
                        + " and p.subjectId = :subject and p.method = :method", LineageProfile.class)
                .setParameter("kind", kind).setParameter("subject", subject).setParameter("method", method)
                .getResultList().stream().findFirst();
    }

    /** The remains' typings by method, opened for the matching (no audit: background work, not a person's read). */
    Map<LineageProfile.Method, OnFile> remainsTypings(UUID caseId) {
        Map<LineageProfile.Method, OnFile> typings = new EnumMap<>(LineageProfile.Method.class);
        entityManager.createQuery("select p from LineageProfile p where p.subjectKind = :kind and p.subjectId = :case",
                        LineageProfile.class).setParameter("kind", DnaProfile.SubjectKind.CASE).setParameter("case", caseId)
                .getResultList().forEach(p -> typings.put(p.method(), opened(p)));
        return typings;
    }

    /**
     * The consented references typed by the method that stand on the person's line: his own donors, and donors of his
     * stated family he is lent ({@code lent}: donor id to the donor's relation to him) whose recorded place on the line
     * is the place that relation gives him too (his brother's father is his father; his brother's son is not his son).
     */
    List<OnFile> lineReferences(UUID personId, LineageProfile.Method method, Map<String, Relation> lent) {
        List<UUID> lentIds = lent.keySet().stream().map(UUID::fromString).toList();
        List<OnFile> references = new ArrayList<>();
        for (Object[] row : entityManager.createQuery("select p, d.personId from LineageProfile p, FamilyDonor d"
                        + " where p.subjectKind = :kind and p.method = :method and d.id = p.subjectId"
                        + " and d.status = :consented and (d.personId = :person or d.id in :lent)", Object[].class)
                .setParameter("kind", DnaProfile.SubjectKind.DONOR).setParameter("method", method)
                .setParameter("consented", FamilyDonor.Status.CONSENTED).setParameter("person", personId)
                .setParameter("lent", lentIds.isEmpty() ? List.of(new UUID(0, 0)) : lentIds).getResultList()) {
            LineageProfile typing = (LineageProfile) row[0];
            if (personId.equals(row[1]) || samePlace(typing, lent.get(typing.subjectId().toString()))) {
                references.add(opened(typing));
            }
        }
        return references;
    }

    /** Whether a lent donor's recorded place is the one his relation to this person gives. */
    private static boolean samePlace(LineageProfile typing, Relation relation) {
        Relationship relationship = Arrays.stream(Relationship.values())
                .filter(r -> KinshipReferences.relation(r) == relation).findFirst().orElse(null);
        Enum<?> place = typing.method() == LineageProfile.Method.Y_STR ? PATERNAL.get(relationship)
                : MATERNAL.get(relationship);
        return place != null && place.name().equals(typing.linePlace());
    }

    /** The persons of the party with a consented lineage reference, and those their stated families lend it to. */
    Set<UUID> personsWithLineReferences(String party, KinshipReferences references) {
        Set<UUID> persons = new TreeSet<>(entityManager.createQuery("select distinct d.personId from LineageProfile p,"
                        + " FamilyDonor d where p.subjectKind = :kind and p.party = :party and d.id = p.subjectId"
                        + " and d.status = :consented", UUID.class)
                .setParameter("kind", DnaProfile.SubjectKind.DONOR).setParameter("party", party)
                .setParameter("consented", FamilyDonor.Status.CONSENTED).getResultList());
        new ArrayList<>(persons).forEach(person -> persons.addAll(references.relatedTo(person, party)));
        return persons;
    }

    /** The party's remains typed by a lineage method. */
    Set<UUID> casesWithLineage(String party) {
        return Set.copyOf(entityManager.createQuery("select distinct p.subjectId from LineageProfile p"
                        + " where p.subjectKind = :kind and p.party = :party", UUID.class)
                .setParameter("kind", DnaProfile.SubjectKind.CASE).setParameter("party", party).getResultList());
    }
}
