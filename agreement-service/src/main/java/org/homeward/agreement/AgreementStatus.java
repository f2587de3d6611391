package org.homeward.agreement;

/** Where an agreement stands in its lifecycle (DESIGN.md 1; the full lifecycle arrives with its issue). */
public enum AgreementStatus {
    DRAFT
}
