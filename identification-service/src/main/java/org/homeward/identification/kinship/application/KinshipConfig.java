package org.homeward.identification.kinship.application;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import org.homeward.identification.kinship.engine.MutationModel;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/** DNA kinship: the profile key, the population and genetic model, and the background matching. */
@ConfigMapping(prefix = "homeward.kinship")
public interface KinshipConfig {

    /** AES-256 key (32 bytes, base64) sealing every stored genotype and per-locus ratio. */
    String profileKey();

    /** The current key's id, written in front of each value it seals (a new key gets a new id). */
    @WithDefault("k1")
    String profileKeyId();

    /**
     * Keys rotated out, by id: still read, until ProfileKeyRotation has sealed every value again with the
     * current key (the gauge homeward.kinship.sealed-values.not-current falls to 0); then remove them.
     */
    Map<String, String> retiredProfileKeys();

    /**
     * Whether values sealed before they were bound to their row still open (an upgrade in progress). Once the
     * gauge homeward.kinship.sealed-values.not-current is 0, set it to false: an unbound value opens in any row.
     */
    @WithDefault("true")
    boolean acceptUnboundValues();

    /** How often values sealed with a retired key (or before values were bound to their rows) are sealed again. */
    @WithDefault("10m")
    Duration resealEvery();

    /**
     * A {@code locus,allele,frequency} file; by default the bundled European table (norSTR's EuropaDB 2023).
     */
    Optional<String> frequencyTable();

    /** The population name stated with every ratio. */
    @WithDefault("europe-norstr-2023")
    String population();

    /** NONE or PROPORTIONAL for the matching (the search is exact for these; the API offers every model). */
    @WithDefault("PROPORTIONAL")
    MutationModel.Kind mutationModel();

    @WithDefault("0.002")
    double mutationRate();

    /** Per-locus mutation rates per meiosis, overriding the default for the loci named. */
    Map<String, Double> locusMutationRates();

    /**
     * θ (F_ST) for the numbers the matching stores: 0 by default. The search screens with θ = 0 (its tables are
     * exact there), then every reference at or above the threshold is recomputed with this θ by the calculator
     * (founders drawn from one subpopulation) and kept only if it still reaches the threshold. At most 0.1.
     */
    @WithDefault("0")
    double theta();

    /** Candidates at or above this LR are stored and shown. */
    @WithDefault("1000")
    double reportingThreshold();

    /**
     * Two references of a family whose profiles fit another relationship to each other at least this many times better
     * than the one their statements give are flagged (ReferenceFit), and the family goes to review.
     */
    @WithDefault("1000")
    double referenceFitFactor();

    /** Two cases whose identity LR reaches this are proposed for re-association. */
    @WithDefault("1000000")
    double reassociationThreshold();

    /** When a candidate is undisputed (UndisputedRule): all of its clauses, with these thresholds. */
    Undisputed undisputed();

    interface Undisputed {
        /** The posterior among the case's candidates, at least (ICMP's threshold). */
        @WithDefault("0.9995")
        double minPosterior();

        /** The LR, at least this many times every rival's. */
        @WithDefault("1000")
        double margin();

        /** Autosomal loci compared, at least. */
        @WithDefault("12")
        int minLoci();
    }

    /** Y-STR haplotypes compared along the paternal line (LineageEngine). */
    YStr yStr();

    interface YStr {
        /**
         * The operator's haplotype database: CSV, a header row naming the loci, one haplotype per row. Without it,
         * Y-STR haplotypes are recorded but no ratio is computed (none is bundled: the usable ones are licensed).
         */
        Optional<String> haplotypeDatabase();

        /** The Y-STR mutation rate per meiosis, for loci the table below does not name. */
        @WithDefault("0.0025")
        double mutationRate();

        /** Per-locus Y-STR mutation rates per meiosis (e.g. DYS458=0.0084). */
        Map<String, Double> locusMutationRates();

        /** The confidence of the upper bound on a haplotype's frequency (Clopper-Pearson, one-sided). */
        @WithDefault("0.95")
        double confidence();
    }

    /** mtDNA sequences compared along the maternal line (LineageEngine). */
    MtDna mtDna();

    interface MtDna {
        /**
         * The operator's mtDNA database: CSV with columns {@code range} ("16024-16365 73-340") and {@code variants}
         * ("16189C 263G 315.1C"), one sequence per row. Without it, sequences are recorded but no ratio is computed.
         */
        Optional<String> sequenceDatabase();

        /**
         * The mutation rate per meiosis over the whole range compared. Pedigree studies range from about one
         * substitution in 33 generations over the control region (Parsons et al. 1997) to several times fewer: set
         * the figure the laboratory validated.
         */
        @WithDefault("0.01")
        double mutationRate();

        /** The confidence of the upper bound on a sequence's frequency (Clopper-Pearson, one-sided). */
        @WithDefault("0.95")
        double confidence();
    }

    /**
     * What a party's identification policy asks of the references before a candidate may be undisputed, by party
     * (e.g. UA: two first-degree relatives typed, or one typed by two methods). A party not named asks nothing more.
     */
    Map<String, Policy> identificationPolicy();

    interface Policy {
        /** First-degree relatives (parents, children, full siblings) typed on autosomal STRs, at least. */
        @WithDefault("0")
        int firstDegreeRelatives();

        /**
         * Or: one first-degree relative typed by at least this many methods (autosomal STRs, Y-STR, mtDNA); 0 for
         * none.
         */
        @WithDefault("0")
        int orOneRelativeByMethods();
    }

    /** The prior for posteriors; by default 1/N for the N missing persons of the party's register. */
    OptionalDouble prior();

    /**
     * The longest one job may take: past it the job's transaction is rolled back, the job counted as an attempt
     * (it is retried at most five times), and the queue goes on with the next job.
     */
    @WithDefault("5m")
    Duration jobTimeout();

    /** How often a replica looks for matching work. */
    @WithDefault("2s")
    Duration matchEvery();
}
