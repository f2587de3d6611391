package org.homeward.identification.kinship;

/**
 * How a family reference donor is related to the missing person (DESIGN.md 7): grandparents and uncles or
 * aunts share the half-siblings' IBD coefficients; PERSONAL_EFFECTS is a sample of the person himself
 * (a toothbrush, a razor), compared for identity.
 */
public enum Relationship {
    PARENT,
    CHILD,
    FULL_SIBLING,
    HALF_SIBLING,
    GRANDPARENT,
    UNCLE_OR_AUNT,
    PERSONAL_EFFECTS
}
