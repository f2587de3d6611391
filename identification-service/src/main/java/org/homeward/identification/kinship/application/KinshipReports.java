package org.homeward.identification.kinship.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import org.homeward.identification.cases.IdentificationProposal;
import org.homeward.identification.cases.application.CaseAccess;
import org.homeward.identification.kinship.DnaProfile;
import org.homeward.identification.kinship.FamilyDonor;
import org.homeward.identification.kinship.KinshipCandidate;
import org.homeward.identification.kinship.LineagePart;
import org.homeward.identification.kinship.engine.AlleleFrequencies;
import org.homeward.identification.kinship.engine.Genotype;
import org.homeward.identification.kinship.engine.ReferenceCheck;
import org.homeward.identification.kinship.engine.StrProfile;
import org.homeward.identification.shared.Actor;
import org.homeward.platform.audit.AuditLog;
import org.homeward.platform.problem.ProblemException;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/** The kinship report of one candidate (KinshipReport), for the case's laboratory; every read audited. */
@ApplicationScoped
public class KinshipReports {

    static final String DROP_OUT = "Not modelled: allele drop-out, drop-in and silent alleles are not part of this"
            + " release's likelihoods; a degraded profile is compared on the loci it shows.";

    private final EntityManager entityManager;
    private final CaseAccess caseAccess;
    private final KinshipEngine engine;
    private final IdentificationPolicies policies;
    private final AuditLog audit;
    private final Clock clock;

