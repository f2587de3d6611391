package org.homeward.identification.dvi.comparison;

/**
 * What a chart says of one tooth, in the DVI forms' terms. Restorations (a filling's surfaces, a crown, a root
 * filling) are recorded on a PRESENT tooth; a tooth the chart does not mention is NO_INFORMATION.
 */
public enum ToothState {
    /** Present: sound, or restored as its filling, crown and root filling say. */
    PRESENT,
    /** Not erupted (a wisdom tooth still in the jaw). */
    UNERUPTED,
    /** Lost in life: extracted, the socket healed. */
    MISSING_ANTE_MORTEM,
    /** Lost after death: the socket is open, so the tooth was there at death, and nothing else is known of it. */
    MISSING_POST_MORTEM,
    /** Replaced by an implant. */
    IMPLANT,
    /** Missing and replaced by a bridge's pontic. */
    PONTIC,
    /** The chart says nothing of this tooth. */
    NO_INFORMATION;

    /** A natural tooth stands in the jaw (restored or not). */
    boolean isNatural() {
        return this == PRESENT || this == UNERUPTED;
    }
}
