package org.homeward.transfer.application;

import org.homeward.platform.problem.Problem;
import org.homeward.platform.problem.ProblemException;
import org.homeward.platform.problem.ProblemType;
import org.homeward.transfer.manifest.ItemsRejected;

/** Answers a rejected list of items with one problem listing each row and field at fault. */
public final class ItemProblems {

    private ItemProblems() {
    }

    public static ProblemException of(String detail, ItemsRejected rejected) {
        String count = rejected.total() > rejected.errors().size()
                ? rejected.total() + " errors, the first " + rejected.errors().size() + " listed"
                : rejected.total() + " error(s)";
        return new ProblemException(ProblemType.RULE_VIOLATION, detail + ": " + count, rejected.errors().stream()
                .map(error -> new Problem.Violation(error.field(), error.message())).toList());
    }
}
