package org.homeward.transfer;

import java.time.LocalDate;
import java.util.UUID;

/**
 * A term of an agreement as transfer-service knows it from agreement events: enough to check a plan
 * against, and to tell which term a manifest item counts towards ({@code category}, or the name of a
 * CUSTOM category).
 */
public record AgreedTerm(UUID id, String kind, String fromParty, String toParty, String category,
                         String customCategory, LocalDate referenceDate) {

    public AgreedTerm(UUID id, String kind, String fromParty, String toParty) {
        this(id, kind, fromParty, toParty, null, null, null);
    }

    public AgreedTerm(UUID id, String kind, String fromParty, String toParty, String category, String customCategory) {
        this(id, kind, fromParty, toParty, category, customCategory, null);
    }

    /** The day a prisoner term's eligibility is judged on: its own, or the agreement's effective date. */
    public LocalDate referenceDateOr(LocalDate effectiveDate) {
        return referenceDate != null ? referenceDate : effectiveDate;
    }

    /** True when an item of the given category belongs to exactly this term's category. */
    public boolean namesCategory(String itemCategory) {
        return itemCategory != null && (itemCategory.equalsIgnoreCase(category)
                || (customCategory != null && itemCategory.equalsIgnoreCase(customCategory)));
    }

    /** A term without a category, or for ALL, takes persons of any category. */
    public boolean takesAnyCategory() {
        return category == null || "ALL".equals(category);
    }
}
