package org.homeward.identification.register;

public enum PersonCategory {
    MILITARY,
    CIVILIAN
}
