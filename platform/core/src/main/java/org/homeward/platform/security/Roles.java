package org.homeward.platform.security;

/** The roles of DESIGN.md section 3, as carried in the token's {@code groups} claim. */
public final class Roles {

    public static final String COORDINATOR = "coordinator";
    public static final String MEDIATOR = "mediator";
    public static final String INTERMEDIARY = "intermediary";
    public static final String FORENSIC_EXAMINER = "forensic-examiner";
    public static final String SUBSCRIBER_ADMIN = "subscriber-admin";
    public static final String AUDITOR = "auditor";
    public static final String OPERATOR = "operator";
    public static final String OBSERVER = "observer";

    private Roles() {
    }
}
