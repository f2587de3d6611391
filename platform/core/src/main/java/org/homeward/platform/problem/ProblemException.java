package org.homeward.platform.problem;

import java.time.Duration;
import java.util.List;

/**
 * Thrown by application code for a failure that has a precise problem kind: the mapper answers it as is.
 * The message must never contain personal data from the request.
 */
public class ProblemException extends RuntimeException {

    private final transient Problem problem;
    /** When the caller may try again (a Retry-After header), or null. */
    private final Duration retryAfter;

    public ProblemException(ProblemType kind, String detail) {
        this(Problem.of(kind, detail), null);
    }

    public ProblemException(ProblemType kind, String detail, List<Problem.Violation> violations) {
        this(Problem.of(kind, detail, violations), null);
    }

    private ProblemException(Problem problem, Duration retryAfter) {
        super(problem.detail(), null, false, false);
        this.problem = problem;
        this.retryAfter = retryAfter;
    }

    public Problem problem() {
        return problem;
    }

    public Duration retryAfter() {
        return retryAfter;
    }

    /** 429, with the time after which the same request may pass. */
    public static ProblemException tooManyRequests(String detail, Duration retryAfter) {
        return new ProblemException(Problem.of(ProblemType.TOO_MANY_REQUESTS, detail), retryAfter);
    }

    public static ProblemException notFound(String what) {
        return new ProblemException(ProblemType.NOT_FOUND, what + " does not exist or is not visible to you");
    }
}
