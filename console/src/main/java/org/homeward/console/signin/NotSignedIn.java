package org.homeward.console.signin;

/** A page was asked for without a session (or one that ended): the answer is the way to sign in. */
public class NotSignedIn extends RuntimeException {

    public NotSignedIn() {
        super("Not signed in", null, false, false);
    }
}
