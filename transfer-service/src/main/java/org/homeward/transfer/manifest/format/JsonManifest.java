package org.homeward.transfer.manifest.format;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import org.homeward.platform.json.StrictJson;
import org.homeward.transfer.manifest.ItemsRejected;
import org.homeward.transfer.manifest.ManifestRow;
import org.homeward.transfer.manifest.RowError;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Manifests as JSON: {@code {"items": [{"tag": "...", ...}]}} with the documented field names, values as
 * strings (dates as YYYY-MM-DD). A number, boolean or nested value where text belongs is refused, and so
 * is a key given twice.
 */
final class JsonManifest {

    private static final ObjectMapper JSON = StrictJson.reader();

    private JsonManifest() {
    }

    static List<ManifestRow> read(String text, String arrayField, String noun, int maxItems) {
        JsonNode root;
        try {
            root = JSON.readTree(text);
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null || e.getLocation().getLineNr() < 1 ? ""
                    : " near line " + e.getLocation().getLineNr();
            throw ItemsRejected.of(RowError.file((StrictJson.isDuplicateKey(e)
                    ? "A key appears twice in one object" : "Not well-formed JSON") + where));
        }
        if (root == null || !root.isObject() || !root.path(arrayField).isArray() || root.size() != 1) {
            throw ItemsRejected.of(RowError.file(Character.toUpperCase(noun.charAt(0)) + noun.substring(1)
                    + " in JSON is an object with one field, " + arrayField
                    + ", an array"));
        }
        JsonNode items = root.get(arrayField);
        if (items.size() > maxItems) {
            throw ItemsRejected.of(RowError.file("More than " + maxItems + " items; split the list"));
        }
        List<ManifestRow> rows = new ArrayList<>(items.size());
        List<RowError> errors = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            JsonNode item = items.get(i);
            ManifestRow row = new ManifestRow(i + 1, null, Map.of());
            if (!item.isObject()) {
                errors.add(RowError.row(row, "Each item is a JSON object"));
                continue;
            }
            Map<String, String> cells = new HashMap<>();
            for (Iterator<Map.Entry<String, JsonNode>> fields = item.fields(); fields.hasNext(); ) {
                Map.Entry<String, JsonNode> field = fields.next();
                JsonNode value = field.getValue();
                if (!value.isTextual() && !value.isNull()) {
                    errors.add(RowError.cell(row, field.getKey(), "A text value in quotes, not a number, boolean, object or array"));
                } else if (!value.isNull() && !value.asText().isBlank()) {
                    cells.put(field.getKey(), value.asText().strip());
                }
            }
            rows.add(new ManifestRow(i + 1, null, cells));
        }
        if (!errors.isEmpty()) {
            throw new ItemsRejected(errors);
        }
        return rows;
    }
}
