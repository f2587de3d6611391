package org.homeward.identification.kinship.engine;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What a profile says of the sex of its source, read from the markers typed with the STRs: Y when
 * Amelogenin shows Y or any Y-chromosome marker (DYS..., Yindel) amplified; X only when Amelogenin shows X
 * alone (a woman, or a man whose AMELY is deleted, which some populations carry); not typed otherwise.
 */
public enum DnaSex {
    Y_PRESENT,
    X_ONLY,
    NOT_TYPED;

    private static final List<String> AMELOGENIN = List.of("AMEL", "AMELOGENIN", "AM");

    public static DnaSex read(Map<String, List<String>> input) {
        boolean x = false;
        boolean y = false;
        for (Map.Entry<String, List<String>> marker : input.entrySet()) {
            String name = marker.getKey() == null ? "" : marker.getKey().replaceAll("[^A-Za-z0-9]", "").toUpperCase(Locale.ROOT);
            List<String> alleles = marker.getValue() == null ? List.of() : marker.getValue().stream()
                    .filter(a -> a != null && !a.isBlank()).map(a -> a.trim().toUpperCase(Locale.ROOT)).toList();
            if (AMELOGENIN.contains(name)) {
                x |= alleles.contains("X");
                y |= alleles.contains("Y");
            } else if ((name.startsWith("DYS") || name.startsWith("DYF") || name.equals("YINDEL")) && !alleles.isEmpty()) {
                y = true;
            }
        }
        return y ? Y_PRESENT : x ? X_ONLY : NOT_TYPED;
    }
}
