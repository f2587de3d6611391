package org.homeward.transfer.exchange.messaging;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.ApplicationScoped;
import org.homeward.platform.messaging.CloudEvent;
import org.homeward.platform.messaging.inbox.EventHandler;
import org.homeward.platform.messaging.inbox.PoisonMessage;
import org.homeward.transfer.exchange.application.ListedHandovers;

import java.util.Set;
import java.util.UUID;

/**
 * identification-service's {@code identification.prisoner-check.completed}: how a released person, as the manifest
 * named him, compared with the receiving party's register of the missing. A CONFLICT (the service number agrees but
 * the name or date of birth does not, or the reverse) flags his exchange-list entry for the parties to look at; a
 * NO_MATCH is normal (the register does not list every soldier). Ids, outcome and status are all the event carries;
 * the latest sequence of a check wins, so a redelivered or late event changes nothing.
 */
@ApplicationScoped
public class PrisonerCheckOutcomes implements EventHandler {

    public static final String CONSUMER = "transfer-service.prisoner-checks";
    public static final String TOPIC = "homeward.identification.events";
    static final String COMPLETED = "identification.prisoner-check.completed";
    /** A check withdrawn (the person never arrived) flags nothing. */
    private static final Set<String> SETTLED_WITHOUT_PERSON = Set.of("WITHDRAWN");

    private final ListedHandovers handovers;

    public PrisonerCheckOutcomes(ListedHandovers handovers) {
        this.handovers = handovers;
    }

    @Override
    public String consumer() {
        return CONSUMER;
    }

    @Override
    public String topic() {
        return TOPIC;
    }

    @Override
    public void handle(CloudEvent event) {
        if (!COMPLETED.equals(event.type())) {
            return;
        }
        JsonNode data = event.data();
        UUID checkId = uuid(data, "checkId");
        UUID itemId = uuid(data, "itemId");
        JsonNode sequence = data.path("sequence");
        String outcome = data.path("outcome").asText("");
        String status = data.path("status").asText("");
        if (!sequence.canConvertToLong() || sequence.asLong() < 1 || outcome.isEmpty() || status.isEmpty()) {
            throw new PoisonMessage("A prisoner check without its sequence, outcome or status");
        }
        boolean conflict = "CONFLICT".equals(outcome) && !SETTLED_WITHOUT_PERSON.contains(status);
        handovers.identityChecked(itemId, checkId, sequence.asLong(), conflict);
    }

    private static UUID uuid(JsonNode data, String field) {
        try {
            return UUID.fromString(data.path(field).asText());
        } catch (IllegalArgumentException e) {
            throw new PoisonMessage("A prisoner check whose " + field + " is not a UUID");
        }
    }
}