    public KinshipReports(EntityManager entityManager, CaseAccess caseAccess, KinshipEngine engine,
                          IdentificationPolicies policies, AuditLog audit, Clock clock) {
        this.entityManager = entityManager;
        this.caseAccess = caseAccess;
        this.engine = engine;
        this.policies = policies;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    public KinshipReport of(UUID caseId, UUID candidateId, String format) {
        caseAccess.forLaboratory(caseId, LockModeType.NONE);
        KinshipCandidate c = entityManager.find(KinshipCandidate.class, candidateId);
        if (c == null || !c.caseId().equals(caseId)) {
            throw ProblemException.notFound("Kinship candidate " + candidateId + " of case " + caseId);
        }
        audit.record("kinship.report.read." + format, "kinship_candidate", candidateId.toString());
        Actor reader = caseAccess.actor();
        StrProfile remains = profile(DnaProfile.SubjectKind.CASE, caseId).orElse(new StrProfile(Map.of()));
        Map<String, StrProfile> references = new LinkedHashMap<>();
        for (UUID donor : c.donorIds()) {
            profile(DnaProfile.SubjectKind.DONOR, donor).ifPresent(p -> references.put(donor.toString(), p));
        }
        Map<String, Double> perLocus = c.perLocus(engine::unseal);
        KinshipConfig.Undisputed undisputed = engine.config().undisputed();
        return new KinshipReport(c.id(), c.caseId(), c.personId(), c.party(), c.computedAt(), hypotheses(c),
                pedigree(c, remains, references), c.reference(), c.method(), loci(perLocus, remains, references),
                new KinshipReport.Model(c.basis(), formula(c), DROP_OUT), c.lineage(), c.autosomalLr(), c.lr(),
                c.log10Lr(), c.prior(), c.posterior(), c.rankInCase(),
                new KinshipReport.Rule(undisputed.minPosterior(), undisputed.margin(), undisputed.minLoci(),
                        engine.config().reportingThreshold(), policy(c.party()), c.undisputed(), c.disputedBecause()),
                decisions(c.id()), Instant.now(clock), reader.subject(), reader.organisation());
    }

    private Optional<StrProfile> profile(DnaProfile.SubjectKind kind, UUID subject) {
        return entityManager.createQuery("select p from DnaProfile p where p.subjectKind = :kind and p.subjectId = :subject",
                        DnaProfile.class).setParameter("kind", kind).setParameter("subject", subject).getResultList()
                .stream().findFirst().map(p -> p.open(engine::unseal));
    }

    private static KinshipReport.Hypotheses hypotheses(KinshipCandidate c) {
        return new KinshipReport.Hypotheses("H1: the remains of case " + c.caseId() + " are those of missing person "
                + c.personId() + ", related to each reference as stated.", "H2: the remains are those of a person"
                + " unrelated to the references, drawn from the population "
                + (c.basis() == null ? "of the frequency table" : c.basis().population()) + ".");
    }

    private List<KinshipReport.Member> pedigree(KinshipCandidate c, StrProfile remains, Map<String, StrProfile> typed) {
        List<KinshipReport.Member> members = new ArrayList<>();
        members.add(new KinshipReport.Member(c.caseId().toString(), "REMAINS", null,
                remains.loci().isEmpty() ? List.of() : List.of("STR (" + remains.loci().size() + " loci)"), true));
        members.add(new KinshipReport.Member(c.personId().toString(), "MISSING_PERSON", null, List.of(), false));
        Map<String, String> relations = new LinkedHashMap<>();
        for (ReferenceCheck check : c.referenceChecks()) {
            relations.put(check.donorId(), check.relation().name());
        }
        Set<String> donors = new LinkedHashSet<>(relations.keySet());
        c.donorIds().forEach(d -> donors.add(d.toString()));
        c.lineage().forEach(p -> donors.add(p.donorId().toString()));
        for (String donor : donors) {
            List<String> by = new ArrayList<>();
            if (typed.containsKey(donor)) {
                by.add("STR (" + typed.get(donor).loci().size() + " loci)");
            } else if (relations.containsKey(donor)) {
                by.add("STR");
            }
            c.lineage().stream().filter(p -> p.donorId().toString().equals(donor)).map(LineagePart::method)
                    .distinct().forEach(by::add);
            String relationship = relations.get(donor);
            if (relationship == null) {
                FamilyDonor registered = entityManager.find(FamilyDonor.class, UUID.fromString(donor));
                relationship = registered == null || registered.relationship() == null ? null
                        : registered.relationship().name();
            }
            members.add(new KinshipReport.Member(donor, "REFERENCE", relationship, by,
                    c.donorIds().contains(UUID.fromString(donor))));
        }
        return members;
    }

    private List<KinshipReport.LocusLine> loci(Map<String, Double> perLocus, StrProfile remains,
                                               Map<String, StrProfile> references) {
        AlleleFrequencies frequencies = engine.frequencies();
        List<KinshipReport.LocusLine> lines = new ArrayList<>();
        for (Map.Entry<String, Double> locus : perLocus.entrySet()) {
            String name = locus.getKey();
            Set<String> observed = new TreeSet<>();
            List<String> atRemains = alleles(remains.loci().get(name), observed);
            Map<String, List<String>> atReferences = new LinkedHashMap<>();
            references.forEach((donor, profile) -> atReferences.put(donor, alleles(profile.loci().get(name), observed)));
            Map<String, Double> ofAlleles = new LinkedHashMap<>();
            try {
                // The frequencies the engine uses: the table's, an allele it lacks at the minimum, renormalised.
                AlleleFrequencies.LocusAlleles table = frequencies.locus(name, observed);
                observed.forEach(allele -> ofAlleles.put(allele, table.frequencies()[table.indexOf(allele)]));
            } catch (IllegalArgumentException notInTable) {
                // A locus the table lacks is never compared; kept out rather than guessed.
            }
            lines.add(new KinshipReport.LocusLine(name, atRemains, atReferences, ofAlleles, locus.getValue()));
        }
        return lines;
    }

    private static List<String> alleles(Genotype genotype, Set<String> observed) {
        if (genotype == null) {
            return List.of();
        }
        observed.add(genotype.first());
        observed.add(genotype.second());
        return List.of(genotype.first(), genotype.second());
    }

    private static String formula(KinshipCandidate c) {
        String mutation = c.basis() == null ? "" : " Mutations: " + c.basis().mutationModel() + " model at "
                + c.basis().mutationRate() + " per meiosis" + (c.basis().locusMutationRates().isEmpty() ? ""
                : " (locus rates as listed)") + "; theta " + c.basis().theta() + ".";
        String pairwise = "LR = P(genotypes | H1) / P(genotypes | H2), the product over the loci compared. For one"
                + " reference, per locus LR = k0 + k1 * LR(parent-child) + k2 * LR(identity), with the IBD coefficients"
                + " (k0, k1, k2) of the stated relationship; with mutations the exact pedigree likelihood.";
        String pedigree = "LR = P(genotypes | H1) / P(genotypes | H2), the product over the loci compared, each the"
                + " likelihood of the family's pedigree with the remains placed as the missing person, summed over the"
                + " untyped members' genotypes (peeling), over the same with the remains unrelated.";
        String lineage = c.lineage().isEmpty() ? "" : " Lineage parts (Y-STR, mtDNA) multiply in as listed with"
                + " their formulas in the laboratories' guide.";
        return ("PEDIGREE".equals(c.reference()) ? pedigree : pairwise) + mutation + lineage
                + " Posterior = LR * prior / (LR * prior + 1 - prior), then among the case's candidates.";
    }

    private String policy(String party) {
        var policy = policies.of(party);
        return policy.firstDegreeRelatives() == 0 ? "none" : policy.clause();
    }

    private List<KinshipReport.Decision> decisions(UUID candidateId) {
        return entityManager.createQuery("select p from IdentificationProposal p where p.quotedCandidateId = :candidate"
                        + " order by p.decision.proposedAt", IdentificationProposal.class)
                .setParameter("candidate", candidateId).getResultList().stream()
                .map(p -> new KinshipReport.Decision(p.id(), p.status().name(), p.proposedBy(), p.organisation(),
                        p.proposedAt(), p.decidedBy(), p.decidedAt())).toList();
    }
}
