package org.homeward.platform.domain;

/**
 * A request that is well-formed but breaks a rule of the domain (for example a term naming a party that
 * is not party to the agreement). The message names the rule, never personal data.
 */
public class RuleViolation extends RuntimeException {

    private final String field;

    public RuleViolation(String field, String message) {
        super(message);
        this.field = field;
    }

    /** The request field the rule concerns, or null when it concerns the request as a whole. */
    public String field() {
        return field;
    }
}
