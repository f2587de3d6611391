package org.homeward.identification.kinship.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.homeward.identification.kinship.engine.FamilyReferences;
import org.homeward.identification.kinship.engine.Loci;
import org.homeward.identification.kinship.engine.ProfileSimulator;
import org.homeward.identification.kinship.engine.ReferenceFit;
import org.homeward.identification.kinship.engine.ReferencePlanning;
import org.homeward.identification.register.MissingPerson;
import org.homeward.identification.register.application.RegisterAccess;
import org.homeward.platform.audit.AuditLog;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/**
 * A missing person's references reviewed, for a laboratory of his party, every read audited: checked against each
 * other (ReferenceFit, the same check the undisputed rule applies, with the ratios, so the laboratory sees which pair
 * to look at), and planned (ReferencePlanning: what today's references can include or exclude, and which relative to
 * sample next; seeded by the person, so the same family gives the same figures until its references change).
 */
@ApplicationScoped
public class ReferenceReviews {

    /** Simulated remains per figure: the IP's standard error is at most 0.5 / sqrt(500), about 0.02. */
    static final int SIMULATIONS = 500;

    private final EntityManager entityManager;
    private final RegisterAccess registerAccess;
    private final KinshipReferences references;
    private final KinshipEngine engine;
    private final AuditLog audit;

    public ReferenceReviews(EntityManager entityManager, RegisterAccess registerAccess, KinshipReferences references,
                          KinshipEngine engine, AuditLog audit) {
        this.entityManager = entityManager;
        this.registerAccess = registerAccess;
        this.references = references;
        this.engine = engine;
        this.audit = audit;
    }

    /** The figures, the thresholds they are counted at, how many remains were simulated, on which loci. */
    public record Plan(List<ReferencePlanning.Power> references, ReferencePlanning.Power parents,
                       List<ReferencePlanning.Power> toSample, ReferencePlanning.Thresholds thresholds, int simulations,
                       Set<String> loci) {
    }

    @Transactional
    public List<ReferenceFit.Pair> fit(UUID personId) {
        readableByLaboratory(personId, "kinship.reference-fit.read");
        return ReferenceFit.check(engine.matching(), references.ownDonorsOf(personId),
                engine.config().referenceFitFactor());
    }

    @Transactional
    public Plan plan(UUID personId) {
        readableByLaboratory(personId, "kinship.reference-planning.read");
        List<FamilyReferences.Donor> typed = references.donorsOf(personId);
        // A relative not yet typed is drawn on the kit the family was typed on (the CODIS core for a family with none).
        Set<String> loci = new TreeSet<>();
        typed.forEach(d -> loci.addAll(d.profile().loci().keySet()));
        if (loci.isEmpty()) {
            loci.addAll(Loci.CODIS_CORE);
        }
        ProfileSimulator simulate = new ProfileSimulator(engine.frequencies(),
                personId.getMostSignificantBits() ^ personId.getLeastSignificantBits(), new ArrayList<>(loci));
        KinshipConfig config = engine.config();
        ReferencePlanning.Thresholds thresholds = new ReferencePlanning.Thresholds(config.reportingThreshold(),
                config.reportingThreshold() * config.undisputed().margin());
        List<ReferencePlanning.Power> each = typed.stream().map(d -> ReferencePlanning.ofReference(engine.matching(),
                engine.frequencies(), simulate, d, thresholds, SIMULATIONS)).toList();
        ReferencePlanning.Power parents = ReferencePlanning.parents(typed).map(p -> ReferencePlanning.ofParents(
                engine.matching(), engine.frequencies(), simulate, p.get(0), p.get(1), thresholds, SIMULATIONS))
                .orElse(null);
        return new Plan(each, parents, ReferencePlanning.untyped(engine.matching(), simulate, typed, thresholds,
                SIMULATIONS), thresholds, SIMULATIONS, loci);
    }

    /** The person, for a laboratory of his party (not found for anyone else), the read audited. */
    private void readableByLaboratory(UUID personId, String action) {
        MissingPerson person = registerAccess.readable(entityManager.find(MissingPerson.class, personId), personId);
        registerAccess.requireLaboratoryOf(person.party());
        audit.record(action, "missing_person", personId.toString());
    }
}
