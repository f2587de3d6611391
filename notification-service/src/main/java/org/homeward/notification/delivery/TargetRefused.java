package org.homeward.notification.delivery;

/** A webhook URL whose address may not be called (SSRF protection); the reason names the rule, not the address. */
public class TargetRefused extends Exception {

    public TargetRefused(String reason) {
        super(reason, null, false, false);
    }
}
