package org.homeward.identification.cases;

import java.util.EnumSet;
import java.util.Set;

/**
 * Where a remains case stands. RECEIVED -> UNDER_EXAMINATION -> PROFILED (a DNA profile exists) ->
 * CANDIDATE_FOUND (an identification is proposed) -> IDENTIFIED -> RETURNED; NOT_A_NATIONAL and
 * UNIDENTIFIABLE close an open case either way; WITHDRAWN closes a case whose body, the transfer's
 * reconciliation found, never arrived; JOINED closes a case whose remains were found to be a fragment of the person
 * of another case, which carries them on.
 */
public enum CaseStatus {
    RECEIVED,
    UNDER_EXAMINATION,
    PROFILED,
    CANDIDATE_FOUND,
    IDENTIFIED,
    NOT_A_NATIONAL,
    UNIDENTIFIABLE,
    WITHDRAWN,
    RETURNED,
    JOINED;

    private static final Set<CaseStatus> OPEN = EnumSet.of(RECEIVED, UNDER_EXAMINATION, PROFILED, CANDIDATE_FOUND);

    /** Still being worked on: nothing about the identity is settled yet. */
    public boolean isOpen() {
        return OPEN.contains(this);
    }

    /** Whether examiners may still add evidence: not once the remains have left or never came. */
    public boolean acceptsEvidence() {
        return this != WITHDRAWN && this != RETURNED && this != JOINED;
    }
}
