package org.homeward.agreement.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.homeward.agreement.Agreement;
import org.homeward.agreement.AgreementContent;

import java.time.LocalDate;
import java.util.List;

@Schema(name = "EditDraft", description = "The new content of a draft (parties and organisations stay as created)")
public record EditDraftRequest(@NotBlank @Size(max = 64) String reference,
                               @NotBlank @Size(max = 300) String title,
                               LocalDate concludedOn,
                               @Size(max = 200) String venue,
                               @Size(max = 2000) String notes,
                               LocalDate effectiveDate,
                               @Size(max = 100) List<@Valid @NotNull TermInput> terms) {

    AgreementContent toContent(Agreement agreement) {
        return new AgreementContent(reference, title, concludedOn, venue, notes, effectiveDate,
                TermMapping.toTerms(terms, agreement.currentVersion().terms()));
    }
}
