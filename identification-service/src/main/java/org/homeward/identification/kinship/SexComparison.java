package org.homeward.identification.kinship;

import org.homeward.identification.kinship.engine.DnaSex;
import org.homeward.identification.register.Sex;

/**
 * The remains' DNA sex against the missing person's reported sex. A Y chromosome never matches a woman; X
 * alone against a man is flagged for the laboratory (AMELY deletions exist), not excluded; anything unknown
 * compares nothing.
 */
public enum SexComparison {
    CONSISTENT,
    NOT_COMPARED,
    X_ONLY_AGAINST_A_MAN,
    Y_AGAINST_A_WOMAN;

    public static SexComparison of(DnaSex remains, Sex person) {
        if (remains == null || remains == DnaSex.NOT_TYPED || person == null) {
            return NOT_COMPARED;
        }
        if (remains == DnaSex.Y_PRESENT) {
            return person == Sex.FEMALE ? Y_AGAINST_A_WOMAN : CONSISTENT;
        }
        return person == Sex.MALE ? X_ONLY_AGAINST_A_MAN : CONSISTENT;
    }

    public boolean excludes() {
        return this == Y_AGAINST_A_WOMAN;
    }
}
