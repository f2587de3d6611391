package org.homeward.identification.kinship.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.homeward.identification.kinship.engine.AlleleFrequencies;
import org.homeward.identification.kinship.engine.JointIdentification;
import org.homeward.identification.kinship.engine.KinshipCalculator;
import org.homeward.identification.kinship.engine.KinshipModel;
import org.homeward.identification.kinship.engine.LikelihoodRatio;
import org.homeward.identification.kinship.engine.MutationModel;
import org.homeward.identification.kinship.engine.Pedigree;
import org.homeward.identification.kinship.engine.Relation;
import org.homeward.identification.kinship.engine.StrProfile;
import org.homeward.platform.audit.AuditLog;
import org.homeward.platform.domain.RuleViolation;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Likelihood ratios an examiner asks for, on profiles he submits: nothing is stored but the audit entry
 * (that a computation was made, not its data), so any number the matching shows can be checked by hand.
 */
@ApplicationScoped
@Transactional
public class KinshipCalculations {

    /** Locus name (any alias) to one or two allele labels, as submitted, and the sample's drop-out probability. */
    public record Alleles(Map<String, List<String>> loci, double dropout) {
    }

    /**
     * θ (default 0), the mutation model (default: the service's), a prior for a posterior (optional), a
     * frequency table of the examiner's own as {@code locus,allele,frequency} CSV (default: the service's), and
     * a silent allele's frequency (default 0: none).
     */
    public record Settings(Double theta, MutationModel mutation, Double prior, String frequencyTable,
                           Double silentAlleleFrequency) {
    }

    /**
     * One of three questions: the candidate related to one reference as stated; the candidate as the child
     * of two typed parents (TRIO); the candidate in a missing person's place in a pedigree of typed members.
     */
    public record Question(Alleles candidate, String relationship, Alleles reference, Alleles father, Alleles mother,
                           List<Pedigree.Member> members, String missing, Map<String, Alleles> typed, Settings settings) {
    }

    public record Answer(LikelihoodRatio lr, Double posterior, String population, double theta, MutationModel mutation,
                         double silentAlleleFrequency) {
    }

    public record JointQuestion(List<JointFamily> families, Map<String, JointVictim> victims, MutationModel mutation,
                                String frequencyTable) {
    }

    public record JointFamily(String name, List<Pedigree.Member> members, Map<String, Alleles> references,
                              List<String> missing) {
    }

    public record JointVictim(Pedigree.Sex sex, Alleles profile) {
    }

    public record JointAnswer(List<JointIdentification.Assignment> assignments, Map<String, Map<String, Double>> pairwise) {
    }

    private final KinshipEngine engine;
    private final AuditLog audit;

    public KinshipCalculations(KinshipEngine engine, AuditLog audit) {
        this.engine = engine;
        this.audit = audit;
    }

    public Answer likelihoodRatio(Question q) {
        Settings settings = q.settings() == null ? new Settings(null, null, null, null, null) : q.settings();
        double theta = settings.theta() == null ? 0 : settings.theta();
        double silent = settings.silentAlleleFrequency() == null ? 0 : settings.silentAlleleFrequency();
        MutationModel mutation = settings.mutation() == null ? engine.matching().model().mutation() : settings.mutation();
        AlleleFrequencies frequencies = frequencies(settings.frequencyTable());
        KinshipCalculator calculator = new KinshipCalculator(new KinshipModel(frequencies, theta, mutation, silent));
        StrProfile candidate = profile(q.candidate(), "candidate", frequencies);
        boolean pairwise = q.reference() != null;
        boolean trio = q.father() != null || q.mother() != null;
        boolean pedigree = q.members() != null;
        if ((pairwise ? 1 : 0) + (trio ? 1 : 0) + (pedigree ? 1 : 0) != 1) {
            throw new RuleViolation("relationship", "Ask one question: relationship and reference, TRIO with father"
                    + " and mother, or a pedigree (members, missing, typed)");
        }
        LikelihoodRatio lr;
        if (pedigree) {
            if (q.missing() == null || q.typed() == null || q.typed().isEmpty()) {
                throw new RuleViolation("pedigree", "A pedigree names its missing member and at least one typed member");
            }
            Map<String, StrProfile> typed = new LinkedHashMap<>();
            q.typed().forEach((id, alleles) -> typed.put(id, profile(alleles, "pedigree.typed." + id, frequencies)));
            lr = calculator.pedigree(new Pedigree(q.members()), q.missing(), candidate, typed);
        } else if (trio) {
            if (!"TRIO".equals(q.relationship()) || q.father() == null || q.mother() == null) {
                throw new RuleViolation("relationship", "Both parents are given with the relationship TRIO");
            }
            lr = calculator.trio(candidate, profile(q.father(), "father", frequencies),
                    profile(q.mother(), "mother", frequencies));
        } else {
            lr = calculator.pairwise(candidate, profile(q.reference(), "reference", frequencies),
                    relation(q.relationship()));
        }
        audit.record("kinship.likelihood-ratio.compute", "kinship", "likelihood-ratio");
        Double posterior = settings.prior() == null ? null : lr.posterior(settings.prior());
        return new Answer(lr, posterior, frequencies.population(), theta, mutation, silent);
    }

    public JointAnswer joint(JointQuestion q) {
        MutationModel mutation = q.mutation() == null ? engine.matching().model().mutation() : q.mutation();
        AlleleFrequencies frequencies = frequencies(q.frequencyTable());
        JointIdentification joint = new JointIdentification(new KinshipCalculator(new KinshipModel(frequencies, 0, mutation)));
        List<JointIdentification.Family> families = q.families().stream().map(f -> {
            Map<String, StrProfile> references = new LinkedHashMap<>();
            f.references().forEach((id, alleles) -> references.put(id,
                    profile(alleles, "families." + f.name() + "." + id, frequencies)));
            return new JointIdentification.Family(f.name(), new Pedigree(f.members()), references, f.missing());
        }).toList();
        Map<String, JointIdentification.Victim> victims = new LinkedHashMap<>();
        q.victims().forEach((id, v) -> victims.put(id, new JointIdentification.Victim(
                profile(v.profile(), "victims." + id, frequencies), v.sex())));
        List<JointIdentification.Assignment> ranked = joint.rank(families, victims);
        audit.record("kinship.joint-identification.compute", "kinship", "joint-identification");
        return new JointAnswer(ranked, joint.pairwise(families, victims));
    }

    private static StrProfile profile(Alleles alleles, String field, AlleleFrequencies frequencies) {
        if (alleles == null) {
            throw new RuleViolation(field, "A profile is required here");
        }
        return StrProfile.parse(alleles.loci(), frequencies.loci(), field).withDropout(alleles.dropout());
    }

    private AlleleFrequencies frequencies(String table) {
        if (table == null) {
            return engine.frequencies();
        }
        try {
            return AlleleFrequencies.parseCsv("submitted", new java.io.StringReader(table));
        } catch (IllegalArgumentException | java.io.IOException e) {
            throw new RuleViolation("frequencyTable", e.getMessage());
        }
    }

    private static Relation relation(String relationship) {
        try {
            return Relation.valueOf(relationship);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new RuleViolation("relationship", "One of IDENTITY, PARENT, CHILD, FULL_SIBLING, HALF_SIBLING,"
                    + " GRANDPARENT, UNCLE_OR_AUNT, FIRST_COUSIN (or TRIO with father and mother)");
        }
    }
}
