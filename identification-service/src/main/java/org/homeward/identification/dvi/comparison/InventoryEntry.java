package org.homeward.identification.dvi.comparison;

import org.homeward.platform.domain.RuleViolation;

/**
 * How many of one skeletal element (of one side, for a paired element) a case's remains hold: more than one of the
 * same is more than one person in the bag.
 */
public record InventoryEntry(SkeletalElement element, Side side, int count) {

    public enum Side { LEFT, RIGHT }

    public InventoryEntry {
        if (element == null) {
            throw new RuleViolation("inventory.element", "Name the element");
        }
        if (element.paired() != (side != null)) {
            throw new RuleViolation("inventory.side", element + (element.paired()
                    ? " is paired: state its side, LEFT or RIGHT" : " is not paired: it has no side"));
        }
        if (count < 1) {
            throw new RuleViolation("inventory.count", "An element inventoried is there at least once");
        }
    }
}
