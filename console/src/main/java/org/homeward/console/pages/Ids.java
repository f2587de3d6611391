package org.homeward.console.pages;

import org.homeward.console.services.ServiceRefusal;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.Map;
import java.util.UUID;

/** What a person typed into a form where an id or a count belongs: checked here, refused as a clear page. */
final class Ids {

    private Ids() {
    }

    static String uuid(String value, String field) {
        try {
            return UUID.fromString(value).toString();
        } catch (IllegalArgumentException e) {
            throw new ServiceRefusal(400, "Not an id", "An id looks like 3f2c1d5e-8a4b-4c6d-9e0f-1a2b3c4d5e6f",
                    List.of(new ServiceRefusal.FieldError(field, "not an id")));
        }
    }

    /**
     * The Idempotency-Key header for a form's key: the console puts a new UUID in each form, so a double submit
     * creates one thing; anything else sent there is refused, never copied into a header.
     */
    static Map<String, String> idempotencyKey(String value) {
        return value == null || value.isBlank() ? Map.of() : Map.of("Idempotency-Key", uuid(value.trim(), "idempotencyKey"));
    }

    /** Tags typed one per line (or separated by commas or spaces), each once, in the order typed. */
    static Set<String> tags(String typed) {
        Set<String> tags = new LinkedHashSet<>();
        if (typed != null) {
            Arrays.stream(typed.split("[,\\s]+")).map(String::trim).filter(t -> !t.isEmpty()).forEach(tags::add);
        }
        return tags;
    }

    /** A country as its two capital letters (ISO 3166-1 alpha-2). */
    static String country(String value, String field) {
        String code = value.trim().toUpperCase(java.util.Locale.ROOT);
        if (!code.matches("[A-Z]{2}")) {
            throw new ServiceRefusal(400, "Not a country code", "A country is written with two letters, e.g. UA",
                    List.of(new ServiceRefusal.FieldError(field, "two letters")));
        }
        return code;
    }

    /** A day as YYYY-MM-DD. */
    static String date(String value, String field) {
        try {
            return LocalDate.parse(value == null ? "" : value.trim()).toString();
        } catch (DateTimeParseException e) {
            throw new ServiceRefusal(400, "Not a date", "A date is written YYYY-MM-DD, e.g. 2025-06-15",
                    List.of(new ServiceRefusal.FieldError(field, "not a date")));
        }
    }

    static int count(String value) {
        try {
            int count = Integer.parseInt(value == null ? "" : value.trim());
            if (count >= 0) {
                return count;
            }
        } catch (NumberFormatException e) {
            // refused below
        }
        throw new ServiceRefusal(400, "Not a count", "A count is a whole number, 0 or more",
                List.of(new ServiceRefusal.FieldError("count", "not a whole number")));
    }
}
