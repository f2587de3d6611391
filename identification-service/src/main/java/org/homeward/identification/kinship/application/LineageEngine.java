package org.homeward.identification.kinship.application;

import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import org.homeward.identification.kinship.LineagePart;
import org.homeward.identification.kinship.LineageProfile;
import org.homeward.identification.kinship.lineage.HaplotypeDatabase;
import org.homeward.identification.kinship.lineage.HaplotypeFrequency;
import org.homeward.identification.kinship.lineage.MaternalLine;
import org.homeward.identification.kinship.lineage.MaternalLineComparison;
import org.homeward.identification.kinship.lineage.MtDatabase;
import org.homeward.identification.kinship.lineage.MtDifference;
import org.homeward.identification.kinship.lineage.MtHaplotype;
import org.homeward.identification.kinship.lineage.MtRange;
import org.homeward.identification.kinship.lineage.PaternalLine;
import org.homeward.identification.kinship.lineage.PaternalLineComparison;
import org.homeward.identification.kinship.lineage.YHaplotype;
import org.homeward.identification.kinship.lineage.YLocusDifference;
import org.homeward.identification.kinship.lineage.YMutationRates;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;

/**
 * The lineage comparisons wired from configuration: the operator's Y-STR haplotype and mtDNA databases (loaded once,
 * at start-up, so a bad file stops the service before readiness), the mutation rates and the bounds' confidence.
 * A comparison is made whatever is loaded: its differences, and whether they exclude the line, never depend on a
 * database. Its ratio does: where no frequency can be counted the part is not weighed (ratio 1, in no ratio).
 */
@Startup
@ApplicationScoped
public class LineageEngine {

    /** A database as loaded: what it holds, and its file's name and SHA-256, stated with every ratio. */
    private record Loaded<D>(D database, String name, String sha256) {
    }

    @FunctionalInterface
    private interface Parser<D> {
        D read(String name, Reader csv) throws IOException;
    }

    /** What stands for a frequency that could not be counted: the ratio is then the numerator alone, never used. */
    private static final HaplotypeFrequency NOT_COUNTED = new HaplotypeFrequency(0, 0, 0, 1);

    private final KinshipConfig.YStr yStr;
    private final KinshipConfig.MtDna mtDna;
    private final YMutationRates yRates;
    private final Optional<Loaded<HaplotypeDatabase>> haplotypes;
    private final Optional<Loaded<MtDatabase>> sequences;

    public LineageEngine(KinshipConfig config) {
        this.yStr = config.yStr();
        this.mtDna = config.mtDna();
        this.yRates = new YMutationRates(yStr.locusMutationRates(), yStr.mutationRate());
        if (!(yStr.confidence() > 0 && yStr.confidence() < 1) || !(mtDna.confidence() > 0 && mtDna.confidence() < 1)) {
            throw new IllegalStateException("homeward.kinship.y-str.confidence and mt-dna.confidence must be in (0, 1)");
        }
        if (!(mtDna.mutationRate() > 0 && mtDna.mutationRate() < 1)) {
            throw new IllegalStateException("homeward.kinship.mt-dna.mutation-rate must be in (0, 1)");
        }
        this.haplotypes = yStr.haplotypeDatabase().map(file -> load(file, "homeward.kinship.y-str.haplotype-database",
                HaplotypeDatabaseCsv::read));
        this.sequences = mtDna.sequenceDatabase().map(file -> load(file, "homeward.kinship.mt-dna.sequence-database",
                HaplotypeDatabaseCsv::readMtDna));
    }

