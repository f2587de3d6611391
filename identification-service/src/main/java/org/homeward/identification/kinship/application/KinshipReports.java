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
import org.homeward.identification.kinship.engine.FamilyReferences;
import org.homeward.identification.kinship.engine.Genotype;
import org.homeward.identification.kinship.engine.MutationModel;
import org.homeward.identification.kinship.engine.PedFormat;
import org.homeward.identification.kinship.engine.Pedigree;
import org.homeward.identification.kinship.engine.Relation;
import org.homeward.identification.kinship.engine.ReferenceCheck;
import org.homeward.identification.kinship.engine.ReferenceFit;
import org.homeward.identification.kinship.engine.StrProfile;
import org.homeward.identification.kinship.engine.UndisputedRule;
import org.homeward.identification.shared.Actor;
import org.homeward.platform.audit.AuditLog;
import org.homeward.platform.problem.ProblemException;
import org.homeward.platform.problem.ProblemType;

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

/**
 * The kinship report of one candidate (KinshipReport), for the case's laboratory. Reading one discloses genotypes:
 * it is audited on the candidate, and on the case and each donor whose genotypes it shows, as their profiles' reads
 * are.
 */
@ApplicationScoped
public class KinshipReports {

    static final String NOT_MODELLED = " Drop-in and silent alleles are not modelled in the matching; loci that did"
            + " not amplify are left out.";

    private final EntityManager entityManager;
    private final CaseAccess caseAccess;
    private final KinshipEngine engine;
    private final KinshipReferences references;
    private final IdentificationPolicies policies;
    private final AuditLog audit;
    private final Clock clock;

