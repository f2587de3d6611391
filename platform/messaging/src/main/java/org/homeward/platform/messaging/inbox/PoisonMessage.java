package org.homeward.platform.messaging.inbox;

/**
 * A message that can never be processed, however often it is retried: it cannot be parsed, violates its
 * schema, or refers to something that can never exist. It goes to the dead-letter topic with this reason,
 * which must not contain personal data.
 */
public class PoisonMessage extends RuntimeException {

    public PoisonMessage(String reason) {
        super(reason);
    }

    public PoisonMessage(String reason, Throwable cause) {
        super(reason, cause);
    }
}
