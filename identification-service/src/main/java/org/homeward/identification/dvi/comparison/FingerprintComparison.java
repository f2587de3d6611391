package org.homeward.identification.dvi.comparison;

import java.time.LocalDate;
import java.util.UUID;

/**
 * The result of a fingerprint comparison run elsewhere (Homeward records an AFIS result, it is not an AFIS): the
 * missing person whose prints were compared, the outcome, and the reference under which the run can be checked.
 */
public record FingerprintComparison(UUID missingPersonId, Result result, String afisReference, LocalDate comparedOn) {

    public enum Result { IDENTIFICATION, EXCLUSION, INCONCLUSIVE }
}
