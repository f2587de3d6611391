package org.homeward.identification.kinship.lineage;

/**
 * How a reference is related to the missing person along the maternal line, and the meioses between them that the
 * mitochondrial genome passes through (mother to child is one). Every child carries his mother's mitochondria, and
 * only a woman passes them on: the missing person's own CHILD is of his maternal line only when the missing person
 * is a woman, and a maternal uncle's children are not (their mother's line is another).
 */
public enum MaternalLine {
    MOTHER(1),
    CHILD_OF_A_MISSING_WOMAN(1),
    SIBLING(2),
    MATERNAL_GRANDMOTHER(2),
    MATERNAL_UNCLE_OR_AUNT(3);

    private final int meioses;

    MaternalLine(int meioses) {
        this.meioses = meioses;
    }

    public int meioses() {
        return meioses;
    }
}
