package org.homeward.identification.kinship.engine;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.UnaryOperator;

/**
 * Missing persons of one family weighed on the same references (DESIGN.md 7). Brothers missing together are
 * symmetric to their parents: when one brother's file has both parents and the other's only the mother, each
 * compared alone would name the first for the remains of either. So a full sibling's references are his
 * brother's too (as they are related to him), and one relative registered for each brother counts once.
 * Relatives shared by two candidates of one remains, whether or not a group was stated, make them rivals that
 * the undisputed rule weighs on the same ground ({@link #relatives}).
 */
public final class FamilyGroups {

    /** Fewest loci two samples must share, all alike, to be taken for one person's. */
    public static final int SAME_PERSON_MIN_SHARED_LOCI = 8;

    private FamilyGroups() {
    }

    /**
     * How the register says missing persons are related to each other: full siblings, and a parent and his
     * child both missing (each map by person id).
     */
    public record Links(Map<String, Set<String>> siblings, Map<String, Set<String>> parents,
                        Map<String, Set<String>> children) {

        public static Links siblingsOnly(Map<String, Set<String>> siblings) {
            return new Links(siblings, Map.of(), Map.of());
        }
    }

    /**
     * The person's references: his own donors first; then each full sibling's, seen from him
     * ({@link #asSeenBySibling}), each missing parent's ({@link #asSeenByChild}) and each missing child's
     * ({@link #asSeenByParent}); a relationship that does not carry over (a half sibling, whose side is not
     * recorded) is left out, never guessed. One relative registered for each of them (the mother who gave a
     * sample for each of her sons, perhaps typed on another kit) is one reference, not two: the sample with
     * more loci stands for both.
     */
    public static List<FamilyReferences.Donor> referencesOf(String person, Map<String, List<FamilyReferences.Donor>> own,
                                                           Links links) {
        List<FamilyReferences.Donor> references = new ArrayList<>(own.getOrDefault(person, List.of()));
        carry(references, own, links.siblings().getOrDefault(person, Set.of()), FamilyGroups::asSeenBySibling);
        carry(references, own, links.parents().getOrDefault(person, Set.of()), FamilyGroups::asSeenByChild);
        carry(references, own, links.children().getOrDefault(person, Set.of()), FamilyGroups::asSeenByParent);
        return references;
    }

    /** {@link #referencesOf(String, Map, Links)} with full siblings only. */
    public static List<FamilyReferences.Donor> referencesOf(String person, Map<String, List<FamilyReferences.Donor>> own,
                                                           Map<String, Set<String>> siblings) {
        return referencesOf(person, own, Links.siblingsOnly(siblings));
    }

    private static void carry(List<FamilyReferences.Donor> references, Map<String, List<FamilyReferences.Donor>> own,
                              Set<String> relatives, UnaryOperator<Relation> seen) {
        for (String relative : relatives) {
            for (FamilyReferences.Donor donor : own.getOrDefault(relative, List.of())) {
                Relation relation = seen.apply(donor.relation());
                if (relation == null) {
                    continue;
                }
                FamilyReferences.Donor carried = new FamilyReferences.Donor(donor.id(), relation, donor.profile());
                int same = sameRelative(references, carried);
                if (same < 0) {
                    references.add(carried);
                } else if (carried.profile().loci().size() > references.get(same).profile().loci().size()) {
                    references.set(same, carried);
                }
            }
        }
    }

    /**
     * A missing parent's reference, seen from his missing child: the parent's parents are the child's
     * grandparents, his full siblings the child's uncles and aunts, his personal effects a parent's sample, his
     * other child at least a half sibling; what is further or of an unrecorded side is left out (null).
     */
    public static Relation asSeenByChild(Relation relation) {
        return switch (relation) {
            case PARENT -> Relation.GRANDPARENT;
            case FULL_SIBLING -> Relation.UNCLE_OR_AUNT;
            case IDENTITY -> Relation.PARENT;
            case CHILD -> Relation.HALF_SIBLING;
            default -> null;
        };
    }

    /**
     * A missing child's reference, seen from his missing parent: the child's personal effects and his full
     * siblings are the parent's children, the child's child a grandchild (a grandparent's coefficients); a
     * parent, half sibling, grandparent or uncle of the child may be of the other side, and is left out (null).
     */
    public static Relation asSeenByParent(Relation relation) {
        return switch (relation) {
            case IDENTITY, FULL_SIBLING -> Relation.CHILD;
            case CHILD -> Relation.GRANDPARENT;
            default -> null;
        };
    }

    /**
     * A full sibling's reference, seen from the other sibling: parents, full and half siblings, grandparents,
     * uncles and aunts are his too; the sibling's child is his nephew (the avuncular coefficients); the
     * sibling's own personal effects are a full sibling's sample.
     */
    public static Relation asSeenBySibling(Relation relation) {
        return switch (relation) {
            case IDENTITY -> Relation.FULL_SIBLING;
            case CHILD -> Relation.UNCLE_OR_AUNT;
            default -> relation;
        };
    }

    /**
     * The index of a reference that is the same relative as {@code donor}: the same relationship, and samples
     * alike at every locus both typed (at least {@link #SAME_PERSON_MIN_SHARED_LOCI}); -1 when none is.
     */
    public static int sameRelative(List<FamilyReferences.Donor> references, FamilyReferences.Donor donor) {
        for (int i = 0; i < references.size(); i++) {
            if (sameRelative(references.get(i), donor)) {
                return i;
            }
        }
        return -1;
    }

