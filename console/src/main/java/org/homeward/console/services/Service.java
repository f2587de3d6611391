package org.homeward.console.services;

/** The four services the console calls, each at the base URL its configuration names. */
public enum Service {
    AGREEMENT, TRANSFER, IDENTIFICATION, NOTIFICATION;

    String configKey() {
        return "homeward.console.services." + name().toLowerCase();
    }
}
