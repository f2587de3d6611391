package org.homeward.transfer.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.homeward.transfer.manifest.ExtraItem;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Bodies of the handover steps: dispatch, receipt, reconciliation and consent confirmations. */
public final class HandoverRequests {

    /** Large enough for any manifest the service accepts (homeward.manifest.max-items). */
    static final int MAX_ITEMS = 100_000;

    private HandoverRequests() {
    }

    @Schema(name = "Dispatch", description = "The count sent; it must equal the manifest's count")
    public record Dispatch(@NotNull @Min(1) @Max(MAX_ITEMS) Integer count,
                           @Schema(description = "When the handover left; now when omitted") Instant dispatchedAt) {
    }

    @Schema(name = "Receipt", description = "How many arrived, at once; per term when the transfer fulfils several")
    public record Receipt(@NotNull @Min(0) @Max(MAX_ITEMS) Integer count,
                          @Schema(description = "When the handover was received; now when omitted") Instant receivedAt,
                          @Valid @Size(max = 20) List<@NotNull TermReceipt> terms) {
    }

    @Schema(name = "TermReceipt")
    public record TermReceipt(@NotNull UUID termId, @NotNull @Min(0) @Max(MAX_ITEMS) Integer received) {
    }

    @Schema(name = "Reconciliation", description = "Every manifest tag as received or missing, and the extra items "
            + "that arrived, tagged by the receiver")
    public record Reconciliation(@NotNull @Size(max = MAX_ITEMS) List<@NotBlank @Size(max = 64) String> received,
                                 @NotNull @Size(max = MAX_ITEMS) List<@NotBlank @Size(max = 64) String> missing,
                                 @Valid @Size(max = MAX_ITEMS) List<@NotNull Extra> extra) {

        List<ExtraItem> extras() {
            return extra == null ? List.of()
                    : extra.stream().map(e -> new ExtraItem(e.tag(), e.category(), e.nationality())).toList();
        }
    }

    @Schema(name = "ExtraItem")
    public record Extra(@Schema(example = "UA-RCV-0001") @NotBlank @Size(max = 64) String tag,
                        @Schema(description = "Persons: the category that selects the term") @Size(max = 100) String category,
                        @Schema(example = "UA") @Pattern(regexp = "[A-Za-z]{2}") String nationality) {
    }

    @Schema(name = "ConsentConfirmations", description = "Tags of prisoners who told the escort they consent to repatriation")
    public record Consents(@NotNull @Size(min = 1, max = MAX_ITEMS) List<@NotBlank @Size(max = 64) String> tags) {
    }
}
