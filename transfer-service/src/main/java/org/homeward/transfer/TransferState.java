package org.homeward.transfer;

/**
 * PLANNED -> MANIFEST_SUBMITTED -> DISPATCHED -> RECEIVED, PARTIALLY_RECEIVED or DISPUTED; CANCELLED is
 * possible until dispatch.
 */
public enum TransferState {
    PLANNED,
    MANIFEST_SUBMITTED,
    DISPATCHED,
    RECEIVED,
    PARTIALLY_RECEIVED,
    DISPUTED,
    CANCELLED;

    public boolean beforeDispatch() {
        return this == PLANNED || this == MANIFEST_SUBMITTED;
    }
}
