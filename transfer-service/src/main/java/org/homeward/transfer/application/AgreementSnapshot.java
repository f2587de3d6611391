package org.homeward.transfer.application;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import org.homeward.platform.domain.RuleViolation;
import org.homeward.platform.json.StrictJson;
import org.homeward.transfer.AgreedTerm;
import org.homeward.transfer.Transfer;
import org.homeward.transfer.readmodel.AgreementView;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/** What a plan is checked against, read from the agreement's last published state (tolerant reader). */
@JsonIgnoreProperties(ignoreUnknown = true)
public record AgreementSnapshot(String status, List<AgreedTerm> terms, Set<String> mediators,
                                Set<String> intermediaries, LocalDate effectiveDate) {

    private static final ObjectMapper STATE_READER = StrictJson.tolerantReader();

    public static AgreementSnapshot of(AgreementView view) {
        try {
            return STATE_READER.readValue(view.state, AgreementSnapshot.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("The agreement read model holds unreadable state", e);
        }
    }

    /** The terms a transfer fulfils, as the agreement last published them. */
    List<AgreedTerm> termsOf(Transfer transfer) {
        return termsOrEmpty().stream().filter(term -> transfer.termIds().contains(term.id())).toList();
    }

    public List<AgreedTerm> termsOrEmpty() {
        return terms == null ? List.of() : terms;
    }

    public Set<String> intermediariesOrEmpty() {
        return intermediaries == null ? Set.of() : intermediaries;
    }

    public Set<String> mediatorsOrEmpty() {
        return mediators == null ? Set.of() : mediators;
    }

    /**
     * The escort reads the manifest and certifies prisoners' consent, so it must be one of the neutral
     * intermediaries the parties named in the agreement, not any organisation a coordinator names.
     */
    void ensureMayEscort(String escortOrganisation) {
        if (escortOrganisation != null && (intermediaries == null || !intermediaries.contains(escortOrganisation))) {
            throw new RuleViolation("escortOrganisation", "The escort must be one of the agreement's intermediaries");
        }
    }
}
