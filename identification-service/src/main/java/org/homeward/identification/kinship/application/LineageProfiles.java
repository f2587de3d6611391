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
import org.homeward.identification.kinship.lineage.PaternalLine;
import org.homeward.identification.kinship.lineage.YHaplotype;
import org.homeward.identification.kinship.lineage.YLocusCall;
import org.homeward.identification.shared.Actor;
import org.homeward.platform.audit.AuditLog;
import org.homeward.platform.domain.RuleViolation;
import org.homeward.platform.persistence.RerunsLostRaces;
import org.homeward.platform.problem.Problem;
import org.homeward.platform.problem.ProblemException;
import org.homeward.platform.problem.ProblemType;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Y-STR haplotypes of remains (by the case's assigned laboratory) and of male reference donors of the missing man's
 * paternal line (by a laboratory of his party), as {@link DnaProfiles} keeps STR profiles: recording one queues the
 * matching in the same transaction, reading one is audited, a withdrawn consent erases it, and no event carries it.
 */
@ApplicationScoped
@Transactional
@RerunsLostRaces
public class LineageProfiles {

    /** Where on the paternal line each relationship a donor was registered with may stand. */
    private static final Map<Relationship, Set<PaternalLine>> PLACES = Map.of(
            Relationship.PARENT, Set.of(PaternalLine.FATHER),
            Relationship.CHILD, Set.of(PaternalLine.SON),
            Relationship.FULL_SIBLING, Set.of(PaternalLine.BROTHER),
            Relationship.HALF_SIBLING, Set.of(PaternalLine.BROTHER),
            Relationship.GRANDPARENT, Set.of(PaternalLine.PATERNAL_GRANDFATHER),
            Relationship.UNCLE_OR_AUNT, Set.of(PaternalLine.PATERNAL_UNCLE));

    private final EntityManager entityManager;
    private final CaseAccess caseAccess;
    private final LaboratoryDonors donors;
    private final KinshipEngine engine;
    private final KinshipWork work;
    private final AuditLog audit;
    private final Clock clock;

    public LineageProfiles(EntityManager entityManager, CaseAccess caseAccess, LaboratoryDonors donors,
                           KinshipEngine engine, KinshipWork work, AuditLog audit, Clock clock) {
        this.entityManager = entityManager;
        this.caseAccess = caseAccess;
        this.donors = donors;
        this.engine = engine;
        this.work = work;
        this.audit = audit;
        this.clock = clock;
    }

    /** A haplotype as submitted: locus name to the call as the laboratory writes it ("14", "11-14", "null"). */
    public record Submitted(String sampleId, Map<String, String> loci) {
    }

    /** A haplotype on file, opened for its reader. */
    public record OnFile(LineageProfile record, YHaplotype haplotype) {
    }

    public LineageProfile recordForCase(UUID caseId, Submitted submitted) {
        YHaplotype haplotype = read(submitted.loci());
        Instant now = Instant.now(clock);
        RemainsCase remainsCase = caseAccess.forLaboratory(caseId, LockModeType.NONE);
        work.enqueue(KinshipWork.Kind.CASE, caseId, remainsCase.toParty(), now);
        LineageProfile stored = store(DnaProfile.SubjectKind.CASE, caseId, remainsCase.toParty(), submitted.sampleId(),
                haplotype, null, caseAccess.actor(), now);
        audit.record("lineage-profile.case.record", "case", caseId.toString());
        return stored;
    }

    public LineageProfile recordForDonor(UUID donorId, PaternalLine place, Submitted submitted) {
        YHaplotype haplotype = read(submitted.loci());
        LaboratoryDonors.Typing typing = donors.forTyping(donorId, submitted.sampleId());
        Relationship relationship = typing.donor().relationship();
        if (!PLACES.getOrDefault(relationship, Set.of()).contains(place)) {
            throw new RuleViolation("paternalLine", "A donor registered as " + relationship + " cannot be the missing"
                    + " man's " + place + (PLACES.containsKey(relationship) ? "; he may be his "
                    + PLACES.get(relationship).iterator().next() : "; his sample is not of the paternal line"));
        }
        Instant now = Instant.now(clock);
        String party = typing.person().party();
        work.enqueue(KinshipWork.Kind.PERSON, typing.person().id(), party, now);
        LineageProfile stored = store(DnaProfile.SubjectKind.DONOR, donorId, party, submitted.sampleId(), haplotype,
                place, typing.actor(), now);
        audit.record("lineage-profile.donor.record", "family_donor", donorId.toString());
        return stored;
    }

    public OnFile ofCase(UUID caseId) {
        caseAccess.forLaboratory(caseId, LockModeType.NONE);
        LineageProfile record = find(DnaProfile.SubjectKind.CASE, caseId)
                .orElseThrow(() -> ProblemException.notFound("A Y-STR haplotype of case " + caseId));
        audit.record("lineage-profile.case.read", "case", caseId.toString());
        return new OnFile(record, record.open(engine::unseal));
    }

    public OnFile ofDonor(UUID donorId) {
        donors.forReading(donorId);
        LineageProfile record = find(DnaProfile.SubjectKind.DONOR, donorId)
                .orElseThrow(() -> ProblemException.notFound("A Y-STR haplotype of donor " + donorId));
        audit.record("lineage-profile.donor.read", "family_donor", donorId.toString());
        return new OnFile(record, record.open(engine::unseal));
    }

    /** Erases a donor's haplotypes (consent withdrawn), in the caller's transaction. */
    public void eraseDonorProfiles(UUID donorId) {
        entityManager.createQuery("delete from LineageProfile p where p.subjectKind = :kind and p.subjectId = :donor")
                .setParameter("kind", DnaProfile.SubjectKind.DONOR).setParameter("donor", donorId).executeUpdate();
    }

    /** Every call read, or every bad one named by its locus (never its value); two names of one locus are refused. */
    private static YHaplotype read(Map<String, String> loci) {
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
        if (!violations.isEmpty()) {
            throw new ProblemException(ProblemType.VALIDATION_FAILED, "The haplotype was refused; nothing was stored",
                    violations);
        }
        return new YHaplotype(calls);
    }

    private LineageProfile store(DnaProfile.SubjectKind kind, UUID subject, String party, String sampleId,
                                 YHaplotype haplotype, PaternalLine place, Actor actor, Instant now) {
        Optional<LineageProfile> stored = find(kind, subject);
        if (stored.isPresent()) {
            stored.get().retype(sampleId, haplotype, place, engine::seal, actor, now);
            return stored.get();
        }
        LineageProfile created = new LineageProfile(kind, subject, party, sampleId, haplotype, place, engine::seal, actor, now);
        entityManager.persist(created);
        return created;
    }

    private Optional<LineageProfile> find(DnaProfile.SubjectKind kind, UUID subject) {
        return entityManager.createQuery("select p from LineageProfile p where p.subjectKind = :kind"
                        + " and p.subjectId = :subject and p.method = :method", LineageProfile.class)
                .setParameter("kind", kind).setParameter("subject", subject)
                .setParameter("method", LineageProfile.Method.Y_STR).getResultList().stream().findFirst();
    }

    /** The remains' haplotype, opened for the matching (no audit: background work, not a read by a person). */
    Optional<YHaplotype> remainsHaplotype(UUID caseId) {
        return find(DnaProfile.SubjectKind.CASE, caseId).map(p -> p.open(engine::unseal));
    }

    /** The ids of the person's consented donors typed on Y-STR (for the party's identification policy). */
    Set<String> donorsTyped(UUID personId) {
        return Set.copyOf(entityManager.createQuery("select d.id from LineageProfile p, FamilyDonor d"
                        + " where p.subjectKind = :kind and d.id = p.subjectId and d.personId = :person"
                        + " and d.status = :consented", UUID.class)
                .setParameter("kind", DnaProfile.SubjectKind.DONOR).setParameter("person", personId)
                .setParameter("consented", FamilyDonor.Status.CONSENTED).getResultList().stream()
                .map(UUID::toString).toList());
    }

    /** A consented reference of the paternal line, opened for the matching. */
    record LineReference(UUID donorId, PaternalLine place, YHaplotype haplotype) {
    }

    /** The person's consented donors typed on Y-STR, closest on the line first (fewest meioses, then most loci). */
    List<LineReference> lineReferences(UUID personId) {
        List<LineReference> references = new ArrayList<>();
        for (LineageProfile p : entityManager.createQuery("select p from LineageProfile p, FamilyDonor d"
                        + " where p.subjectKind = :kind and d.id = p.subjectId and d.personId = :person"
                        + " and d.status = :consented", LineageProfile.class)
                .setParameter("kind", DnaProfile.SubjectKind.DONOR).setParameter("person", personId)
                .setParameter("consented", FamilyDonor.Status.CONSENTED).getResultList()) {
            references.add(new LineReference(p.subjectId(), p.paternalLine(), p.open(engine::unseal)));
        }
        references.sort(java.util.Comparator.comparingInt((LineReference r) -> r.place().meioses())
                .thenComparing(r -> -r.haplotype().loci().size()).thenComparing(r -> r.donorId().toString()));
        return references;
    }
}
