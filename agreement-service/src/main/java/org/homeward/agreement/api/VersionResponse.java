package org.homeward.agreement.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.homeward.agreement.AgreementVersion;
import org.homeward.agreement.Signature;
import org.homeward.agreement.Term;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

@Schema(name = "AgreementVersion", description = "One version of the terms: who proposed it, when, why, who signed")
public record VersionResponse(int number, String state, LocalDate effectiveDate, List<Term> terms, String reason,
                              String proposedByOrganisation, Instant proposedAt, List<Signature> signatures) {

    static VersionResponse of(AgreementVersion version) {
        return new VersionResponse(version.number(), version.state().name(), version.effectiveDate(),
                version.terms(), version.reason(), version.proposedByOrganisation(), version.proposedAt(),
                version.signatures());
    }
}
