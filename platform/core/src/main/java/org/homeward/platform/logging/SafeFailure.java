package org.homeward.platform.logging;

import java.sql.SQLException;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * What may be logged of a failure: the chain of exception classes, any SQLState, and where it happened.
 * Never the messages: a database or a parser quotes the data it refused, which may be personal data.
 */
public final class SafeFailure {

    private static final int FRAMES = 8;

    private SafeFailure() {
    }

    public static String describe(Throwable failure) {
        StringBuilder description = new StringBuilder();
        Throwable root = failure;
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (description.length() > 0) {
                description.append(" <- ");
            }
            description.append(cause.getClass().getName());
            if (cause instanceof SQLException sql && sql.getSQLState() != null) {
                description.append(" (SQLState ").append(sql.getSQLState()).append(')');
            }
            root = cause;
        }
        String frames = Arrays.stream(root.getStackTrace()).limit(FRAMES).map(StackTraceElement::toString)
                .collect(Collectors.joining("\n    at ", "\n    at ", ""));
        return description + frames;
    }
}
