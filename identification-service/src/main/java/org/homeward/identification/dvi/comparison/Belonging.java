package org.homeward.identification.dvi.comparison;

/** An item of clothing or a personal effect, as described; {@code source} on ante-mortem records only. */
public record Belonging(String description, Source source) {
}
