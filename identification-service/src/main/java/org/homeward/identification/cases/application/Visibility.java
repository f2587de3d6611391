package org.homeward.identification.cases.application;

import org.homeward.identification.cases.CaseStatus;
import org.homeward.identification.cases.RemainsCase;
import org.homeward.identification.cases.ReturnedTo;

/**
 * How much of a case a caller sees (DESIGN.md 6): the assigned laboratory everything; the receiving
 * party's coordinators the claims, an evidence summary and, once confirmed, the established identity; the
 * sending party's coordinators the status (and their own claims when the remains were found not to be of a
 * national); mediators and intermediaries the status without names.
 */
public enum Visibility {
    LABORATORY,
    RECEIVING_PARTY,
    SENDING_PARTY,
    NEUTRAL;

    public boolean seesClaims(RemainsCase remainsCase) {
        return switch (this) {
            case LABORATORY, RECEIVING_PARTY -> true;
            case SENDING_PARTY -> remainsCase.status() == CaseStatus.NOT_A_NATIONAL
                    || remainsCase.returnedTo() == ReturnedTo.SENDING_PARTY;
            case NEUTRAL -> false;
        };
    }

    /** The established identity is set only when an identification is confirmed. */
    public boolean seesEstablishedIdentity(RemainsCase remainsCase) {
        return (this == LABORATORY || this == RECEIVING_PARTY) && remainsCase.established() != null;
    }

    /** The kinds and dates of examinations, reasons in the history, and to whom remains were handed. */
    public boolean seesCaseWork() {
        return this == LABORATORY || this == RECEIVING_PARTY;
    }

    /** Whether what this caller reads of the case is personal data, so that reading it is audited. */
    public boolean readsPersonalData(RemainsCase remainsCase) {
        return seesClaims(remainsCase) || seesEstablishedIdentity(remainsCase);
    }
}
