package org.homeward.identification.kinship.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.homeward.identification.kinship.LineageProfile;
import org.homeward.identification.kinship.application.LineageProfiles;
import org.homeward.identification.kinship.lineage.MaternalLine;
import org.homeward.identification.kinship.lineage.PaternalLine;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The bodies of the lineage endpoints (Y-STR haplotypes, mtDNA sequences), shared by cases and donors. */
public final class LineageMessages {

    static final String Y_HELP = "JSON {\"sampleId\": ..., \"loci\": {\"DYS19\": \"14\", \"DYS385\": \"11-14\","
            + " \"DYF387S1\": \"35-37\", \"DYS448\": \"null\", ...}}: one call per locus as the laboratory writes it (an"
            + " allele such as 14 or 12.2; the copies of a multi-copy locus or a duplication joined by '-' or ',', in"
            + " any order; \"null\" for a null allele); omit loci not typed. Replaces the haplotype on file. Calls"
            + " are encrypted at rest and never sent on any topic. Compared along the paternal line once a haplotype"
            + " database is loaded (homeward.kinship.y-str.haplotype-database).";

    static final String Y_DONOR_HELP = " A donor's body also states his place on the missing man's paternal line"
            + " (\"paternalLine\": FATHER, SON, BROTHER, PATERNAL_GRANDFATHER or PATERNAL_UNCLE), which must agree with"
            + " the relationship he was registered with; the sample must be one registered with his consent.";

    static final String MT_HELP = "JSON {\"sampleId\": ..., \"range\": \"16024-16365 73-340\", \"variants\": [\"16189C\","
            + " \"263G\", \"315.1C\", \"16093Y\", \"249DEL\"]}: the ranges read, and the differences from the rCRS"
            + " within them (a substitution, an IUPAC code for a point heteroplasmy, an insertion as position.n and"
            + " base, a deletion as DEL or -); an empty list is the rCRS over the range. Replaces the sequence on file."
            + " Sealed at rest and never sent on any topic. Compared along the maternal line once a sequence database"
            + " is loaded (homeward.kinship.mt-dna.sequence-database).";

    static final String MT_DONOR_HELP = " A donor's body also states the donor's place on the missing person's"
            + " maternal line (\"maternalLine\": MOTHER, SIBLING, MATERNAL_GRANDMOTHER, MATERNAL_UNCLE_OR_AUNT, or"
            + " CHILD_OF_A_MISSING_WOMAN for a missing person registered as female), which must agree with the"
            + " relationship the donor was registered with; the sample must be one registered with the consent.";

    private static final String LOCUS = "[A-Za-z0-9_.-]+";
    private static final String SAMPLE = "[\\p{L}\\p{N}._/-]+";

    public record CaseHaplotypeRequest(@NotBlank @Size(max = 64) @Pattern(regexp = SAMPLE) String sampleId,
                                       @NotNull @Size(min = 1, max = 60)
                                       Map<@NotBlank @Size(max = 20) @Pattern(regexp = LOCUS) String,
                                               @NotNull @Size(max = 20) String> loci) {
        LineageProfiles.SubmittedY submitted() {
            return new LineageProfiles.SubmittedY(sampleId, loci);
        }
    }

    public record DonorHaplotypeRequest(@NotBlank @Size(max = 64) @Pattern(regexp = SAMPLE) String sampleId,
                                        @NotNull PaternalLine paternalLine,
                                        @NotNull @Size(min = 1, max = 60)
                                        Map<@NotBlank @Size(max = 20) @Pattern(regexp = LOCUS) String,
                                                @NotNull @Size(max = 20) String> loci) {
        LineageProfiles.SubmittedY submitted() {
            return new LineageProfiles.SubmittedY(sampleId, loci);
        }
    }

    public record CaseSequenceRequest(@NotBlank @Size(max = 64) @Pattern(regexp = SAMPLE) String sampleId,
                                      @NotBlank @Size(max = 100) String range,
                                      @NotNull @Size(max = 200) List<@NotBlank @Size(max = 12) String> variants) {
        LineageProfiles.SubmittedMt submitted() {
            return new LineageProfiles.SubmittedMt(sampleId, range, variants);
        }
    }

    public record DonorSequenceRequest(@NotBlank @Size(max = 64) @Pattern(regexp = SAMPLE) String sampleId,
                                       @NotNull MaternalLine maternalLine,
                                       @NotBlank @Size(max = 100) String range,
                                       @NotNull @Size(max = 200) List<@NotBlank @Size(max = 12) String> variants) {
        LineageProfiles.SubmittedMt submitted() {
            return new LineageProfiles.SubmittedMt(sampleId, range, variants);
        }
    }

    /**
     * What was stored: how many Y loci or mtDNA variants, never the values (those are read with GET, audited), and the
     * donor's place on the line.
     */
    public record TypingRecorded(UUID id, String method, String subjectKind, UUID subjectId, String sampleId,
                                 String linePlace, int markers, Instant recordedAt) {
        static TypingRecorded of(LineageProfile p) {
            return new TypingRecorded(p.id(), p.method().name(), p.subjectKind().name(), p.subjectId(), p.sampleId(),
                    p.linePlace(), p.markerCount(), p.recordedAt());
        }
    }

    public record HaplotypeResponse(UUID id, String subjectKind, UUID subjectId, String sampleId, String paternalLine,
                                    Map<String, String> loci, String recordedByOrganisation, Instant recordedAt) {
        static HaplotypeResponse of(LineageProfiles.OnFile onFile) {
            Map<String, String> loci = new LinkedHashMap<>();
            onFile.haplotype().loci().forEach((locus, call) -> loci.put(locus, call.toString()));
            LineageProfile p = onFile.record();
            return new HaplotypeResponse(p.id(), p.subjectKind().name(), p.subjectId(), p.sampleId(), p.linePlace(),
                    loci, p.recordedByOrganisation(), p.recordedAt());
        }
    }

    public record SequenceResponse(UUID id, String subjectKind, UUID subjectId, String sampleId, String maternalLine,
                                   String range, List<String> variants, String recordedByOrganisation,
                                   Instant recordedAt) {
        static SequenceResponse of(LineageProfiles.OnFile onFile) {
            LineageProfile p = onFile.record();
            return new SequenceResponse(p.id(), p.subjectKind().name(), p.subjectId(), p.sampleId(), p.linePlace(),
                    onFile.sequence().range().toString(),
                    onFile.sequence().variants().stream().map(Object::toString).toList(), p.recordedByOrganisation(),
                    p.recordedAt());
        }
    }

    private LineageMessages() {
    }
}
