package org.homeward.identification.cases;

import org.homeward.identification.shared.Actor;
import org.homeward.platform.domain.RuleViolation;

/**
 * What one examiner proposes, a second examiner of the same laboratory decides: identifications, closures
 * as not a national or unidentifiable, and the revocation of a confirmed identification alike.
 */
final class FourEyes {

    private FourEyes() {
    }

    static void ensureSecondExaminer(String proposedBy, String organisation, Actor examiner, String what) {
        if (examiner.subject().equals(proposedBy)) {
            throw new RuleViolation("decision", "Four-eyes: the examiner who proposed " + what + " may not decide it");
        }
        if (!examiner.organisation().equals(organisation)) {
            throw new RuleViolation("decision", "Four-eyes: the second examiner is of the proposing organisation");
        }
    }
}
