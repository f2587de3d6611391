package org.homeward.identification.intake;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import org.homeward.identification.cases.ItemState;
import org.homeward.identification.cases.application.CaseOpening;
import org.homeward.identification.register.application.PrisonerChecks;
import org.homeward.platform.json.StrictJson;
import org.homeward.platform.messaging.CloudEvent;
import org.homeward.platform.messaging.inbox.EventHandler;
import org.homeward.platform.messaging.inbox.PoisonMessage;

import java.util.Map;

/**
 * Turns transfer-service's restricted item records into cases (remains) and identity checks (released
 * prisoners and civilians).
 */
@ApplicationScoped
public class ItemRecordHandler implements EventHandler {

    public static final String CONSUMER = "identification-service.cases";
    public static final String TOPIC = "homeward.transfer.manifest-items";
    private static final Map<String, ItemState> STATES = Map.of(
            "transfer.manifest-item.arrived", ItemState.ARRIVED,
            "transfer.manifest-item.withdrawn", ItemState.WITHDRAWN);
    private static final ObjectMapper READER = StrictJson.tolerantReader();

    private final CaseOpening opening;
    private final PrisonerChecks prisonerChecks;

    public ItemRecordHandler(CaseOpening opening, PrisonerChecks prisonerChecks) {
        this.opening = opening;
        this.prisonerChecks = prisonerChecks;
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
        ItemState state = STATES.get(event.type());
        if (state == null) {
            return; // a record type this consumer does not know yet: producers may add them
        }
        ItemRecordMessage record;
        try {
            record = READER.treeToValue(event.data(), ItemRecordMessage.class);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new PoisonMessage("Item record data does not match its schema: " + e.getClass().getSimpleName());
        }
        if (record == null) {
            throw new PoisonMessage("An item record has no data");
        }
        if (ItemRecordMessage.REMAINS.equals(record.kind())) {
            opening.apply(record.toRemainsItem(state));
        } else if (state == ItemState.ARRIVED) {
            prisonerChecks.arrived(record.toArrivedPerson(state));
        } else {
            prisonerChecks.withdrawn(record.toArrivedPerson(state));
        }
    }
}
