package org.homeward.identification.kinship.engine;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Victims and families searching for several missing persons, evaluated jointly as dvir's jointDVI does:
 * an assignment gives each missing person one victim or none, never one victim to two missing persons,
 * and only to a missing person of a compatible sex. Its LR against "no victim is any missing person" is the
 * product over families of the pedigree ratio with the assigned victims in place; impossible assignments
 * (LR 0) are dropped, the rest ranked.
 */
public final class JointIdentification {

    public static final int MAX_MISSING_PER_FAMILY = 5;
    public static final int MAX_ASSIGNMENTS = 100_000;

    public record Victim(StrProfile profile, Pedigree.Sex sex) {
    }

    /** One family: its pedigree, its typed references, and which members are missing. */
    public record Family(String name, Pedigree pedigree, Map<String, StrProfile> references, List<String> missing) {
    }

    /** Missing persons, as "family:member", mapped to a victim id (absent: no victim). */
    public record Assignment(Map<String, String> victims, double lr) {
    }

    /** Too many assignments to enumerate, or too many missing persons in a family: refused, not truncated. */
    public static final class TooLarge extends RuntimeException {
        public TooLarge(String message) {
            super(message);
        }
    }

    private final KinshipCalculator calculator;

    public JointIdentification(KinshipCalculator calculator) {
        this.calculator = calculator;
    }

    public List<Assignment> rank(List<Family> families, Map<String, Victim> victims) {
        List<Slot> slots = slots(families, victims);
        long count = count(slots, 0, new HashSet<>());
        if (count > MAX_ASSIGNMENTS) {
            throw new TooLarge(count + " possible assignments; the joint evaluation enumerates at most "
                    + MAX_ASSIGNMENTS + " (narrow the victims to the candidates of these families)");
        }
        Map<String, Double> familyRatios = new HashMap<>();
        List<Assignment> ranked = new ArrayList<>();
        enumerate(slots, 0, new LinkedHashMap<>(), families, victims, familyRatios, ranked);
        ranked.removeIf(a -> a.lr() == 0);
        ranked.sort(Comparator.comparingDouble(Assignment::lr).reversed());
        return ranked;
    }

    /**
     * The LR of each victim as each missing person alone (dvir's pairwise matrix): 0 where the sexes
     * differ or the data exclude it.
     */
    public Map<String, Map<String, Double>> pairwise(List<Family> families, Map<String, Victim> victims) {
        Map<String, Map<String, Double>> matrix = new LinkedHashMap<>();
        for (Map.Entry<String, Victim> victim : victims.entrySet()) {
            Map<String, Double> row = new LinkedHashMap<>();
            for (Family family : families) {
                for (String missing : family.missing()) {
                    boolean compatible = compatible(family.pedigree().member(missing).sex(), victim.getValue().sex());
                    row.put(family.name() + ":" + missing, compatible ? calculator.placed(family.pedigree(),
                            Map.of(missing, victim.getValue().profile()), family.references()).total() : 0.0);
                }
            }
            matrix.put(victim.getKey(), row);
        }
        return matrix;
    }

    private record Slot(Family family, String missing, List<String> options) {
        String key() {
            return family.name() + ":" + missing;
        }
    }

    private List<Slot> slots(List<Family> families, Map<String, Victim> victims) {
        List<Slot> slots = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (Family family : families) {
            if (!names.add(family.name())) {
                throw new Pedigree.Refused("Family names are unique: '" + family.name() + "'");
            }
            if (family.missing().isEmpty() || family.missing().size() > MAX_MISSING_PER_FAMILY) {
                throw new TooLarge("A family searches for 1 to " + MAX_MISSING_PER_FAMILY + " missing persons, '"
                        + family.name() + "' for " + family.missing().size());
            }
            for (String missing : family.missing()) {
                Pedigree.Sex sex = family.pedigree().member(missing).sex();
                List<String> options = victims.entrySet().stream()
                        .filter(v -> compatible(sex, v.getValue().sex())).map(Map.Entry::getKey).toList();
                slots.add(new Slot(family, missing, options));
            }
        }
        return slots;
    }

    private static boolean compatible(Pedigree.Sex a, Pedigree.Sex b) {
        return a == Pedigree.Sex.UNKNOWN || b == Pedigree.Sex.UNKNOWN || a == b;
    }

    private long count(List<Slot> slots, int at, Set<String> used) {
        if (at == slots.size()) {
            return 1;
        }
        long total = count(slots, at + 1, used);
        for (String victim : slots.get(at).options()) {
            if (used.add(victim)) {
                total += count(slots, at + 1, used);
                used.remove(victim);
                if (total > MAX_ASSIGNMENTS) {
                    return total;
                }
            }
        }
        return total;
    }

    private void enumerate(List<Slot> slots, int at, LinkedHashMap<String, String> chosen, List<Family> families,
                           Map<String, Victim> victims, Map<String, Double> familyRatios, List<Assignment> out) {
        if (at == slots.size()) {
            double lr = 1;
            for (Family family : families) {
                lr *= familyRatio(family, chosen, victims, familyRatios);
            }
            out.add(new Assignment(Map.copyOf(chosen), lr));
            return;
        }
        Slot slot = slots.get(at);
        enumerate(slots, at + 1, chosen, families, victims, familyRatios, out);
        for (String victim : slot.options()) {
            if (!chosen.containsValue(victim)) {
                chosen.put(slot.key(), victim);
                enumerate(slots, at + 1, chosen, families, victims, familyRatios, out);
                chosen.remove(slot.key());
            }
        }
    }

    /** One family's ratio for its part of an assignment, computed once per distinct part. */
    private double familyRatio(Family family, Map<String, String> chosen, Map<String, Victim> victims,
                               Map<String, Double> cache) {
        Map<String, StrProfile> placed = new LinkedHashMap<>();
        StringBuilder key = new StringBuilder(family.name());
        for (String missing : family.missing()) {
            String victim = chosen.get(family.name() + ":" + missing);
            if (victim != null) {
                placed.put(missing, victims.get(victim).profile());
                key.append('|').append(missing).append('=').append(victim);
            }
        }
        if (placed.isEmpty()) {
            return 1;
        }
        return cache.computeIfAbsent(key.toString(),
                k -> calculator.placed(family.pedigree(), placed, family.references()).total());
    }
}
