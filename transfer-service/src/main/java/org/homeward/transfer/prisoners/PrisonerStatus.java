package org.homeward.transfer.prisoners;

/** Where a prisoner's record stands: held, released in an exchange, or dead in captivity (which closes it). */
public enum PrisonerStatus {
    HELD,
    RELEASED,
    DIED
}
