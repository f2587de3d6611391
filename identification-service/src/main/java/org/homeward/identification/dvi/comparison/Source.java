package org.homeward.identification.dvi.comparison;

/** Where an ante-mortem item comes from: a reconciliation weighs a dentist's chart above a family's memory. */
public enum Source {
    FAMILY_INTERVIEW,
    MILITARY_RECORD,
    DENTAL_RECORD,
    MEDICAL_RECORD,
    POLICE_RECORD,
    OTHER
}
