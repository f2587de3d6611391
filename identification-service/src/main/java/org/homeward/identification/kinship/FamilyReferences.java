package org.homeward.identification.kinship;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the search compares for one missing person, from the family's typed donors:
 * <ul>
 * <li>each personal-effects sample on its own, for identity;</li>
 * <li>one relative alone: that pairwise relationship;</li>
 * <li>several relatives: one pedigree holding all of them, evaluated jointly (never a product of pairwise
 * ratios).</li>
 * </ul>
 * The pedigree is drawn from the relationships alone: parents are the missing person's father and mother,
 * full siblings their children, half siblings children of the father and another mother, children the
 * missing person's with one partner, grandparents (up to two) the father's parents and uncles or aunts
 * their children. Where the side matters (a half sibling or grandparent with a typed parent) it assumes
 * the paternal one; an examiner who knows otherwise states the pedigree to the likelihood-ratio API.
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
        List<Donor> relatives = new ArrayList<>();
        for (Donor donor : donors) {
            if (donor.relation() == Relation.IDENTITY) {
                String id = family + ":effects:" + donor.id();
                references.add(new ReferenceIndex.Reference(id, family, Relation.IDENTITY, donor.profile()));
                donorsOf.put(id, List.of(donor.id()));
            } else {
                relatives.add(donor);
            }
        }
        String id = family + ":relatives";
        if (relatives.size() == 1) {
            Donor only = relatives.get(0);
            references.add(new ReferenceIndex.Reference(id, family, only.relation(), only.profile()));
            donorsOf.put(id, List.of(only.id()));
        } else if (relatives.size() > 1) {
            Map<String, StrProfile> typed = new HashMap<>();
            pedigrees.add(new ReferenceIndex.FamilyPedigree(id, family, pedigree(relatives, typed), Relation.MISSING, typed));
            donorsOf.put(id, relatives.stream().map(Donor::id).toList());
        }
        return new Entries(references, pedigrees, donorsOf);
    }

    private static Pedigree pedigree(List<Donor> relatives, Map<String, StrProfile> typed) {
        List<Donor> parents = of(relatives, Relation.PARENT);
        List<Donor> grandparents = of(relatives, Relation.GRANDPARENT);
        if (parents.size() > 2 || grandparents.size() > 2) {
            throw new Pedigree.Refused("A family has at most two typed parents and two typed grandparents (the"
                    + " father's parents) for the matching; state other pedigrees to the likelihood-ratio API");
        }
        List<Pedigree.Member> members = new ArrayList<>();
        String father = parents.isEmpty() ? "father" : memberFor(parents.get(0), typed);
        String mother = parents.size() < 2 ? "mother" : memberFor(parents.get(1), typed);
        boolean paternalGrandparents = !grandparents.isEmpty() || !of(relatives, Relation.UNCLE_OR_AUNT).isEmpty()
                || !of(relatives, Relation.FIRST_COUSIN).isEmpty();
        String grandfather = grandparents.isEmpty() ? "paternal-grandfather" : memberFor(grandparents.get(0), typed);
        String grandmother = grandparents.size() < 2 ? "paternal-grandmother" : memberFor(grandparents.get(1), typed);
        if (paternalGrandparents) {
            members.add(founder(grandfather));
            members.add(founder(grandmother));
            members.add(child(father, grandfather, grandmother));
        } else {
            members.add(founder(father));
        }
        members.add(founder(mother));
        members.add(child(Relation.MISSING, father, mother));
        int others = 0;
        for (Donor donor : relatives) {
            switch (donor.relation()) {
                case FULL_SIBLING -> members.add(child(memberFor(donor, typed), father, mother));
                case HALF_SIBLING -> {
                    String otherMother = "other-mother-" + others++;
                    members.add(founder(otherMother));
                    members.add(child(memberFor(donor, typed), father, otherMother));
                }
                case CHILD -> {
                    if (members.stream().noneMatch(m -> m.id().equals("partner"))) {
                        members.add(founder("partner"));
                    }
                    members.add(child(memberFor(donor, typed), Relation.MISSING, "partner"));
                }
                case UNCLE_OR_AUNT -> members.add(child(memberFor(donor, typed), grandfather, grandmother));
                case FIRST_COUSIN -> {
                    String parent = "cousin-parent-" + others;
                    String spouse = "cousin-parent-spouse-" + others++;
                    members.add(child(parent, grandfather, grandmother));
                    members.add(founder(spouse));
                    members.add(child(memberFor(donor, typed), parent, spouse));
                }
                default -> {
                    // Parents and grandparents are placed above.
                }
            }
        }
        return new Pedigree(members);
    }

    private static List<Donor> of(List<Donor> donors, Relation relation) {
        return donors.stream().filter(d -> d.relation() == relation).toList();
    }

    private static String memberFor(Donor donor, Map<String, StrProfile> typed) {
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
