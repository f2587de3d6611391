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
import java.util.Optional;
import java.util.UUID;

/**
 * The lineage comparisons wired from configuration: the operator's Y-STR haplotype and mtDNA databases (loaded once,
 * at start-up, so a bad file stops the service before readiness), the mutation rates and the bounds' confidence.
 * Without a method's database no ratio of that method is computed: typings are still recorded, and candidates carry
 * no part of it.
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

    /** Whether a database of the method is loaded, so that its ratios are computed at all. */
    public boolean comparing(LineageProfile.Method method) {
        return method == LineageProfile.Method.Y_STR ? haplotypes.isPresent() : sequences.isPresent();
    }

    /**
     * The remains' Y-STR haplotype against one reference of the paternal line: empty without a database, or when the
     * two share no typed locus, or the remains' haplotype none with the database.
     */
    public Optional<LineagePart> compareY(YHaplotype remains, UUID donorId, YHaplotype reference, PaternalLine line) {
        if (haplotypes.isEmpty()) {
            return Optional.empty();
        }
        HaplotypeFrequency frequency;
        PaternalLineComparison.Result result;
        try {
            // Counted over the loci both typed, the ones the numerator weighs: a reference typed at one locus must
            // not borrow the rarity of the remains' whole haplotype.
            YHaplotype shared = remains.restrictedTo(reference.loci().keySet());
            frequency = haplotypes.get().database().frequencyOf(shared, yStr.confidence());
            result = PaternalLineComparison.compare(shared, reference, line, yRates, frequency);
        } catch (IllegalArgumentException noSharedLocus) {
            return Optional.empty();
        }
        int structural = (int) result.loci().stream()
                .filter(l -> l.difference().kind() == YLocusDifference.Kind.STRUCTURAL).count();
        return Optional.of(new LineagePart(LineageProfile.Method.Y_STR.name(), donorId, line.name(), line.meioses(),
                result.loci().size(), null, (int) result.mismatches(), result.steps(), structural, 0, 0,
                yRates.defaultRate(), frequency.count(), frequency.size(), frequency.confidence(),
                frequency.upperBound(), haplotypes.get().name(), haplotypes.get().sha256(), result.likelihoodRatio(),
                result.likelihoodRatio() == 0, false, false));
    }

    /**
     * The remains' mtDNA sequence against one reference of the maternal line: empty without a database, or when the
     * two share no position read, or no sequence of the database was read over the positions compared.
     */
    public Optional<LineagePart> compareMt(MtHaplotype remains, UUID donorId, MtHaplotype reference, MaternalLine line) {
        if (sequences.isEmpty()) {
            return Optional.empty();
        }
        MaternalLineComparison.Result result;
        try {
            result = MaternalLineComparison.compare(remains, reference, line, mtDna.mutationRate(),
                    sequences.get().database(), mtDna.confidence());
        } catch (IllegalArgumentException nothingToCompare) {
            return Optional.empty();
        }
        MtRange compared = result.difference().compared();
        int positions = compared.intervals().stream().mapToInt(i -> i.to() - i.from() + 1).sum();
        HaplotypeFrequency frequency = result.frequency();
        return Optional.of(new LineagePart(LineageProfile.Method.MT_DNA.name(), donorId, line.name(), line.meioses(),
                positions, compared.toString(), result.difference().differences().size(), 0, 0,
                result.difference().sharedHeteroplasmies().size(), result.difference().ignoredLengthVariants().size(),
                mtDna.mutationRate(), frequency.count(), frequency.size(), frequency.confidence(), frequency.upperBound(),
                sequences.get().name(), sequences.get().sha256(), result.likelihoodRatio(), result.excludes(),
                result.inconclusive(), false));
    }
}
