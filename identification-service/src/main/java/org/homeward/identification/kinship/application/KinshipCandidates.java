package org.homeward.identification.kinship.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import org.homeward.identification.cases.application.CaseAccess;
import org.homeward.identification.cases.application.Identifications;
import org.homeward.identification.kinship.KinshipCandidate;
import org.homeward.identification.kinship.KinshipResults;
import org.homeward.identification.kinship.ReassociationCandidate;
import org.homeward.identification.register.MissingPerson;
import org.homeward.identification.register.application.RegisterAccess;
import org.homeward.identification.shared.Actor;
import org.homeward.platform.domain.RuleViolation;
import org.homeward.platform.audit.AuditLog;
import org.homeward.platform.persistence.RerunsLostRaces;
import org.homeward.platform.problem.ProblemException;

import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * What the matching found, for the examiners identifying for the party (matching results are personal
 * data): a case's candidates for its assigned laboratory, a missing person's for the party's laboratories,
 * re-associations of a case. Every read is audited.
 */
@ApplicationScoped
@Transactional
@RerunsLostRaces
public class KinshipCandidates implements KinshipResults {

    private final EntityManager entityManager;
    private final CaseAccess caseAccess;
    private final RegisterAccess registerAccess;
    private final AuditLog audit;

    private final KinshipEngine engine;
    private final Identifications identifications;

    /** A candidate with its per-locus ratios opened for the examiner reading it. */
    public record Opened(KinshipCandidate candidate, Map<String, Double> perLocus) {
    }

    public KinshipCandidates(EntityManager entityManager, CaseAccess caseAccess, RegisterAccess registerAccess,
                             AuditLog audit, KinshipEngine engine, Identifications identifications) {
        this.engine = engine;
        this.identifications = identifications;
        this.entityManager = entityManager;
        this.caseAccess = caseAccess;
        this.registerAccess = registerAccess;
        this.audit = audit;
    }

    public List<Opened> ofCase(UUID caseId) {
        caseAccess.forLaboratory(caseId, LockModeType.NONE);
        audit.record("kinship.candidates.case.read", "case", caseId.toString());
        return opened(entityManager.createQuery("select c from KinshipCandidate c where c.caseId = :case"
                + " order by c.rankInCase", KinshipCandidate.class).setParameter("case", caseId).getResultList());
    }

    public List<Opened> ofPerson(UUID personId) {
        MissingPerson person = registerAccess.readable(entityManager.find(MissingPerson.class, personId), personId);
        registerAccess.requireLaboratoryOf(person.party());
        audit.record("kinship.candidates.person.read", "missing_person", personId.toString());
        // A laboratory sees the remains it examines, not those assigned to another laboratory of the party.
        return opened(entityManager.createQuery("select c from KinshipCandidate c, RemainsCase r where c.personId = :person"
                        + " and r.id = c.caseId and r.assignedOrganisation = :laboratory order by c.lr desc",
                        KinshipCandidate.class)
                .setParameter("person", personId).setParameter("laboratory", registerAccess.organisation()).getResultList());
    }

    public List<ReassociationCandidate> reassociationsOf(UUID caseId) {
        caseAccess.forLaboratory(caseId, LockModeType.NONE);
        audit.record("kinship.reassociations.read", "case", caseId.toString());
        // Only pairs whose other case the same laboratory examines: another laboratory's case ids stay its own.
        return entityManager.createQuery("select r from ReassociationCandidate r, RemainsCase other"
                        + " where (r.caseId = :case and other.id = r.otherCaseId or r.otherCaseId = :case and other.id = r.caseId)"
                        + " and other.assignedOrganisation = :laboratory order by r.lr desc", ReassociationCandidate.class)
                .setParameter("case", caseId).setParameter("laboratory", caseAccess.actor().organisation()).getResultList();
    }

    private List<Opened> opened(List<KinshipCandidate> candidates) {
        return candidates.stream().map(c -> new Opened(c, c.perLocus(engine::unseal))).toList();
    }

    /** The candidate an examiner cites in a proposal: it must be one of this case's. */
    @Override
    public QuotedCandidate quoteForProposal(UUID caseId, UUID candidateId) {
        KinshipCandidate candidate = entityManager.find(KinshipCandidate.class, candidateId);
        if (candidate == null || !candidate.caseId().equals(caseId)) {
            throw ProblemException.notFound("Kinship candidate " + candidateId + " of case " + caseId);
        }
        return new QuotedCandidate(candidate.id(), candidate.personId(), KinshipEvidence.summary(candidate));
    }

