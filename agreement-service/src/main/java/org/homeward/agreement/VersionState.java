package org.homeward.agreement;

/** A version is PROPOSED until every party signs it, then ADOPTED, then SUPERSEDED by a later one. */
public enum VersionState {
    PROPOSED,
    ADOPTED,
    SUPERSEDED
}
