package org.homeward.agreement;

/** The category of persons a term covers; CUSTOM carries its own name. */
public enum PrisonerCategory {
    SERIOUSLY_WOUNDED_OR_SICK,
    AGED_18_TO_25,
    ALL,
    CIVILIANS,
    CUSTOM
}
