package org.homeward.identification.cases;

/** To whom remains were handed: an identified national's family, or the sending party for a non-national. */
public enum ReturnedTo {
    FAMILY,
    SENDING_PARTY
}
