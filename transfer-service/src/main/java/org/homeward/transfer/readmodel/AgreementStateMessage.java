package org.homeward.transfer.readmodel;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.util.List;
import java.util.UUID;

/**
 * The part of agreement-service's public agreement state this service reads (tolerant reader: every other
 * field is ignored). Schema: agreement-service/src/main/resources/events/agreement.agreement.*.json.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record AgreementStateMessage(UUID agreementId, Long sequence, String reference, String title, String status,
                                    AccessScopeMessage accessScope) {

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record AccessScopeMessage(List<String> parties, List<String> organisations) {
    }
}
