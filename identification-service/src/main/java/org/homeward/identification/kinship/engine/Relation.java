package org.homeward.identification.kinship.engine;

import java.util.List;

import static org.homeward.identification.kinship.engine.Pedigree.Member;
import static org.homeward.identification.kinship.engine.Pedigree.Sex.UNKNOWN;

/**
 * How one typed reference is related to the missing person, with the IBD coefficients (k0, k1, k2) of
 * the closed form LR = k0 + k1·LR_parent-child + k2·LR_identity, and the smallest pedigree that states the
 * same relationship for the exact computation. In the pedigrees, MISSING is the missing person and RELATIVE
 * the reference; everyone else is untyped.
 */
public enum Relation {
    IDENTITY(0, 0, 1),
    PARENT(0, 1, 0),
    CHILD(0, 1, 0),
    FULL_SIBLING(0.25, 0.5, 0.25),
    HALF_SIBLING(0.5, 0.5, 0),
    GRANDPARENT(0.5, 0.5, 0),
    UNCLE_OR_AUNT(0.5, 0.5, 0),
    FIRST_COUSIN(0.75, 0.25, 0);

    public static final String MISSING = "missing";
    public static final String RELATIVE = "relative";

    public final double k0;
    public final double k1;
    public final double k2;

    Relation(double k0, double k1, double k2) {
        this.k0 = k0;
        this.k1 = k1;
        this.k2 = k2;
    }

    /** The pedigree stating this relationship (identity has none: one person, two samples). */
    public Pedigree pedigree() {
        return new Pedigree(switch (this) {
            case IDENTITY -> throw new IllegalStateException("Identity is compared directly, not through a pedigree");
            case PARENT -> List.of(founder(RELATIVE), founder("other-parent"), child(MISSING, RELATIVE, "other-parent"));
            case CHILD -> List.of(founder(MISSING), founder("partner"), child(RELATIVE, MISSING, "partner"));
            case FULL_SIBLING -> List.of(founder("father"), founder("mother"), child(MISSING, "father", "mother"),
                    child(RELATIVE, "father", "mother"));
            case HALF_SIBLING -> List.of(founder("father"), founder("mother"), founder("other-mother"),
                    child(MISSING, "father", "mother"), child(RELATIVE, "father", "other-mother"));
            case GRANDPARENT -> List.of(founder(RELATIVE), founder("grandmother"), child("father", RELATIVE, "grandmother"),
                    founder("mother"), child(MISSING, "father", "mother"));
            case UNCLE_OR_AUNT -> List.of(founder("grandfather"), founder("grandmother"),
                    child("father", "grandfather", "grandmother"), child(RELATIVE, "grandfather", "grandmother"),
                    founder("mother"), child(MISSING, "father", "mother"));
            case FIRST_COUSIN -> List.of(founder("grandfather"), founder("grandmother"),
                    child("father", "grandfather", "grandmother"), child("uncle", "grandfather", "grandmother"),
                    founder("mother"), founder("aunt"), child(MISSING, "father", "mother"), child(RELATIVE, "uncle", "aunt"));
        });
    }

    private static Member founder(String id) {
        return new Member(id, null, null, UNKNOWN);
    }

    private static Member child(String id, String father, String mother) {
        return new Member(id, father, mother, UNKNOWN);
    }
}
