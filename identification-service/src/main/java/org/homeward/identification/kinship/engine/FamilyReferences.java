package org.homeward.identification.kinship.engine;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the search compares for one missing person, from the family's typed donors. The donors' records say
 * how each is related to the missing person, not on which side nor to one another, so only what that
 * determines is joined into one pedigree:
 * <ul>
 * <li>the parents (two at most) and full siblings, and one child, form one pedigree (several of them are
 * evaluated jointly, never as a product of pairwise ratios); a single one is compared as its pair;</li>
 * <li>half siblings, grandparents, uncles and aunts, cousins and further children are each compared as their
 * own pair: whether a half sibling shares the father or the mother, or two grandparents are a couple, is not
 * recorded, and a guessed pedigree would give wrong numbers;</li>
 * <li>each personal-effects sample is compared for identity.</li>
 * </ul>
 * Each entry is scored on its own; the strongest stands for the family. An examiner who knows the whole
 * pedigree states it to the likelihood-ratio API.
 */
public final class FamilyReferences {

    /** A typed donor: his id, how he is related to the missing person, his profile. */
    public record Donor(String id, Relation relation, StrProfile profile) {
    }

    /** The entries for the index, and which donors each rests on. */
    public record Entries(List<ReferenceIndex.Reference> references, List<ReferenceIndex.FamilyPedigree> pedigrees,
                          Map<String, List<String>> donorsOf) {
    }

    private FamilyReferences() {
    }

    public static Entries of(String family, List<Donor> donors) {
        List<ReferenceIndex.Reference> references = new ArrayList<>();
        List<ReferenceIndex.FamilyPedigree> pedigrees = new ArrayList<>();
        Map<String, List<String>> donorsOf = new LinkedHashMap<>();
        List<Donor> nuclear = new ArrayList<>();
        int parents = 0;
        boolean child = false;
        for (Donor donor : donors) {
            boolean joins = switch (donor.relation()) {
                case PARENT -> parents++ < 2;
                case FULL_SIBLING -> true;
                case CHILD -> {
                    boolean first = !child;
                    child = true;
                    yield first;
                }
                default -> false;
            };
            if (joins) {
                nuclear.add(donor);
                continue;
            }
            String id = family + (donor.relation() == Relation.IDENTITY ? ":effects:" : ":relative:") + donor.id();
            references.add(new ReferenceIndex.Reference(id, family, donor.relation(), donor.profile()));
            donorsOf.put(id, List.of(donor.id()));
        }
        String id = family + ":relatives";
        if (nuclear.size() == 1) {
            Donor only = nuclear.get(0);
            references.add(new ReferenceIndex.Reference(id, family, only.relation(), only.profile()));
            donorsOf.put(id, List.of(only.id()));
        } else if (nuclear.size() > 1) {
            Map<String, StrProfile> typed = new HashMap<>();
            pedigrees.add(new ReferenceIndex.FamilyPedigree(id, family, nuclearPedigree(nuclear, typed), Relation.MISSING,
                    typed));
            donorsOf.put(id, nuclear.stream().map(Donor::id).toList());
        }
        return new Entries(references, pedigrees, donorsOf);
    }

    /** Father and mother (typed or not), the missing person and his full siblings, and his child with a partner. */
    private static Pedigree nuclearPedigree(List<Donor> nuclear, Map<String, StrProfile> typed) {
        List<Donor> parents = nuclear.stream().filter(d -> d.relation() == Relation.PARENT).toList();
        String father = parents.isEmpty() ? "father" : typed(parents.get(0), typed);
        String mother = parents.size() < 2 ? "mother" : typed(parents.get(1), typed);
        List<Pedigree.Member> members = new ArrayList<>(List.of(founder(father), founder(mother),
                child(Relation.MISSING, father, mother)));
        for (Donor donor : nuclear) {
            if (donor.relation() == Relation.FULL_SIBLING) {
                members.add(child(typed(donor, typed), father, mother));
            } else if (donor.relation() == Relation.CHILD) {
                members.add(founder("partner"));
                members.add(child(typed(donor, typed), Relation.MISSING, "partner"));
            }
        }
        return new Pedigree(members);
    }

    private static String typed(Donor donor, Map<String, StrProfile> typed) {
        typed.put(donor.id(), donor.profile());
        return donor.id();
    }

    private static Pedigree.Member founder(String id) {
        return new Pedigree.Member(id, null, null, Pedigree.Sex.UNKNOWN);
    }

    private static Pedigree.Member child(String id, String father, String mother) {
        return new Pedigree.Member(id, father, mother, Pedigree.Sex.UNKNOWN);
    }
}
