package org.homeward.identification.dvi.comparison;

import org.homeward.platform.domain.RuleViolation;

import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The minimum number of individuals (MNI) a set of inventories shows: the largest count of any one element of one
 * side, summed over the inventories (the bags of a handover, or one bag). Two left femurs need two persons however
 * the rest is shared out; the MNI is a floor, never the number of persons.
 */
public final class SkeletalInventory {

    private SkeletalInventory() {
    }

    /** One element of one side (side null for an unpaired element) and how many there are in all. */
    public record ElementCount(SkeletalElement element, InventoryEntry.Side side, int count) {
    }

    /** {@code elements}: every element found, most numerous first; {@code limiting}: the first, or null for none. */
    public record Count(int minimumNumberOfIndividuals, ElementCount limiting, List<ElementCount> elements) {
    }

    public static Count of(List<List<InventoryEntry>> inventories) {
        Map<SkeletalElement, Map<String, Integer>> totals = new EnumMap<>(SkeletalElement.class);
        for (List<InventoryEntry> inventory : inventories) {
            for (InventoryEntry entry : inventory) {
                totals.computeIfAbsent(entry.element(), e -> new LinkedHashMap<>())
                        .merge(entry.side() == null ? "" : entry.side().name(), entry.count(), Integer::sum);
            }
        }
        List<ElementCount> elements = totals.entrySet().stream()
                .flatMap(e -> e.getValue().entrySet().stream().map(side -> new ElementCount(e.getKey(),
                        side.getKey().isEmpty() ? null : InventoryEntry.Side.valueOf(side.getKey()), side.getValue())))
                .sorted(Comparator.comparingInt(ElementCount::count).reversed()
                        .thenComparing(ElementCount::element)
                        .thenComparing(c -> c.side() == null ? "" : c.side().name()))
                .toList();
        return elements.isEmpty() ? new Count(0, null, List.of())
                : new Count(elements.get(0).count(), elements.get(0), elements);
    }

    /** Checks one inventory as recorded: each element of each side once (its count says how many). */
    public static void check(List<InventoryEntry> inventory) {
        if (inventory == null) {
            return;
        }
        Set<String> seen = new HashSet<>();
        for (InventoryEntry entry : inventory) {
            if (!seen.add(entry.element() + "/" + entry.side())) {
                throw new RuleViolation("inventory", entry.element() + (entry.side() == null ? "" : " " + entry.side())
                        + " is listed twice: give its count once");
            }
        }
    }
}
