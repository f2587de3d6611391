package org.homeward.console.pages;

import com.fasterxml.jackson.databind.JsonNode;

/** Reading the services' answers for a page: an absent or null field is null, not the text "null". */
final class Json {

    private Json() {
    }

    static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isNull() || value.isMissingNode() ? null : value.asText();
    }
}
