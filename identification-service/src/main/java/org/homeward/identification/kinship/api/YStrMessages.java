package org.homeward.identification.kinship.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.homeward.identification.kinship.LineageProfile;
import org.homeward.identification.kinship.application.LineageProfiles;
import org.homeward.identification.kinship.lineage.PaternalLine;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/** The bodies of the Y-STR haplotype endpoints, shared by cases and donors. */
public final class YStrMessages {

    static final String HELP = "JSON {\"sampleId\": ..., \"loci\": {\"DYS19\": \"14\", \"DYS385\": \"11-14\","
            + " \"DYF387S1\": \"35-37\", \"DYS448\": \"null\", ...}}: one call per locus as the laboratory writes it (an"
            + " allele such as 14 or 12.2; the copies of a multi-copy locus or a duplication joined by '-' or ',', in"
            + " any order; \"null\" for a null allele); omit loci not typed. Replaces the haplotype on file. Calls"
            + " are encrypted at rest and never sent on any topic. Compared along the paternal line once a haplotype"
            + " database is loaded (homeward.kinship.y-str.haplotype-database).";

    static final String DONOR_HELP = " A donor's body also states his place on the missing man's paternal line"
            + " (\"paternalLine\": FATHER, SON, BROTHER, PATERNAL_GRANDFATHER or PATERNAL_UNCLE), which must agree with"
            + " the relationship he was registered with; the sample must be one registered with his consent.";

    private static final String LOCUS = "[A-Za-z0-9_.-]+";

    public record CaseHaplotypeRequest(@NotBlank @Size(max = 64) @Pattern(regexp = "[\\p{L}\\p{N}._/-]+") String sampleId,
                                       @NotNull @Size(min = 1, max = 60)
                                       Map<@NotBlank @Size(max = 20) @Pattern(regexp = LOCUS) String,
                                               @NotNull @Size(max = 20) String> loci) {
        LineageProfiles.Submitted submitted() {
            return new LineageProfiles.Submitted(sampleId, loci);
        }
    }

    public record DonorHaplotypeRequest(@NotBlank @Size(max = 64) @Pattern(regexp = "[\\p{L}\\p{N}._/-]+") String sampleId,
                                        @NotNull PaternalLine paternalLine,
                                        @NotNull @Size(min = 1, max = 60)
                                        Map<@NotBlank @Size(max = 20) @Pattern(regexp = LOCUS) String,
                                                @NotNull @Size(max = 20) String> loci) {
        LineageProfiles.Submitted submitted() {
            return new LineageProfiles.Submitted(sampleId, loci);
        }
    }

    /** What was stored: how many loci, never the calls (those are read with GET, audited). */
    public record HaplotypeRecorded(UUID id, String method, String subjectKind, UUID subjectId, String sampleId,
                                    PaternalLine paternalLine, int lociTyped, Instant recordedAt) {
        static HaplotypeRecorded of(LineageProfile p) {
            return new HaplotypeRecorded(p.id(), p.method().name(), p.subjectKind().name(), p.subjectId(), p.sampleId(),
                    p.paternalLine(), p.markerCount(), p.recordedAt());
        }
    }

    public record HaplotypeResponse(UUID id, String method, String subjectKind, UUID subjectId, String sampleId,
                                    PaternalLine paternalLine, Map<String, String> loci, String recordedByOrganisation,
                                    Instant recordedAt) {
        static HaplotypeResponse of(LineageProfiles.OnFile onFile) {
            Map<String, String> loci = new LinkedHashMap<>();
            onFile.haplotype().loci().forEach((locus, call) -> loci.put(locus, call.toString()));
            LineageProfile p = onFile.record();
            return new HaplotypeResponse(p.id(), p.method().name(), p.subjectKind().name(), p.subjectId(), p.sampleId(),
                    p.paternalLine(), loci, p.recordedByOrganisation(), p.recordedAt());
        }
    }

    private YStrMessages() {
    }
}
