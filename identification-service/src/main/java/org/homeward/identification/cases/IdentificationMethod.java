package org.homeward.identification.cases;

/** How an identity was established (DESIGN.md 7). */
public enum IdentificationMethod {
    DNA,
    FINGERPRINTS,
    ODONTOLOGY,
    VISUAL,
    DOCUMENTS,
    COMBINED
}