    @Override
    public Map<UUID, DnaStanding> standingByPerson(UUID caseId) {
        Map<UUID, DnaStanding> standing = new HashMap<>();
        entityManager.createQuery("select c from KinshipCandidate c where c.caseId = :case", KinshipCandidate.class)
                .setParameter("case", caseId).getResultList()
                .forEach(c -> standing.merge(c.personId(), new DnaStanding(c.id(), c.log10Lr(), c.posterior(), c.undisputed()),
                        (a, b) -> a.log10Lr() >= b.log10Lr() ? a : b));
        return standing;
    }

    @Override
    public Set<UUID> withCandidates(UUID agreementId, String laboratory) {
        return Set.copyOf(entityManager.createQuery("select distinct k.caseId from KinshipCandidate k, RemainsCase c"
                        + " where c.id = k.caseId and c.agreementId = :agreement and c.assignedOrganisation = :laboratory",
                UUID.class).setParameter("agreement", agreementId).setParameter("laboratory", laboratory).getResultList());
    }

    @Override
    public String quoteReassociation(UUID caseId, UUID otherCaseId, UUID reassociationId) {
        ReassociationCandidate found = entityManager.find(ReassociationCandidate.class, reassociationId);
        if (found == null || !Set.of(found.caseId(), found.otherCaseId()).equals(Set.of(caseId, otherCaseId))) {
            throw new RuleViolation("reassociationId", "No DNA re-association " + reassociationId + " of these two cases");
        }
        return String.format(Locale.ROOT, "DNA re-association %s: the two remains' profiles are the same person's"
                        + " with LR %.3g on %d loci (computed %s)", found.id(), found.lr(), found.lociCompared(),
                found.computedAt());
    }

    @Override
    public boolean undisputedCandidateStands(UUID caseId) {
        return !entityManager.createQuery("select c.id from KinshipCandidate c where c.caseId = :case and c.undisputed = true",
                UUID.class).setParameter("case", caseId).setMaxResults(1).getResultList().isEmpty();
    }

    /**
     * Erases every candidate resting on a withdrawn donor's sample, or on a registration of the same relative
     * merged with it ({@code reach}); the persons' other candidates forget those donors' own comparisons.
     * Answers the cases whose candidates were erased.
     */
    public Set<UUID> eraseDerivedFrom(KinshipReferences.Reach reach, Actor by, Instant now) {
        List<KinshipCandidate> ofPersons = ofPersons(reach.persons());
        List<KinshipCandidate> derived = ofPersons.stream().filter(c -> restsOn(c, reach.donors())).toList();
        // The family's other candidates compared these donors on their own too: those comparisons go as well.
        ofPersons.stream().filter(c -> !restsOn(c, reach.donors()))
                .forEach(c -> reach.donors().forEach(donor -> c.forgetReference(donor.toString())));
        retire(derived, "A donor this proposal's DNA candidate rested on withdrew consent; the candidate was erased",
                by, now);
        return derived.stream().map(KinshipCandidate::caseId).collect(Collectors.toSet());
    }

    /** Candidates computed again with other numbers: the open proposals resting on them are rejected with the reason. */
    void evidenceChanged(Collection<UUID> changed, String reason, Actor by, Instant now) {
        if (!changed.isEmpty()) {
            identifications.candidatesChanged(changed, reason, by, now);
        }
    }

    /** The cases with a candidate resting on one of the donors: to be ranked again once they are erased. */
    public Set<UUID> casesResting(KinshipReferences.Reach reach) {
        return ofPersons(reach.persons()).stream().filter(c -> restsOn(c, reach.donors()))
                .map(KinshipCandidate::caseId).collect(Collectors.toSet());
    }

    private static boolean restsOn(KinshipCandidate candidate, Set<UUID> donors) {
        return candidate.donorIds().stream().anyMatch(donors::contains);
    }

    private List<KinshipCandidate> ofPersons(Set<UUID> persons) {
        return entityManager.createQuery("select c from KinshipCandidate c where c.personId in :persons",
                KinshipCandidate.class).setParameter("persons", persons).getResultList();
    }

    /** Candidates that go: the open proposals resting on them are rejected with the reason, then they are removed. */
    void retire(Collection<KinshipCandidate> going, String reason, Actor by, Instant now) {
        if (going.isEmpty()) {
            return;
        }
        identifications.candidatesErased(going.stream().map(KinshipCandidate::id).toList(), reason, by, now);
        going.forEach(entityManager::remove);
    }
}
