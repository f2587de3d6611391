package org.homeward.transfer.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.homeward.transfer.HandoverPoint;
import org.homeward.transfer.TransferKind;
import org.homeward.transfer.application.PlanTransfer;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

@Schema(name = "PlanTransfer", description = "A handover under an active agreement, fulfilling one or more of its terms")
public record PlanTransferRequest(
        @NotNull UUID agreementId,
        @NotNull @Size(min = 1, max = 20) List<@NotNull UUID> termIds,
        @NotNull TransferKind kind,
        @Schema(example = "RU") @NotNull @Pattern(regexp = "[A-Z]{2}") String fromParty,
        @Schema(example = "UA") @NotNull @Pattern(regexp = "[A-Z]{2}") String toParty,
        @Schema(example = "org-icrc") @Pattern(regexp = "[a-z0-9][a-z0-9._-]{1,99}") String escortOrganisation,
        @NotNull @Valid HandoverPointInput handoverPoint,
        @NotNull Instant scheduledAt) {

    @Schema(name = "HandoverPoint")
    public record HandoverPointInput(@Schema(example = "Border crossing") @NotBlank @Size(max = 200) String name,
                                     @DecimalMin("-90") @DecimalMax("90") Double latitude,
                                     @DecimalMin("-180") @DecimalMax("180") Double longitude,
                                     @Schema(example = "Europe/Kyiv") @NotBlank @Size(max = 64) String timeZone) {
    }

    PlanTransfer toCommand() {
        return new PlanTransfer(agreementId, termIds, kind, fromParty, toParty, escortOrganisation,
                new HandoverPoint(handoverPoint.name(), handoverPoint.latitude(), handoverPoint.longitude(),
                        handoverPoint.timeZone()), scheduledAt);
    }
}
