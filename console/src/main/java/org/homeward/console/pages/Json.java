package org.homeward.console.pages;

import com.fasterxml.jackson.databind.JsonNode;

/** Reading the services' answers for a page: an absent or null field is null, not the text "null". */
final class Json {

    private Json() {
    }

    /** The parties of a transfer, a case or a ledger row as people read them: {@code RU → UA}. */
    static String direction(JsonNode node) {
        return node.path("fromParty").asText() + " → " + node.path("toParty").asText();
    }

    static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isNull() || value.isMissingNode() ? null : value.asText();
    }
}
