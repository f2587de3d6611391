package org.homeward.identification.kinship.api;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import org.homeward.identification.kinship.DnaProfile;
import org.homeward.identification.kinship.application.DnaProfiles;
import org.homeward.identification.kinship.engine.Genotype;
import org.homeward.platform.problem.Problem;
import org.homeward.platform.problem.ProblemException;
import org.homeward.platform.problem.ProblemType;
import org.homeward.platform.text.StrictUtf8;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The bodies of the DNA profile endpoints, and the lab table's text, shared by cases and donors. */
public final class DnaProfileMessages {

    static final String TABLE_HELP = "JSON {\"sampleId\": ..., \"loci\": {\"D3S1358\": [\"15\", \"16\"], ...}}"
            + " (locus names or their aliases: vWA/VWA, Penta E/PENTA_E, THO1, FIBRA, ACTBP2; one allele for a homozygote;"
            + " omit loci that did not amplify; markers the population table lacks, Amelogenin and Y markers are set"
            + " aside and listed in the answer; a third allele at a locus is refused), or the genotyping software's table as text/csv or text/tab-separated-values:"
            + " columns Sample Name, Marker, Allele 1, Allele 2, one sample. A degraded sample states its allele drop-out"
            + " probability (dropout, 0 to 0.9; with a table, the query parameter dropout): a lone allele may then hide"
            + " a second that did not show. Replaces the profile on file. Genotypes are encrypted at rest and never"
            + " sent on any topic.";

    static final String CONSENTED_SAMPLE = " The sample must be one registered with the donor's consent.";

    public record ProfileRequest(@NotBlank @Size(max = 64) @Pattern(regexp = "[\\p{L}\\p{N}._/-]+") String sampleId,
                                 @NotNull @Size(min = 1, max = 60)
                                 Map<@NotBlank @Size(max = 40) String, @NotNull @Size(min = 1, max = 2)
                                         List<@NotNull @Size(max = 8) String>> loci,
                                 @DecimalMin("0") @DecimalMax("0.9") Double dropout) {
        public DnaProfiles.Submitted submitted() {
            return new DnaProfiles.Submitted(sampleId, loci).degraded(dropout);
        }
    }

    /**
     * What was stored: how many loci, never the genotypes (those are read with GET, audited), and the markers
     * set aside as submitted (loci the population table lacks, sex and Y markers): typed, but not used by the
     * autosomal matching.
     */
    public record ProfileRecorded(UUID id, String subjectKind, UUID subjectId, String sampleId, int lociTyped,
                                  double dropout, List<String> setAside, Instant recordedAt) {
        static ProfileRecorded of(DnaProfiles.Recorded recorded) {
            DnaProfile p = recorded.profile();
            return new ProfileRecorded(p.id(), p.subjectKind().name(), p.subjectId(), p.sampleId(), p.locusCount(),
                    p.dropout(), recorded.setAside(), p.recordedAt());
        }
    }

    public record ProfileResponse(UUID id, String subjectKind, UUID subjectId, String sampleId,
                                  Map<String, List<String>> loci, double dropout, String recordedByOrganisation,
                                  Instant recordedAt) {
        static ProfileResponse of(DnaProfiles.OnFile onFile) {
            Map<String, List<String>> loci = new LinkedHashMap<>();
            onFile.profile().loci().forEach((locus, g) -> loci.put(locus, alleles(g)));
            DnaProfile p = onFile.record();
            return new ProfileResponse(p.id(), p.subjectKind().name(), p.subjectId(), p.sampleId(), loci,
                    p.dropout(), p.recordedByOrganisation(), p.recordedAt());
        }

        private static List<String> alleles(Genotype g) {
            return List.of(g.first(), g.second());
        }
    }

    static String text(byte[] body) {
        try {
            return StrictUtf8.decode(body == null ? new byte[0] : body);
        } catch (StrictUtf8.NotUtf8 e) {
            throw new ProblemException(ProblemType.VALIDATION_FAILED, "The profile table was refused; nothing was stored",
                    List.of(new Problem.Violation("table", e.getMessage())));
        }
    }

    private DnaProfileMessages() {
    }
}
