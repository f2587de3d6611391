package org.homeward.identification.kinship.engine;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The marker names a population table knows, and the spellings genotyping software writes for them: vWA,
 * VWA and "v WA" are one locus, Penta E is also PENTA_E and PentaE. A name is matched on its letters and
 * digits, case-insensitive; the table's own spelling is the canonical one.
 */
public final class Loci {

    /** Sex markers are typed with the STRs but carry no autosomal kinship information; tables skip them. */
    private static final List<String> SEX_MARKERS = List.of("AMEL", "AMELOGENIN", "AM", "DYS391", "YINDEL");

    /**
     * Older names laboratories still write, by the name tables use today: THO1 (a letter O for the zero),
     * FIBRA and FIBRA(FGA) for FGA, ACTBP2 for SE33.
     */
    private static final Map<String, String> ALIASES = Map.of("THO1", "TH01", "FIBRA", "FGA", "FIBRAFGA", "FGA",
            "ACTBP2", "SE33", "ACTBP2SE33", "SE33", "SE33ACTBP2", "SE33");

    /** The 20 CODIS core loci, in the shared table's spelling: what most laboratories type at least. */
    public static final List<String> CODIS_CORE = List.of("CSF1PO", "D3S1358", "D5S818", "D7S820", "D8S1179",
            "D13S317", "D16S539", "D18S51", "D21S11", "FGA", "TH01", "TPOX", "vWA", "D1S1656", "D2S441", "D2S1338",
            "D10S1248", "D12S391", "D19S433", "D22S1045");

    private final Map<String, String> canonicalByKey = new HashMap<>();

    public Loci(Collection<String> canonicalNames) {
        for (String name : canonicalNames) {
            canonicalByKey.put(key(name), name);
        }
    }

    /** The canonical name, if the table knows the locus under any of its spellings. */
    public Optional<String> canonical(String name) {
        if (name == null) {
            return Optional.empty();
        }
        String key = key(name);
        return Optional.ofNullable(canonicalByKey.get(ALIASES.getOrDefault(key, key)));
    }

    public static boolean isSexMarker(String name) {
        return name != null && SEX_MARKERS.contains(key(name));
    }

    private static String key(String name) {
        return name.replaceAll("[^A-Za-z0-9]", "").toUpperCase(Locale.ROOT);
    }
}