    static boolean sameRelative(FamilyReferences.Donor a, FamilyReferences.Donor b) {
        if (a.id().equals(b.id())) {
            return true;
        }
        if (a.relation() != b.relation()) {
            return false;
        }
        Set<String> shared = new HashSet<>(a.profile().loci().keySet());
        shared.retainAll(b.profile().loci().keySet());
        return shared.size() >= SAME_PERSON_MIN_SHARED_LOCI
                && shared.stream().allMatch(locus -> a.profile().at(locus).equals(b.profile().at(locus)));
    }

    /**
     * For each candidate's references, the relatives they are (one key per person, whichever record and kit
     * he was registered under), each with his relationship to that candidate: two candidates whose keys meet
     * rest on a shared relative, and two who share a parent are brothers at least through him.
     */
    public static List<Map<String, Relation>> relatives(List<List<FamilyReferences.Donor>> referencesOfEach) {
        List<FamilyReferences.Donor> all = new ArrayList<>();
        referencesOfEach.forEach(all::addAll);
        int[] root = new int[all.size()];
        for (int i = 0; i < root.length; i++) {
            root[i] = i;
            for (int j = 0; j < i; j++) {
                if (sameRelative(all.get(i), all.get(j))) {
                    root[i] = root[j];
                    break;
                }
            }
        }
        Map<Integer, String> keys = new HashMap<>();
        List<Map<String, Relation>> relatives = new ArrayList<>();
        int at = 0;
        for (List<FamilyReferences.Donor> references : referencesOfEach) {
            Map<String, Relation> ofCandidate = new LinkedHashMap<>();
            for (int k = 0; k < references.size(); k++, at++) {
                ofCandidate.put(keys.computeIfAbsent(root[at], r -> all.get(r).id()), references.get(k).relation());
            }
            relatives.add(ofCandidate);
        }
        return relatives;
    }

    /** The 13 original CODIS loci, which nearly every kit types: the key that finds one relative's samples. */
    static final List<String> ORIGINAL_CODIS = List.of("CSF1PO", "D3S1358", "D5S818", "D7S820", "D8S1179", "D13S317",
            "D16S539", "D18S51", "D21S11", "FGA", "TH01", "TPOX", "vWA");

    /**
     * Which missing persons rest on the same relative, across a party's families, whether or not a group was
     * stated: the mother who gave a sample for each son's file is found by her genotypes at the
     * {@link #ORIGINAL_CODIS} loci (then confirmed by {@link #sameRelative}). A sample lacking one of them is
     * found only under its own donor id.
     */
    public static final class SharedRelatives {

        private record Held(String person, FamilyReferences.Donor donor) {
        }

        private final Map<String, List<Held>> byKey = new HashMap<>();

        private SharedRelatives() {
        }

        /** The index of every person's own donors. */
        public static SharedRelatives of(Map<String, List<FamilyReferences.Donor>> donorsByPerson) {
            SharedRelatives index = new SharedRelatives();
            donorsByPerson.forEach((person, donors) -> donors.forEach(donor -> {
                for (String key : keys(donor)) {
                    index.byKey.computeIfAbsent(key, k -> new ArrayList<>()).add(new Held(person, donor));
                }
            }));
            return index;
        }

        /**
         * Every registration of the same relative as {@code donor} (his own included), by person: whose
         * references rest on his samples, merged or not.
         */
        public Map<String, Set<String>> holders(FamilyReferences.Donor donor) {
            Map<String, Set<String>> holders = new HashMap<>();
            for (String key : keys(donor)) {
                for (Held held : byKey.getOrDefault(key, List.of())) {
                    if (sameRelative(held.donor(), donor)) {
                        holders.computeIfAbsent(held.person(), p -> new LinkedHashSet<>()).add(held.donor().id());
                    }
                }
            }
            return holders;
        }

        /** The other persons one of whose donors is the same relative as one of {@code references}. */
        public Set<String> sharing(String person, List<FamilyReferences.Donor> references) {
            Set<String> others = new LinkedHashSet<>();
            for (FamilyReferences.Donor reference : references) {
                for (String key : keys(reference)) {
                    for (Held held : byKey.getOrDefault(key, List.of())) {
                        if (!held.person().equals(person) && sameRelative(held.donor(), reference)) {
                            others.add(held.person());
                        }
                    }
                }
            }
            return others;
        }

        /**
         * The donor as the party knows him: one relative's samples registered for several files (the mother for
         * each son, typed on 15 loci for one and 21 for the other) are merged, every locus any of them typed, so
         * that each son is weighed on the same genotypes. Samples alike at every locus they share are one person's.
         */
        public FamilyReferences.Donor fullest(FamilyReferences.Donor donor) {
            Map<String, Genotype> merged = null;
            // A merged profile has one drop-out probability: the highest of its samples' (every locus may be theirs).
            double dropout = donor.profile().dropout();
            for (String key : keys(donor)) {
                for (Held held : byKey.getOrDefault(key, List.of())) {
                    if (!held.donor().id().equals(donor.id()) && sameRelative(held.donor(), donor)) {
                        if (merged == null) {
                            merged = new TreeMap<>(donor.profile().loci());
                        }
                        held.donor().profile().loci().forEach(merged::putIfAbsent);
                        dropout = Math.max(dropout, held.donor().profile().dropout());
                    }
                }
            }
            return merged == null || merged.size() == donor.profile().loci().size() ? donor
                    : new FamilyReferences.Donor(donor.id(), donor.relation(), new StrProfile(merged, dropout));
        }

        private static List<String> keys(FamilyReferences.Donor donor) {
            StringBuilder genotypes = new StringBuilder(donor.relation().name());
            for (String locus : ORIGINAL_CODIS) {
                Genotype genotype = donor.profile().at(locus);
                if (genotype == null) {
                    return List.of("id:" + donor.id());
                }
                genotypes.append('|').append(genotype);
            }
            return List.of("id:" + donor.id(), genotypes.toString());
        }
    }
}
