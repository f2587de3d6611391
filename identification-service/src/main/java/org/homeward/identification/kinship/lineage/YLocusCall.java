package org.homeward.identification.kinship.lineage;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * What one Y-STR locus shows in one man, as the laboratory reports it: one allele (DYS19 "14"), the copies of a
 * multi-copy locus or a duplication ("11-14" for DYS385a/b, "16,17"), a microvariant ("12.2"), or a null allele
 * ("null": the locus did not amplify although others did). Copies are kept sorted, so that DYS385 "14-11" and
 * "11-14" are one call (the copies cannot be told apart by typing).
 */
public record YLocusCall(List<BigDecimal> copies) {

    public YLocusCall {
        copies = copies.stream().sorted().toList();
    }

    /** Parses a call; throws IllegalArgumentException naming the rule (never echoing the value). */
    public static YLocusCall parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("A Y-STR call is an allele, copies joined by '-' or ',', or 'null'");
        }
        String trimmed = text.strip();
        if (trimmed.equalsIgnoreCase("null")) {
            return new YLocusCall(List.of());
        }
        List<BigDecimal> copies = new ArrayList<>();
        for (String part : trimmed.split("[-,]", -1)) {
            if (!part.strip().matches("\\d{1,2}(\\.[1-3])?")) {
                throw new IllegalArgumentException("A Y-STR allele is a repeat count such as 14 or 12.2");
            }
            copies.add(new BigDecimal(part.strip()));
        }
        if (copies.size() > 4) {
            throw new IllegalArgumentException("A Y-STR locus shows at most 4 copies");
        }
        return new YLocusCall(copies);
    }

    public boolean isNull() {
        return copies.isEmpty();
    }

    @Override
    public String toString() {
        return isNull() ? "null" : String.join("-", copies.stream().map(BigDecimal::toPlainString).toList());
    }
}
