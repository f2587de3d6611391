package org.homeward.transfer;

/** What a handover carries; each fulfils the agreement terms of one kind. */
public enum TransferKind {
    REMAINS("REMAINS_REPATRIATION"),
    PRISONERS("POW_EXCHANGE"),
    CIVILIANS("CIVILIAN_RELEASE");

    private final String termKind;

    TransferKind(String termKind) {
        this.termKind = termKind;
    }

    /** The agreement term kind (agreement-service) that handovers of this kind fulfil. */
    public String termKind() {
        return termKind;
    }
}
