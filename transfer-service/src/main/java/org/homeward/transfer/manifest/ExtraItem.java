package org.homeward.transfer.manifest;

/**
 * An item that arrived without a manifest line, tagged by the receiving side: its own tag, and what it
 * could tell on arrival (category selects the term for persons; nationality if known).
 */
public record ExtraItem(String tag, String category, String nationality) {
}
