package org.homeward.identification.kinship.application;

import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import org.homeward.identification.kinship.LineagePart;
import org.homeward.identification.kinship.lineage.HaplotypeDatabase;
import org.homeward.identification.kinship.lineage.HaplotypeFrequency;
import org.homeward.identification.kinship.lineage.PaternalLine;
import org.homeward.identification.kinship.lineage.PaternalLineComparison;
import org.homeward.identification.kinship.lineage.YHaplotype;
import org.homeward.identification.kinship.lineage.YLocusDifference;
import org.homeward.identification.kinship.lineage.YMutationRates;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.UUID;

/**
 * The Y-STR comparison wired from configuration: the operator's haplotype database (loaded once, at start-up, so a
 * bad file stops the service before readiness), the per-locus mutation rates and the bound's confidence. Without a
 * database no Y-STR ratio is computed: haplotypes are still recorded, and candidates carry no lineage part.
 */
@Startup
@ApplicationScoped
public class LineageEngine {

    private final KinshipConfig.YStr config;
    private final YMutationRates rates;
    private final Optional<HaplotypeDatabase> database;
    private final String databaseSha256;

    public LineageEngine(KinshipConfig config) {
        this.config = config.yStr();
        this.rates = new YMutationRates(this.config.locusMutationRates(), this.config.mutationRate());
        if (!(this.config.confidence() > 0 && this.config.confidence() < 1)) {
            throw new IllegalStateException("homeward.kinship.y-str.confidence must be in (0, 1)");
        }
        if (this.config.haplotypeDatabase().isPresent()) {
            Path file = Path.of(this.config.haplotypeDatabase().get());
            byte[] bytes = read(file);
            this.databaseSha256 = KinshipEngine.sha256(bytes);
            try {
                this.database = Optional.of(HaplotypeDatabaseCsv.read(file.getFileName().toString(),
                        new InputStreamReader(new ByteArrayInputStream(bytes), StandardCharsets.UTF_8)));
            } catch (IOException | IllegalArgumentException e) {
                throw new IllegalStateException("homeward.kinship.y-str.haplotype-database could not be read: "
                        + e.getMessage(), e);
            }
        } else {
            this.database = Optional.empty();
            this.databaseSha256 = null;
        }
    }

    private static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException("homeward.kinship.y-str.haplotype-database could not be read", e);
        }
    }

    /** Whether a haplotype database is loaded, so that Y-STR ratios are computed at all. */
    public boolean comparing() {
        return database.isPresent();
    }

    /**
     * The remains' haplotype against one reference of the paternal line: empty without a database or when the two
     * share no typed locus, or the remains' haplotype none with the database.
     */
    public Optional<LineagePart> compare(YHaplotype remains, UUID donorId, YHaplotype reference, PaternalLine line) {
        if (database.isEmpty()) {
            return Optional.empty();
        }
        HaplotypeFrequency frequency;
        PaternalLineComparison.Result result;
        try {
            frequency = database.get().frequencyOf(remains, config.confidence());
            result = PaternalLineComparison.compare(remains, reference, line, rates, frequency);
        } catch (IllegalArgumentException noSharedLocus) {
            return Optional.empty();
        }
        long structural = result.loci().stream()
                .filter(l -> l.difference().kind() == YLocusDifference.Kind.STRUCTURAL)
                .count();
        boolean excludes = result.likelihoodRatio() == 0;
        return Optional.of(new LineagePart("Y_STR", donorId, line.name(), line.meioses(), result.loci().size(),
                result.mismatches(), result.steps(), structural, rates.defaultRate(), frequency.count(),
                frequency.size(), frequency.confidence(), frequency.upperBound(), database.get().name(), databaseSha256,
                result.likelihoodRatio(), excludes));
    }
}