    public KinshipReports(EntityManager entityManager, CaseAccess caseAccess, KinshipEngine engine,
                          KinshipReferences references, IdentificationPolicies policies, AuditLog audit, Clock clock) {
        this.entityManager = entityManager;
        this.caseAccess = caseAccess;
        this.engine = engine;
        this.references = references;
        this.policies = policies;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * What a candidate rests on, as it is on file now: the remains' profile, the entry's references as the engine
     * weighs them (a relative registered for several files on every locus any of his samples typed), in the order
     * the entry lists them, and what changed since the numbers were computed.
     */
    private record Evidence(KinshipCandidate candidate, StrProfile remains, Map<UUID, FamilyReferences.Donor> entry,
                            List<String> stale) {
        Map<UUID, StrProfile> entryProfiles() {
            Map<UUID, StrProfile> profiles = new LinkedHashMap<>();
            entry.forEach((donor, reference) -> profiles.put(donor, reference.profile()));
            return profiles;
        }
    }

    private Evidence evidence(UUID caseId, UUID candidateId) {
        caseAccess.forLaboratory(caseId, LockModeType.NONE);
        KinshipCandidate c = entityManager.find(KinshipCandidate.class, candidateId);
        if (c == null || !c.caseId().equals(caseId)) {
            throw ProblemException.notFound("Kinship candidate " + candidateId + " of case " + caseId);
        }
        List<String> stale = new ArrayList<>();
        Optional<DnaProfile> remainsRecord = profileRecord(DnaProfile.SubjectKind.CASE, caseId);
        StrProfile remains = remainsRecord.map(p -> p.open(engine::unseal)).orElse(new StrProfile(Map.of()));
        remainsRecord.filter(p -> p.recordedAt().isAfter(c.computedAt()))
                .ifPresent(p -> stale.add("the remains were typed again since the numbers were computed"));
        Map<UUID, FamilyReferences.Donor> entry = new LinkedHashMap<>();
        Map<String, FamilyReferences.Donor> weighed = new LinkedHashMap<>();
        references.donorsOf(c.personId()).forEach(d -> weighed.put(d.id(), d));
        for (UUID donor : c.entryDonorIds()) {
            FamilyReferences.Donor reference = weighed.get(donor.toString());
            if (reference == null) {
                stale.add("reference " + donor + " is no longer typed or consented");
                continue;
            }
            entry.put(donor, reference);
            profileRecord(DnaProfile.SubjectKind.DONOR, donor).filter(p -> p.recordedAt().isAfter(c.computedAt()))
                    .ifPresent(p -> stale.add("reference " + donor + " was typed again since the numbers were computed"));
        }
        if (c.basis() != null && !c.basis().frequencyTableSha256().equals(engine.basis(c.prior(), 0).frequencyTableSha256())) {
            stale.add("the frequency table changed since the numbers were computed: the frequencies shown are today's");
        }
        return new Evidence(c, remains, entry, stale);
    }

    @Transactional
    public KinshipReport of(UUID caseId, UUID candidateId, String format) {
        Evidence evidence = evidence(caseId, candidateId);
        KinshipCandidate c = evidence.candidate();
        Actor reader = caseAccess.actor();
        List<String> stale = evidence.stale();
        StrProfile remains = evidence.remains();
        Map<UUID, StrProfile> entry = evidence.entryProfiles();
        audit.record("kinship.report.read." + format, "kinship_candidate", candidateId.toString());
        audit.record("kinship.report.genotypes", "case", caseId.toString());
        entry.keySet().forEach(donor -> audit.record("kinship.report.genotypes", "family_donor", donor.toString()));
        List<ReferenceFit.Pair> fit = ReferenceFit.check(engine.matching(),
                engine.onTable(references.referencesAsStated(c.personId())), engine.config().referenceFitFactor());
        boolean misfitClause = c.disputedBecause().contains(UndisputedRule.REFERENCES_MISFIT);
        if (fit.stream().anyMatch(ReferenceFit.Pair::flagged) != misfitClause) {
            stale.add("the references' fit to each other (shown as it is now) changed since the candidate was ranked");
        }
        KinshipConfig.Undisputed undisputed = engine.config().undisputed();
        return new KinshipReport(c.id(), c.caseId(), c.personId(), c.party(), c.computedAt(), List.copyOf(stale),
                hypotheses(c), pedigree(c, remains, entry), c.reference(), c.method(),
                loci(c.perLocus(engine::unseal), remains, entry), new KinshipReport.Model(c.basis(), formula(c), dropOut(remains, entry)),
                c.lineage(), c.referenceChecks().stream().map(KinshipReports::line).toList(),
                fit, c.sexComparison().name(),
                c.autosomalLr(), c.lr(), c.log10Lr(), c.prior(), c.posterior(), c.rankInCase(),
                new KinshipReport.Rule(undisputed.minPosterior(), undisputed.margin(), undisputed.minLoci(),
                        engine.config().reportingThreshold(), policy(c.party()), c.undisputed(), c.disputedBecause()),
                decisions(c.id()), Instant.now(clock), reader.subject(), reader.organisation());
    }

    /**
     * The candidate's comparison as the files pedtools reads (PedFormat), with the R lines that recompute it
     * with forrel, for another laboratory. Laboratory only; audited as the report is, on the candidate, the
     * case and each donor whose genotypes it holds.
     */
    @Transactional
    public PedtoolsExport pedtools(UUID caseId, UUID candidateId) {
        Evidence evidence = evidence(caseId, candidateId);
        KinshipCandidate c = evidence.candidate();
        if (evidence.remains().loci().isEmpty()) {
            throw new ProblemException(ProblemType.CONFLICT, "The remains' profile is no longer on file");
        }
        if (evidence.entry().size() < c.entryDonorIds().size()) {
            throw new ProblemException(ProblemType.CONFLICT, "A reference of the comparison is no longer typed or"
                    + " consented: the comparison cannot be written as it was computed");
        }
        List<FamilyReferences.Donor> donors = engine.onTable(List.copyOf(evidence.entry().values()));
        if (donors.isEmpty()) {
            throw new ProblemException(ProblemType.RULE_VIOLATION, "The candidate was weighed on lineage markers only:"
                    + " there is no autosomal comparison to write");
        }
        FamilyReferences.Entries entries = FamilyReferences.of("entry", donors);
        Pedigree pedigree;
        Map<String, StrProfile> typed;
        if (!entries.pedigrees().isEmpty()) {
            pedigree = entries.pedigrees().get(0).pedigree();
            typed = entries.pedigrees().get(0).typed();
        } else if (entries.references().get(0).relation() != Relation.IDENTITY) {
            String donor = donors.get(0).id();
            pedigree = entries.references().get(0).relation().pedigree().relabelled(Map.of(Relation.RELATIVE, donor));
            typed = Map.of(donor, entries.references().get(0).profile());
        } else {
            throw new ProblemException(ProblemType.RULE_VIOLATION, "A comparison with personal effects is an identity"
                    + " (LR = 1/P(g) per locus, in the report): there is no pedigree to write");
        }
        // The loci compared that today's table still has (stale says when it changed).
        List<String> loci = c.perLocus(engine::unseal).keySet().stream()
                .filter(engine.frequencies().locusNames()::contains).toList();
        PedFormat.Files files = PedFormat.write(pedigree, Relation.MISSING, evidence.remains(), typed, loci,
                engine.frequencies());
        audit.record("kinship.report.read.pedtools", "kinship_candidate", candidateId.toString());
        audit.record("kinship.report.genotypes", "case", caseId.toString());
        typed.keySet().forEach(donor -> audit.record("kinship.report.genotypes", "family_donor", donor));
        double theta = c.basis() == null ? 0 : c.basis().theta();
        return new PedtoolsExport(c.id(), caseId, files.ped(), files.frequencies(), PedFormat.MISSING,
                recipe(evidence.remains(), typed, theta), c.autosomalLr(), theta, evidence.stale());
    }

    /**
     * The files and how to recompute: forrel's missingPersonLR on them gives {@code autosomalLr} when θ is 0;
     * {@code stale} names what changed since it was computed.
     */
    public record PedtoolsExport(UUID candidateId, UUID caseId, String ped, String frequencies, String missing,
                                 String recompute, double autosomalLr, double theta, List<String> stale) {
    }

    private String recipe(StrProfile remains, Map<String, StrProfile> typed, double theta) {
        KinshipConfig config = engine.config();
        StringBuilder r = new StringBuilder("library(forrel)  # with pedtools, pedprobr and pedmut\n")
                .append("x = readPed(\"candidate.ped\")\n")
                .append("x = setFreqDatabase(x, \"candidate.freq\")\n");
        if (config.mutationModel() != MutationModel.Kind.NONE) {
            String model = config.mutationModel().name().toLowerCase(java.util.Locale.ROOT);
            r.append("x = setMutmod(x, model = \"").append(model).append("\", rate = ").append(config.mutationRate())
                    .append(")\n");
            config.locusMutationRates().forEach((locus, rate) -> r.append("x = setMutmod(x, markers = \"")
                    .append(PedFormat.name(locus)).append("\", model = \"").append(model).append("\", rate = ")
                    .append(rate).append(")\n"));
        }
        r.append("missingPersonLR(x, missing = \"MP\")\n");
        if (theta > 0) {
            r.append("# The stored ratio has theta = ").append(theta).append(": Homeward draws the founders and, under"
                    + " 'unrelated', the remains from one subpopulation. missingPersonLR compares with the remains as a"
                    + " separate pedigree, so it recomputes the ratio at theta = 0 only; Homeward's calculator gives"
                    + " that one too (POST /api/v1/kinship/likelihood-ratio without theta).\n");
        }
        List<String> degraded = new ArrayList<>();
        if (remains.dropout() > 0) {
            degraded.add("MP = " + remains.dropout());
        }
        typed.forEach((id, profile) -> {
            if (profile.dropout() > 0) {
                degraded.add("`" + id + "` = " + profile.dropout());
            }
        });
        if (!degraded.isEmpty()) {
            r.append("# Read with allele drop-out: the ped format has no column for it. pedprobr::likelihood(h,"
                    + " dropout = c(").append(String.join(", ", degraded)).append(")) gives each hypothesis's"
                    + " likelihood with it.\n");
        }
        return r.toString();
    }

    /** The drop-out each profile shown was weighed with (as on file now: {@code stale} says when it was retyped). */
    static String dropOut(StrProfile remains, Map<UUID, StrProfile> references) {
        List<String> degraded = new java.util.ArrayList<>();
        if (remains.dropout() > 0) {
            degraded.add("the remains' sample d = " + remains.dropout());
        }
        references.forEach((donor, profile) -> {
            if (profile.dropout() > 0) {
                degraded.add("reference " + donor + " d = " + profile.dropout());
            }
        });
        if (degraded.isEmpty()) {
            return "None: every profile was read exactly (drop-out 0)." + NOT_MODELLED;
        }
        return "Allele drop-out for " + String.join(", ", degraded) + " (pedprobr's model: one allele a is read from"
                + " {a, a} with 1-d², from {a, x} with d(1-d); {a, b} from {a, b} with (1-d)²); every other profile"
                + " read exactly." + NOT_MODELLED;
    }

    private Optional<DnaProfile> profileRecord(DnaProfile.SubjectKind kind, UUID subject) {
        return entityManager.createQuery("select p from DnaProfile p where p.subjectKind = :kind and p.subjectId = :subject",
                DnaProfile.class).setParameter("kind", kind).setParameter("subject", subject).getResultList().stream()
                .findFirst();
    }

    private static KinshipReport.ReferenceLine line(ReferenceCheck check) {
        return new KinshipReport.ReferenceLine(UUID.fromString(check.donorId()), check.relation().name(), check.lr(),
                check.inconsistentLoci());
    }

    private static KinshipReport.Hypotheses hypotheses(KinshipCandidate c) {
        return new KinshipReport.Hypotheses("H1: the remains of case " + c.caseId() + " are those of missing person "
                + c.personId() + ", related to each reference as stated.", "H2: the remains are those of a person"
                + " unrelated to the references, drawn from the population "
                + (c.basis() == null ? "of the frequency table" : c.basis().population())
                + (c.basis() != null && c.basis().theta() > 0 ? " (from the references' subpopulation, theta "
                + c.basis().theta() + ")" : "") + ".");
    }

    private List<KinshipReport.Member> pedigree(KinshipCandidate c, StrProfile remains, Map<UUID, StrProfile> entry) {
        List<KinshipReport.Member> members = new ArrayList<>();
        List<String> remainsTypedBy = new ArrayList<>();
        if (!remains.loci().isEmpty()) {
            remainsTypedBy.add("STR (" + remains.loci().size() + " loci)");
        }
        c.lineage().stream().map(LineagePart::method).distinct().forEach(remainsTypedBy::add);
        members.add(new KinshipReport.Member(c.caseId().toString(), "REMAINS", null, remainsTypedBy, true));
        members.add(new KinshipReport.Member(c.personId().toString(), "MISSING_PERSON", null, List.of(), false));
        Map<String, String> relations = new LinkedHashMap<>();
        c.referenceChecks().forEach(check -> relations.put(check.donorId(), check.relation().name()));
        Set<String> donors = new LinkedHashSet<>();
        entry.keySet().forEach(d -> donors.add(d.toString()));
        donors.addAll(relations.keySet());
        c.lineage().forEach(p -> donors.add(p.donorId().toString()));
        for (String donor : donors) {
            UUID id = UUID.fromString(donor);
            List<String> by = new ArrayList<>();
            if (entry.containsKey(id)) {
                by.add("STR (" + entry.get(id).loci().size() + " loci)");
            } else if (relations.containsKey(donor)) {
                by.add("STR");
            }
            c.lineage().stream().filter(p -> p.donorId().equals(id)).map(LineagePart::method).distinct()
                    .forEach(by::add);
            String relationship = relations.get(donor);
            if (relationship == null) {
                FamilyDonor registered = entityManager.find(FamilyDonor.class, id);
                relationship = registered == null || registered.relationship() == null ? null
                        : registered.relationship().name();
            }
            // In the ratio: a donor of the autosomal entry, or the weighed lineage comparison multiplied into it.
            boolean inRatio = entry.containsKey(id) || c.lineage().stream()
                    .anyMatch(p -> p.donorId().equals(id) && p.inRatio() && p.weighed() && !p.excludes());
            members.add(new KinshipReport.Member(donor, "REFERENCE", relationship, by, inRatio));
        }
        return members;
    }

    private List<KinshipReport.LocusLine> loci(Map<String, Double> perLocus, StrProfile remains,
                                               Map<UUID, StrProfile> entry) {
        AlleleFrequencies frequencies = engine.frequencies();
        List<KinshipReport.LocusLine> lines = new ArrayList<>();
        for (Map.Entry<String, Double> locus : perLocus.entrySet()) {
            String name = locus.getKey();
            Set<String> observed = new TreeSet<>();
            List<String> atRemains = alleles(remains.loci().get(name), observed);
            List<KinshipReport.Genotyped> atReferences = new ArrayList<>();
            entry.forEach((donor, profile) -> atReferences.add(new KinshipReport.Genotyped(donor,
                    alleles(profile.loci().get(name), observed))));
            List<KinshipReport.Frequency> ofAlleles = new ArrayList<>();
            try {
                // The frequencies the engine uses: the table's, an allele it lacks at the minimum, renormalised over
                // the alleles the remains and the entry's references show.
                AlleleFrequencies.LocusAlleles table = frequencies.locus(name, observed);
                observed.forEach(allele -> ofAlleles.add(new KinshipReport.Frequency(allele,
                        table.frequencies()[table.indexOf(allele)])));
            } catch (IllegalArgumentException notInTable) {
                // A locus today's table lacks: the frequencies are not guessed (stale says why).
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
        String autosomal = switch (c.reference()) {
            case "PEDIGREE" -> "LR = P(genotypes | H1) / P(genotypes | H2), the product over the loci compared, each the"
                    + " likelihood of the family's pedigree with the remains placed as the missing person, summed over"
                    + " the untyped members' genotypes (peeling), over the same with the remains unrelated.";
            case "LINEAGE_ONLY" -> "No autosomal comparison: the family's references were typed on lineage markers"
                    + " only (autosomal LR 1).";
            default -> "LR = P(genotypes | H1) / P(genotypes | H2), the product over the loci compared. For one"
                    + " reference, per locus LR = k0 + k1 * LR(parent-child) + k2 * LR(identity), with the IBD"
                    + " coefficients (k0, k1, k2) of the stated relationship; with mutations, theta, or a sample read"
                    + " with drop-out, the exact pedigree likelihood of the readings.";
        };
        if (c.basis() != null && c.basis().theta() > 0) {
            autosomal += " With theta, the founders' alleles and, under H2, the remains' are drawn from one"
                    + " subpopulation (Balding-Nichols sampling formula).";
        }
        String lineage = c.lineage().isEmpty() ? "" : " Lineage comparisons (Y-STR, mtDNA) as listed; the weighed one"
                + " in the ratio per method multiplies in (their formulas in the laboratories' guide).";
        return autosomal + mutation + lineage
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
                .map(p -> new KinshipReport.Decision(p.id(), p.status().name(), p.proposedBy(), p.proposedByName(),
                        p.organisation(), p.proposedAt(), p.decidedBy(), p.decidedByName(), p.decidedAt())).toList();
    }
}
