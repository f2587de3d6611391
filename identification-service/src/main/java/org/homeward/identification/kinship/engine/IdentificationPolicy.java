package org.homeward.identification.kinship.engine;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a party's rule for DNA identification asks of a family's references before a candidate may be undisputed:
 * at least {@code firstDegreeRelatives} parents, children or full siblings typed on autosomal STRs, or one of them
 * typed by at least {@code orOneRelativeByMethods} methods (autosomal STRs and the lineage methods, Y-STR and mtDNA).
 * Ukraine's, as reported in 2024: two close relatives, or one typed by two methods, is {@code (2, 2)}. Zero asks
 * nothing ({@link #NONE}).
 */
public record IdentificationPolicy(int firstDegreeRelatives, int orOneRelativeByMethods) {

    public static final IdentificationPolicy NONE = new IdentificationPolicy(0, 0);

    private static final Set<Relation> FIRST_DEGREE = Set.of(Relation.PARENT, Relation.CHILD, Relation.FULL_SIBLING);

    public IdentificationPolicy {
        if (firstDegreeRelatives < 0 || orOneRelativeByMethods < 0 || orOneRelativeByMethods > 3) {
            throw new IllegalArgumentException("A policy counts relatives from 0, and methods from 0 to 3"
                    + " (autosomal STRs, Y-STR, mtDNA)");
        }
        if (orOneRelativeByMethods == 1 || firstDegreeRelatives == 0 && orOneRelativeByMethods > 0) {
            throw new IllegalArgumentException("The alternative of one relative typed by several methods is 2 or 3"
                    + " methods, beside a number of first-degree relatives of at least 1");
        }
    }

    /**
     * Whether the references meet it: {@code references} are the family's autosomally typed references,
     * {@code lineageMethods} how many lineage methods each of its donors (by id) was typed by.
     */
    public boolean metBy(List<ReferenceCheck> references, Map<String, Integer> lineageMethods) {
        if (firstDegreeRelatives == 0) {
            return true;
        }
        List<ReferenceCheck> firstDegree = references.stream().filter(r -> FIRST_DEGREE.contains(r.relation())).toList();
        if (firstDegree.size() >= firstDegreeRelatives) {
            return true;
        }
        return orOneRelativeByMethods > 0 && firstDegree.stream()
                .anyMatch(r -> 1 + lineageMethods.getOrDefault(r.donorId(), 0) >= orOneRelativeByMethods);
    }

    /** The clause, in words, as the rule names it when it fails. */
    public String clause() {
        return "the party's policy asks for " + firstDegreeRelatives + " first-degree relatives typed"
                + (orOneRelativeByMethods > 0 ? ", or one typed by " + orOneRelativeByMethods + " methods" : "");
    }
}
