package org.homeward.platform.domain;

/** An action that the aggregate's current state does not allow; the message names that state. */
public class InvalidTransition extends RuntimeException {

    public InvalidTransition(String message) {
        super(message);
    }
}
