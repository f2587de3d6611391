package org.homeward.transfer.application;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import org.homeward.transfer.AgreedTerm;

import java.util.List;
import java.util.Set;

/** What a plan is checked against, read from the agreement's last published state (tolerant reader). */
@JsonIgnoreProperties(ignoreUnknown = true)
public record AgreementSnapshot(String status, List<AgreedTerm> terms, Set<String> mediators) {

    public List<AgreedTerm> termsOrEmpty() {
        return terms == null ? List.of() : terms;
    }

    public Set<String> mediatorsOrEmpty() {
        return mediators == null ? Set.of() : mediators;
    }
}
