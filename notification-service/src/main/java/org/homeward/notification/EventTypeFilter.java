package org.homeward.notification;

import java.util.List;
import java.util.regex.Pattern;

/** Event types a subscription wants: exact types ({@code transfer.transfer.received}) or prefixes ({@code transfer.*}). */
public final class EventTypeFilter {

    private static final Pattern VALID = Pattern.compile("([a-z][a-z0-9-]*)(\\.[a-z][a-z0-9-]*)*(\\.\\*)?|\\*");

    private EventTypeFilter() {
    }

    public static boolean isValid(String pattern) {
        return pattern != null && pattern.length() <= 200 && VALID.matcher(pattern).matches();
    }

    public static boolean matches(List<String> patterns, String eventType) {
        return patterns.stream().anyMatch(p -> p.equals("*") || p.equals(eventType)
                || (p.endsWith(".*") && eventType.startsWith(p.substring(0, p.length() - 1))));
    }
}
