package org.homeward.agreement.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.homeward.agreement.AgreementContent;
import org.homeward.agreement.OrganisationRef;
import org.homeward.agreement.OrganisationRole;
import org.homeward.agreement.PartyRef;
import org.homeward.agreement.application.DraftAgreement;

import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;

@Schema(name = "CreateAgreement", description = "A new draft agreement between two or more parties")
public record CreateAgreementRequest(
        @Schema(example = "IST-2025-06-02") @NotBlank @Size(max = 64) String reference,
        @Schema(example = "Istanbul exchange of 2 June 2025") @NotBlank @Size(max = 300) String title,
        @Schema(example = "2025-06-02") LocalDate concludedOn,
        @Schema(example = "Istanbul") @Size(max = 200) String venue,
        @Size(max = 2000) String notes,
        @Schema(example = "2025-06-07", description = "The agreement becomes ACTIVE on this date once signed")
        LocalDate effectiveDate,
        @NotNull @Size(min = 2, max = 20) List<@Valid @NotNull PartyInput> parties,
        @Schema(description = "Organisation ids (the token's org claim) of the mediators", example = "[\"org-tr-mfa\"]")
        @Size(max = 20) List<@NotNull @Pattern(regexp = ORG_ID) String> mediators,
        @Schema(description = "Organisation ids of the neutral intermediaries", example = "[\"org-icrc\"]")
        @Size(max = 20) List<@NotNull @Pattern(regexp = ORG_ID) String> intermediaries,
        @Size(max = 100) List<@Valid @NotNull TermInput> terms) {

    static final String ORG_ID = "[a-z0-9][a-z0-9._-]{1,99}";

    @Schema(name = "Party")
    public record PartyInput(@Schema(example = "UA") @NotNull @Pattern(regexp = "[A-Z]{2}") String code,
                             @Schema(example = "Ukraine") @NotBlank @Size(max = 200) String name) {
    }

    DraftAgreement toCommand() {
        List<OrganisationRef> organisations = Stream.concat(
                orEmpty(mediators).stream().map(id -> new OrganisationRef(id, OrganisationRole.MEDIATOR)),
                orEmpty(intermediaries).stream().map(id -> new OrganisationRef(id, OrganisationRole.INTERMEDIARY)))
                .toList();
        AgreementContent content = new AgreementContent(reference, title, concludedOn, venue, notes, effectiveDate,
                TermMapping.toTerms(terms, List.of()));
        return new DraftAgreement(content, parties.stream().map(p -> new PartyRef(p.code(), p.name())).toList(),
                organisations);
    }

    private static List<String> orEmpty(List<String> values) {
        return values == null ? List.of() : values;
    }
}
