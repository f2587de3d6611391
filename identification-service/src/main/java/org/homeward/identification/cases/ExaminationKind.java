package org.homeward.identification.cases;

/** The forensic examinations a case's evidence comes from. */
public enum ExaminationKind {
    ODONTOLOGY,
    FINGERPRINTS,
    ANTHROPOLOGY,
    DOCUMENTS,
    PERSONAL_EFFECTS
}
