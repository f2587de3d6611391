package org.homeward.agreement;

/**
 * Where an agreement stands: DRAFT until every party signed, SIGNED until its effective date, then
 * ACTIVE (SUSPENDED and back), and finally COMPLETED or TERMINATED.
 */
public enum AgreementStatus {
    DRAFT,
    SIGNED,
    ACTIVE,
    SUSPENDED,
    COMPLETED,
    TERMINATED;

    public boolean isFinal() {
        return this == COMPLETED || this == TERMINATED;
    }
}
