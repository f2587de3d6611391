package org.homeward.identification.dvi.comparison;

import org.homeward.identification.register.Sex;
import org.homeward.platform.domain.RuleViolation;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * What the remains of one case show, section by section as the DVI post-mortem form asks: sex and how it was
 * found, age and stature as estimated ranges, the dental chart, fingerprints (taken or not, and the results of
 * comparisons run elsewhere), marks, clothing, personal effects and documents found, and the inventory of skeletal
 * elements (commingled remains). A null section is unknown.
 */
public record PostMortem(SexFinding sex, Estimate age, Estimate stature, List<ToothRecord> dental,
                         Fingerprints fingerprints, List<Mark> marks, List<Belonging> clothing, List<Belonging> effects,
                         List<FoundDocument> documents, List<InventoryEntry> inventory) {

    public static final PostMortem EMPTY = new PostMortem(null, null, null, null, null, null, null, null, null, null);

    /** Sex as found, and how (morphology of the pelvis or skull, Amelogenin...). */
    public record SexFinding(Sex value, String method) {
    }

    /** An estimated range, and how it was estimated. */
    public record Estimate(Range range, String method) {
    }

    /** Whether prints could be taken, and the comparisons run with them. */
    public record Fingerprints(boolean taken, List<FingerprintComparison> comparisons) {

        public Fingerprints {
            comparisons = comparisons == null ? List.of() : List.copyOf(comparisons);
            if (!taken && !comparisons.isEmpty()) {
                throw new RuleViolation("fingerprints", "Prints that could not be taken were not compared");
            }
            Set<UUID> compared = new LinkedHashSet<>();
            for (FingerprintComparison comparison : comparisons) {
                if (!compared.add(comparison.missingPersonId())) {
                    throw new RuleViolation("fingerprints", "One comparison per missing person: record the latest result");
                }
            }
            if (comparisons.stream().filter(c -> c.result() == FingerprintComparison.Result.IDENTIFICATION).count() > 1) {
                throw new RuleViolation("fingerprints", "One body's prints identify one person: settle the comparisons"
                        + " before recording them");
            }
        }

        public List<FingerprintComparison> with(UUID person) {
            return comparisons.stream().filter(c -> c.missingPersonId().equals(person)).toList();
        }
    }

    public PostMortem {
        DentalComparison.check(dental);
        SkeletalInventory.check(inventory);
    }

    /** This record with the sections {@code changes} states replacing its own. */
    public PostMortem with(PostMortem changes) {
        return new PostMortem(or(changes.sex, sex), or(changes.age, age), or(changes.stature, stature),
                or(changes.dental, dental), or(changes.fingerprints, fingerprints), or(changes.marks, marks),
                or(changes.clothing, clothing), or(changes.effects, effects), or(changes.documents, documents),
                or(changes.inventory, inventory));
    }

    /** The sections this record states, by their names in the API. */
    public List<String> sections() {
        List<String> named = new ArrayList<>();
        add(named, "sex", sex);
        add(named, "age", age);
        add(named, "stature", stature);
        add(named, "dental", dental);
        add(named, "fingerprints", fingerprints);
        add(named, "marks", marks);
        add(named, "clothing", clothing);
        add(named, "effects", effects);
        add(named, "documents", documents);
        add(named, "inventory", inventory);
        return named;
    }

    static <T> T or(T changed, T kept) {
        return changed != null ? changed : kept;
    }

    static void add(List<String> named, String name, Object section) {
        if (section != null) {
            named.add(name);
        }
    }
}
