package org.homeward.identification.kinship.lineage;

/**
 * How a male reference is related to the missing man along the paternal line, and the meioses between them that a
 * Y chromosome passes through (father to son is one). Relatives off the paternal line (a maternal uncle, a sister's
 * son) share no Y chromosome with him and cannot be compared this way.
 */
public enum PaternalLine {
    FATHER(1),
    SON(1),
    BROTHER(2),
    PATERNAL_GRANDFATHER(2),
    PATERNAL_UNCLE(3),
    NEPHEW_BY_A_BROTHER(3),
    PATERNAL_FIRST_COUSIN(4);

    private final int meioses;

    PaternalLine(int meioses) {
        this.meioses = meioses;
    }

    public int meioses() {
        return meioses;
    }
}
