package org.homeward.identification.dvi.comparison;

/** A scar, tattoo or other mark, where it is and what it looks like; {@code source} on ante-mortem records only. */
public record Mark(Kind kind, BodyRegion region, String description, Source source) {

    public enum Kind { SCAR, TATTOO, BIRTHMARK, PIERCING, AMPUTATION, DEFORMITY, OTHER }
}
