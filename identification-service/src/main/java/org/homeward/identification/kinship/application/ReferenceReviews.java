package org.homeward.identification.kinship.application;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
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
import java.util.function.Function;

/**
 * A missing person's references reviewed, for a laboratory of his party, every read audited: checked against each
 * other (ReferenceFit, the same check the undisputed rule applies, with the ratios, so the laboratory sees which pair
 * to look at), and planned (ReferencePlanning: what today's references can include or exclude, and whom to sample
 * next). Every figure is simulated with its own seed, from the person and what it is about, so the same references
 * give the same figures; the simulations run after the read's transaction, holding no connection.
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

    public List<ReferenceFit.Pair> fit(UUID personId) {
        List<FamilyReferences.Donor> stated = read(personId, "kinship.reference-fit.read",
                () -> references.referencesAsStated(personId));
        return ReferenceFit.check(engine.matching(), engine.onTable(stated), engine.config().referenceFitFactor());
    }

    public Plan plan(UUID personId) {
        List<FamilyReferences.Donor> typed = engine.onTable(read(personId, "kinship.reference-planning.read",
                () -> references.donorsOf(personId)));
        // A relative not yet typed is drawn on the kit the family was typed on (the CODIS core the table knows, for a
        // family with none).
        Set<String> loci = new TreeSet<>();
        typed.forEach(d -> loci.addAll(d.profile().loci().keySet()));
        if (loci.isEmpty()) {
            Loci.CODIS_CORE.stream().map(core -> engine.frequencies().loci().canonical(core)).flatMap(java.util.Optional::stream)
                    .forEach(loci::add);
        }
        List<String> kit = new ArrayList<>(loci);
        Function<String, ProfileSimulator> simulators = subject -> new ProfileSimulator(engine.frequencies(),
                personId.getMostSignificantBits() ^ personId.getLeastSignificantBits() ^ subject.hashCode(), kit);
        KinshipConfig config = engine.config();
        ReferencePlanning.Thresholds thresholds = new ReferencePlanning.Thresholds(config.reportingThreshold(),
                config.reportingThreshold() * config.undisputed().margin());
        List<ReferencePlanning.Power> each = typed.stream().map(d -> ReferencePlanning.ofReference(engine.matching(),
                engine.frequencies(), simulators.apply(d.id()), d, thresholds, SIMULATIONS)).toList();
        ReferencePlanning.Power parents = ReferencePlanning.parents(typed).map(p -> ReferencePlanning.ofParents(
                engine.matching(), engine.frequencies(), simulators.apply("parents"), p.get(0), p.get(1), thresholds,
                SIMULATIONS)).orElse(null);
        return new Plan(each, parents, ReferencePlanning.untyped(engine.matching(), simulators, typed, thresholds,
                SIMULATIONS), thresholds, SIMULATIONS, loci);
    }

    /** The person's references, for a laboratory of his party (not found for anyone else), the read audited. */
    private List<FamilyReferences.Donor> read(UUID personId, String action,
                                              java.util.function.Supplier<List<FamilyReferences.Donor>> donors) {
        return QuarkusTransaction.requiringNew().call(() -> {
            MissingPerson person = registerAccess.readable(entityManager.find(MissingPerson.class, personId), personId);
            registerAccess.requireLaboratoryOf(person.party());
            audit.record(action, "missing_person", personId.toString());
            return donors.get();
        });
    }
}