    private static <D> Loaded<D> load(String file, String property, Parser<D> parser) {
        Path path = Path.of(file);
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(path);
        } catch (IOException e) {
            throw new UncheckedIOException(property + " could not be read", e);
        }
        String name = path.getFileName().toString();
        try {
            return new Loaded<>(parser.read(name, new InputStreamReader(new ByteArrayInputStream(bytes),
                    StandardCharsets.UTF_8)), name, KinshipEngine.sha256(bytes));
        } catch (IOException | IllegalArgumentException e) {
            throw new IllegalStateException(property + " could not be read: " + e.getMessage(), e);
        }
    }

    /**
     * The remains' Y-STR haplotype against one reference of the paternal line, over the loci both typed (the
     * frequency too, so that a reference typed at one locus does not borrow the rarity of the whole haplotype);
     * empty when they share no typed locus.
     */
    public Optional<LineagePart> compareY(YHaplotype remains, UUID donorId, YHaplotype reference, PaternalLine line) {
        YHaplotype shared = remains.restrictedTo(reference.loci().keySet());
        if (shared.loci().isEmpty()) {
            return Optional.empty();
        }
        HaplotypeFrequency frequency = haplotypes.flatMap(loaded -> counted(() ->
                loaded.database().frequencyOf(shared, yStr.confidence()))).orElse(null);
        PaternalLineComparison.Result result = PaternalLineComparison.compare(shared, reference, line, yRates,
                frequency == null ? NOT_COUNTED : frequency);
        int structural = (int) result.loci().stream()
                .filter(l -> l.difference().kind() == YLocusDifference.Kind.STRUCTURAL).count();
        Map<String, Double> locusRates = new TreeMap<>();
        result.loci().stream().filter(l -> l.rate() != yRates.defaultRate())
                .forEach(l -> locusRates.put(l.difference().locus(), l.rate()));
        boolean excludes = result.numerator() == 0;
        return Optional.of(part(LineageProfile.Method.Y_STR, donorId, line.name(), line.meioses(), result.loci().size(),
                null, (int) result.mismatches(), result.steps(), structural, 0, 0, yRates.defaultRate(), locusRates,
                frequency, haplotypes.map(Loaded::name).orElse(null), haplotypes.map(Loaded::sha256).orElse(null),
                result.likelihoodRatio(), excludes, false));
    }

    /**
     * The remains' mtDNA sequence against one reference of the maternal line, over the positions both read; empty
     * when they share none.
     */
    public Optional<LineagePart> compareMt(MtHaplotype remains, UUID donorId, MtHaplotype reference, MaternalLine line) {
        Optional<MtRange> shared = remains.range().overlap(reference.range());
        if (shared.isEmpty()) {
            return Optional.empty();
        }
        MtDifference difference = MtDifference.between(remains, reference);
        HaplotypeFrequency frequency = sequences.flatMap(loaded -> counted(() ->
                loaded.database().frequencyOf(remains, difference.compared(), mtDna.confidence()))).orElse(null);
        MaternalLineComparison.Result result = MaternalLineComparison.weigh(difference, line, mtDna.mutationRate(),
                frequency == null ? NOT_COUNTED : frequency);
        MtRange compared = difference.compared();
        int positions = compared.intervals().stream().mapToInt(i -> i.to() - i.from() + 1).sum();
        return Optional.of(part(LineageProfile.Method.MT_DNA, donorId, line.name(), line.meioses(), positions,
                compared.toString(), difference.differences().size(), 0, 0, difference.sharedHeteroplasmies().size(),
                difference.ignoredLengthVariants().size(), mtDna.mutationRate(), Map.of(), frequency,
                sequences.map(Loaded::name).orElse(null), sequences.map(Loaded::sha256).orElse(null),
                result.likelihoodRatio(), result.excludes(), result.inconclusive()));
    }

    /** A frequency, or none where the database has no entry typed over what was compared. */
    private static Optional<HaplotypeFrequency> counted(java.util.function.Supplier<HaplotypeFrequency> count) {
        try {
            return Optional.of(count.get());
        } catch (IllegalArgumentException nothingToCount) {
            return Optional.empty();
        }
    }

    private static LineagePart part(LineageProfile.Method method, UUID donorId, String place, int meioses, int compared,
                                    String range, int mismatches, int steps, int structural, int heteroplasmies,
                                    int ignored, double rate, Map<String, Double> locusRates,
                                    HaplotypeFrequency frequency, String database, String sha256, double lr,
                                    boolean excludes, boolean inconclusive) {
        boolean weighed = frequency != null;
        return new LineagePart(method.name(), donorId, place, meioses, compared, range, mismatches, steps, structural,
                heteroplasmies, ignored, rate, locusRates, weighed, weighed ? frequency.count() : 0,
                weighed ? frequency.size() : 0, weighed ? frequency.confidence() : 0,
                weighed ? frequency.upperBound() : 0, weighed ? database : null, weighed ? sha256 : null,
                excludes ? 0 : weighed ? lr : 1, excludes, inconclusive, false);
    }
}
