package org.homeward.identification;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.homeward.local.infra.KafkaTestClient;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * A received remains handover as transfer-service announces it on the restricted topic: one record per
 * item in the shape of transfer.manifest-item.arrived / .withdrawn (tests validate against those schemas).
 */
public final class RemainsHandover {

    public static final String TOPIC = "homeward.transfer.manifest-items";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String[] SURNAMES = {"Коваленко", "Бондаренко", "Ткаченко", "Кравченко", "Олійник"};

    public final UUID transferId = UUID.randomUUID();
    public final UUID agreementId = UUID.randomUUID();
    public final UUID termId = UUID.randomUUID();
    public final Instant receivedAt = Instant.parse("2025-06-12T09:30:00Z");
    private final List<UUID> itemIds = new ArrayList<>();
    private final String fromParty;
    private final String toParty;

    private RemainsHandover(int items, String fromParty, String toParty) {
        for (int i = 0; i < items; i++) {
            itemIds.add(UUID.randomUUID());
        }
        this.fromParty = fromParty;
        this.toParty = toParty;
    }

    /** Remains the Russian side hands to the Ukrainian one, escorted by the ICRC under a Turkish mediation. */
    public static RemainsHandover ruToUa(int items) {
        return new RemainsHandover(items, "RU", "UA");
    }

    public static RemainsHandover uaToRu(int items) {
        return new RemainsHandover(items, "UA", "RU");
    }

    public UUID itemId(int index) {
        return itemIds.get(index);
    }

    public String tag(int index) {
        return String.format("%s-2025-%05d", fromParty, index + 1);
    }

    public static String surname(int index) {
        return SURNAMES[index % SURNAMES.length];
    }

    public String arrived(int index) {
        return record(index, "transfer.manifest-item.arrived", "ARRIVED", 1);
    }

    public String withdrawn(int index) {
        return record(index, "transfer.manifest-item.withdrawn", "WITHDRAWN", 2);
    }

    public KafkaTestClient.Keyed keyed(String record) {
        return new KafkaTestClient.Keyed(transferId.toString(), record);
    }

    /** Sends every item's arrival, as transfer-service would after a receipt of the full count. */
    public void arriveAll() {
        List<KafkaTestClient.Keyed> records = new ArrayList<>();
        for (int i = 0; i < itemIds.size(); i++) {
            records.add(keyed(arrived(i)));
        }
        KafkaTestClient.shared().sendAll(TOPIC, records);
    }

    private String record(int index, String type, String state, int sequence) {
        ObjectNode event = JSON.createObjectNode();
        event.put("specversion", "1.0");
        event.put("id", UUID.randomUUID().toString());
        event.put("source", "/homeward/transfer-service");
        event.put("type", type);
        event.put("subject", transferId.toString());
        event.put("time", Instant.now().toString());
        event.put("datacontenttype", "application/json");
        ObjectNode data = event.putObject("data");
        data.put("itemId", itemIds.get(index).toString());
        data.put("itemState", state);
        data.put("itemSequence", sequence);
        data.put("transferId", transferId.toString());
        data.put("agreementId", agreementId.toString());
        data.put("termId", termId.toString());
        data.put("kind", "REMAINS");
        data.put("fromParty", fromParty);
        data.put("toParty", toParty);
        data.put("origin", "MANIFEST");
        data.put("tag", tag(index));
        data.put("receivedAt", receivedAt.toString());
        data.put("handoverTimeZone", "Europe/Kyiv");
        data.put("category", "MILITARY");
        data.put("nationality", index % 10 == 9 ? fromParty : toParty);
        data.put("surname", surname(index));
        data.put("firstNames", "Олександр");
        data.putNull("patronymic");
        data.putNull("rank");
        data.put("dateOfBirth", "1995-04-0" + (1 + index % 9));
        data.put("serviceNumber", "SN-" + (100000 + index));
        data.put("recoveryPlace", "Донецька обл.");
        data.put("recoveryDate", "2025-03-11");
        data.put("personalEffects", "жетон");
        ObjectNode scope = data.putObject("accessScope");
        ArrayNode parties = scope.putArray("parties");
        parties.add(fromParty).add(toParty);
        scope.putArray("organisations").add("org-icrc").add("org-tr-mfa");
        return event.toString();
    }
}
