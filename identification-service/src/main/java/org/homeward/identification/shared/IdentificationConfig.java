package org.homeward.identification.shared;

import io.smallrye.config.ConfigMapping;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/** Who identifies whose remains, and where a single examiner may confirm an identification. */
@ConfigMapping(prefix = "homeward.identification")
public interface IdentificationConfig {

    /**
     * Per receiving party (ISO 3166-1 alpha-2), the organisations identifying the remains it receives; new
     * cases go to the first, and the party's coordinators may reassign a case to any of them.
     */
    Map<String, List<String>> laboratories();

    /**
     * Per receiving party, the methods beyond INTERPOL's primary identifiers (fingerprints, odontology, DNA) its policy
     * accepts as the basis of an identification on their own: VISUAL, DOCUMENTS. None unless a party states them.
     */
    Map<String, Set<String>> secondaryIdentificationMethods();

    /** Organisations allowed to confirm an identification without a second examiner; four-eyes elsewhere. */
    Optional<Set<String>> singleExaminerOrganisations();

    default Optional<String> defaultLaboratory(String party) {
        List<String> labs = laboratoriesOf(party);
        return labs.isEmpty() ? Optional.empty() : Optional.of(labs.get(0));
    }

    default boolean identifiesFor(String party, String organisation) {
        return laboratoriesOf(party).contains(organisation);
    }

    /** The parties whose remains and register this organisation works on as an identifying laboratory. */
    default Set<String> partiesIdentifiedBy(String organisation) {
        Set<String> parties = new TreeSet<>();
        laboratories().forEach((party, labs) -> {
            if (labs.contains(organisation)) {
                parties.add(party.toUpperCase(Locale.ROOT));
            }
        });
        return parties;
    }

    /** Party codes as keys ignore case: an environment variable (..._LABORATORIES_UA) may arrive lower-cased. */
    private List<String> laboratoriesOf(String party) {
        return laboratories().entrySet().stream().filter(entry -> entry.getKey().equalsIgnoreCase(party))
                .findFirst().map(Map.Entry::getValue).orElse(List.of());
    }

    default boolean requiresSecondExaminer(String organisation) {
        return singleExaminerOrganisations().map(single -> !single.contains(organisation)).orElse(true);
    }
}
