package org.homeward.identification.kinship.application;

import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.homeward.identification.kinship.CandidateBasis;
import org.homeward.identification.kinship.engine.AlleleFrequencies;
import org.homeward.identification.kinship.engine.FamilyReferences;
import org.homeward.identification.kinship.engine.Genotype;
import org.homeward.identification.kinship.engine.StrProfile;
import org.homeward.identification.kinship.engine.KinshipCalculator;
import org.homeward.identification.kinship.engine.KinshipModel;
import org.homeward.identification.kinship.engine.MutationModel;
import org.homeward.identification.kinship.engine.ReferenceIndex;
import org.homeward.platform.crypto.FieldCipher;
import org.homeward.platform.crypto.FieldKeys;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The kinship engine wired from configuration: the population table (loaded once), the model the
 * background matching uses, and the cipher for stored genotypes. Built at start-up, so a missing or wrong key
 * or table stops the service before readiness, not at first use.
 */
@Startup
@ApplicationScoped
public class KinshipEngine {

    static final String BUNDLED_TABLE = "/kinship/europe-norstr-2023.csv";

    private final KinshipConfig config;
    private final String version;
    private final String tableName;
    private final String tableSha256;
    private final AlleleFrequencies frequencies;
    private final KinshipCalculator matching;
    private final KinshipCalculator scoring;
    private final FieldCipher cipher;

    public KinshipEngine(KinshipConfig config,
                         @ConfigProperty(name = "quarkus.application.version", defaultValue = "unknown") String version) {
        this.config = config;
        this.version = "identification-service " + version;
        byte[] table = tableBytes(config);
        this.tableName = config.frequencyTable().map(file -> Path.of(file).getFileName().toString())
                .orElse(BUNDLED_TABLE.substring(BUNDLED_TABLE.lastIndexOf('/') + 1));
        this.tableSha256 = sha256(table);
        this.frequencies = parse(config.population(), table);
        MutationModel mutation = new MutationModel(config.mutationModel(), config.mutationRate(),
                config.locusMutationRates(), 0.1, 1e-6);
        this.matching = new KinshipCalculator(new KinshipModel(frequencies, 0, mutation));
        if (!ReferenceIndex.supports(matching.model())) {
            throw new IllegalStateException("homeward.kinship.mutation-model must be NONE or PROPORTIONAL (the"
                    + " search's tables are exact for these only)");
        }
        if (!(config.theta() >= 0 && config.theta() <= 0.1)) {
            throw new IllegalStateException("homeward.kinship.theta is in [0, 0.1] (F_ST of a subpopulation)");
        }
        this.scoring = config.theta() == 0 ? matching
                : new KinshipCalculator(new KinshipModel(frequencies, config.theta(), mutation));
        if (config.prior().isPresent() && !(config.prior().getAsDouble() > 0 && config.prior().getAsDouble() < 1)) {
            throw new IllegalStateException("homeward.kinship.prior must be in (0, 1)");
        }
        if (!(config.referenceFitFactor() >= 1)) {
            throw new IllegalStateException("homeward.kinship.reference-fit-factor must be at least 1");
        }
        this.cipher = new FieldCipher(FieldKeys.of(config.profileKeyId(), config.profileKey(),
                config.retiredProfileKeys(), "homeward.kinship.profile-key", "homeward.kinship.retired-profile-keys"),
                config.acceptUnboundValues());
    }

    private static byte[] tableBytes(KinshipConfig config) {
        try (InputStream in = config.frequencyTable().isPresent()
                ? Files.newInputStream(Path.of(config.frequencyTable().get()))
                : KinshipEngine.class.getResourceAsStream(BUNDLED_TABLE)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("The allele frequency table could not be read", e);
        }
    }

    private static AlleleFrequencies parse(String population, byte[] table) {
        try {
            return AlleleFrequencies.parseCsv(population, new InputStreamReader(new ByteArrayInputStream(table),
                    StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("The allele frequency table could not be read", e);
        }
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** What a candidate of the background matching rests on, θ included. */
    public CandidateBasis basis(double prior, int lociCompared) {
        return new CandidateBasis(config.population(), tableName, tableSha256, config.mutationModel().name(),
                config.mutationRate(), config.locusMutationRates(), config.theta(), prior, lociCompared, version);
    }

    /**
     * The references on the loci today's frequency table has: a profile typed before the table was replaced may carry
     * a locus it lacks, which no computation may meet (it has no frequencies).
     */
    public List<FamilyReferences.Donor> onTable(List<FamilyReferences.Donor> donors) {
        Set<String> table = Set.copyOf(frequencies.locusNames());
        return donors.stream().map(d -> {
            Map<String, Genotype> kept = new TreeMap<>(d.profile().loci());
            kept.keySet().retainAll(table);
            return new FamilyReferences.Donor(d.id(), d.relation(), new StrProfile(kept, d.profile().dropout()));
        }).toList();
    }

    public AlleleFrequencies frequencies() {
        return frequencies;
    }

    /** The calculator the search screens with (θ = 0, the configured mutation model). */
    public KinshipCalculator matching() {
        return matching;
    }

    /** The calculator of the numbers the matching stores: the configured θ and mutation model. */
    public KinshipCalculator scoring() {
        return scoring;
    }

    /** A calculator for the settings an examiner chose. */
    public KinshipCalculator calculator(double theta, MutationModel mutation) {
        return new KinshipCalculator(new KinshipModel(frequencies, theta, mutation));
    }

    /** Seals a genotype or ratios for the one place (table, row, locus) it is stored in. */
    public String seal(String plain, String place) {
        return cipher.seal(plain, place);
    }

    public String unseal(String sealed, String place) {
        return cipher.open(sealed, place);
    }

    /** What values sealed with the current profile key start with; the others are re-sealed (ProfileKeyRotation). */
    public String currentSealPrefix() {
        return cipher.currentPrefix();
    }

    public KinshipConfig config() {
        return config;
    }
}
