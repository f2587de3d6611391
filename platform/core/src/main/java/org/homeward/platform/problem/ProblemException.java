package org.homeward.platform.problem;

import java.util.List;

/**
 * Thrown by application code for a failure that has a precise problem kind: the mapper answers it as is.
 * The message must never contain personal data from the request.
 */
public class ProblemException extends RuntimeException {

    private final transient Problem problem;

    public ProblemException(ProblemType kind, String detail) {
        this(Problem.of(kind, detail));
    }

    public ProblemException(ProblemType kind, String detail, List<Problem.Violation> violations) {
        this(Problem.of(kind, detail, violations));
    }

    private ProblemException(Problem problem) {
        super(problem.detail(), null, false, false);
        this.problem = problem;
    }

    public Problem problem() {
        return problem;
    }

    public static ProblemException notFound(String what) {
        return new ProblemException(ProblemType.NOT_FOUND, what + " does not exist or is not visible to you");
    }
}
