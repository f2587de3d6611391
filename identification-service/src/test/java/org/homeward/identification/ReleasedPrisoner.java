package org.homeward.identification;

import com.fasterxml.jackson.databind.ObjectMapper;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** A released prisoner's item record, as transfer-service publishes it on the restricted topic. */
public final class ReleasedPrisoner {

    public static final String TOPIC = "homeward.transfer.manifest-items";
    private static final ObjectMapper JSON = new ObjectMapper();

    private ReleasedPrisoner() {
    }

    /** A record of a released prisoner as transfer-service publishes it (validated against its schema). */
    public static String record(UUID transfer, UUID itemId, String type, int sequence, String surname, String firstNames,
                                String dateOfBirth, String serviceNumber) throws Exception {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("itemId", itemId.toString());
        data.put("itemState", type.endsWith("arrived") ? "ARRIVED" : "WITHDRAWN");
        data.put("itemSequence", sequence);
        data.put("transferId", transfer.toString());
        data.put("agreementId", UUID.randomUUID().toString());
        data.put("termId", UUID.randomUUID().toString());
        data.put("kind", "PRISONERS");
        data.put("fromParty", "RU");
        data.put("toParty", "UA");
        data.put("origin", "MANIFEST");
        data.put("tag", "POW-" + itemId.toString().substring(0, 6));
        data.put("receivedAt", "2025-06-12T09:30:00Z");
        data.put("handoverTimeZone", "Europe/Kyiv");
        data.put("category", "SERIOUSLY_WOUNDED_OR_SICK");
        data.put("nationality", "UA");
        data.put("surname", surname);
        data.put("firstNames", firstNames);
        data.put("patronymic", null);
        data.put("rank", "солдат");
        data.put("dateOfBirth", dateOfBirth);
        data.put("serviceNumber", serviceNumber);
        data.put("accessScope", Map.of("parties", List.of("RU", "UA"), "organisations", List.of("org-icrc")));
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("specversion", "1.0");
        event.put("id", UUID.randomUUID().toString());
        event.put("source", "/homeward/transfer-service");
        event.put("type", type);
        event.put("subject", transfer.toString());
        event.put("time", Instant.now().toString());
        event.put("datacontenttype", "application/json");
        event.put("data", data);
        String json = JSON.writeValueAsString(event);
        assertThat(Schemas.transfer(type).validate(Schemas.read(json))).isEmpty();
        return json;
    }
}
