package org.homeward.identification.dvi.comparison;

/** A document found with the remains: what it is, and the service number it bears, if any. */
public record FoundDocument(String description, String serviceNumber) {
}
