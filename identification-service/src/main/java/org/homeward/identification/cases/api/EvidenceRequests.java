package org.homeward.identification.cases.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.homeward.identification.cases.ExaminationKind;
import org.homeward.identification.cases.application.CaseEvidence;
import org.homeward.platform.text.SafeText;

import java.time.Instant;
import java.time.LocalDate;

/** Bodies that add evidence to a case. */
public final class EvidenceRequests {

    private EvidenceRequests() {
    }

    public record Examination(@NotNull ExaminationKind kind, @NotBlank @Size(max = 200) @Pattern(regexp = SafeText.PATTERN) String examiner,
                              @NotNull LocalDate examinedOn, @NotBlank @Size(max = 500) @Pattern(regexp = SafeText.PATTERN) String method,
                              @NotBlank @Size(max = 10000) @Pattern(regexp = SafeText.MULTILINE_PATTERN) String findings) {

        CaseEvidence.RecordExamination toCommand() {
            return new CaseEvidence.RecordExamination(kind, examiner, examinedOn, method, findings);
        }
    }

    /** item is REMAINS or a sample's identifier; a new sample states its type. */
    public record Custody(@NotBlank @Size(max = 64) @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9._/-]*") String item,
                          @Size(min = 1, max = 200) @Pattern(regexp = SafeText.PATTERN) String sampleType, @NotBlank @Size(max = 200) @Pattern(regexp = SafeText.PATTERN) String heldBy,
                          @NotBlank @Size(max = 500) @Pattern(regexp = SafeText.PATTERN) String location, @NotNull Instant heldFrom) {

        CaseEvidence.RecordCustody toCommand() {
            return new CaseEvidence.RecordCustody(item, sampleType, heldBy, location, heldFrom);
        }
    }
}
