package org.homeward.transfer.exchange;

import java.util.EnumSet;
import java.util.Set;

/**
 * Where an entry of an exchange list stands (DESIGN.md 10). An offer is OFFERED, or NOT_ELIGIBLE when the
 * prisoner does not qualify under the term; a request is REQUESTED until it is MATCHED to an offer or answered
 * by the detaining party (NOT_HELD, ALREADY_EXCHANGED, CIVILIAN, NOT_ELIGIBLE, DIED). The escorting
 * intermediary makes an offer ICRC_VERIFIED (identity and free will) or records that the prisoner
 * DECLINES_REPATRIATION (GC III Art. 109); a verified prisoner is SCHEDULED on a transfer and RELEASED by its
 * receipt; one who DIED in captivity leaves the list.
 */
public enum EntryStatus {
    OFFERED,
    REQUESTED,
    MATCHED,
    NOT_HELD,
    ALREADY_EXCHANGED,
    NOT_ELIGIBLE,
    CIVILIAN,
    DECLINES_REPATRIATION,
    ICRC_VERIFIED,
    SCHEDULED,
    RELEASED,
    DIED;

    /** What the detaining party may answer to a request it holds no offer for. */
    public static final Set<EntryStatus> ANSWERS = EnumSet.of(NOT_HELD, ALREADY_EXCHANGED, CIVILIAN, NOT_ELIGIBLE, DIED);

    /** An offer the escorting intermediary may verify: offered, and perhaps matched to a request. */
    public boolean awaitsVerification() {
        return this == OFFERED || this == MATCHED;
    }

    /** An offer a request may still be matched to: any standing short of release or death. */
    public boolean mayBeMatched() {
        return this == OFFERED || this == NOT_ELIGIBLE || this == ICRC_VERIFIED || this == DECLINES_REPATRIATION
                || this == SCHEDULED;
    }
}
