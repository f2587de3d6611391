package org.homeward.agreement;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * The terms agreed at Istanbul on 2 June 2025 (DESIGN.md 1): all-for-all exchanges of seriously wounded
 * and sick prisoners and of prisoners aged 18 to 25, and 6,000 bodies for 6,000.
 */
public final class ReferenceStory {

    public static final UUID REMAINS_RU_TO_UA = UUID.fromString("00000000-0000-0000-0000-00000000a001");
    public static final UUID REMAINS_UA_TO_RU = UUID.fromString("00000000-0000-0000-0000-00000000a002");

    private ReferenceStory() {
    }

    public static List<Term> istanbulTerms() {
        return List.of(
                pow("UA", "RU", PrisonerCategory.SERIOUSLY_WOUNDED_OR_SICK),
                pow("RU", "UA", PrisonerCategory.SERIOUSLY_WOUNDED_OR_SICK),
                pow("UA", "RU", PrisonerCategory.AGED_18_TO_25),
                pow("RU", "UA", PrisonerCategory.AGED_18_TO_25),
                new Term(REMAINS_RU_TO_UA, TermKind.REMAINS_REPATRIATION, "RU", "UA", TermBasis.N_FOR_N, 6000, null, null,
                        LocalDate.of(2025, 7, 31), REMAINS_UA_TO_RU, 1, 1, 0),
                new Term(REMAINS_UA_TO_RU, TermKind.REMAINS_REPATRIATION, "UA", "RU", TermBasis.N_FOR_N, 6000, null, null,
                        LocalDate.of(2025, 7, 31), REMAINS_RU_TO_UA, 1, 1, 0));
    }

    private static Term pow(String from, String to, PrisonerCategory category) {
        return new Term(UUID.randomUUID(), TermKind.POW_EXCHANGE, from, to, TermBasis.ALL_FOR_ALL, null, category, null,
                null, null, null, null, null);
    }
}
