package org.homeward.agreement;

/** What a term commits to hand over; each matches a transfer kind of transfer-service. */
public enum TermKind {
    REMAINS_REPATRIATION("REMAINS"),
    POW_EXCHANGE("PRISONERS"),
    CIVILIAN_RELEASE("CIVILIANS");

    private final String transferKind;

    TermKind(String transferKind) {
        this.transferKind = transferKind;
    }

    /** The transfer kind (transfer-service) whose handovers fulfil terms of this kind. */
    public String transferKind() {
        return transferKind;
    }
}
