package org.homeward.identification.kinship.engine;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** How references carry over between missing persons the register relates, and how one relative is found twice. */
class FamilyGroupsTest {

    private static final ProfileSimulator SIMULATE = new ProfileSimulator(MatchingSimulation.europe(), 7L,
            MatchingSimulation.LOCI_21);

    private static FamilyReferences.Donor donor(String id, Relation relation, StrProfile profile) {
        return new FamilyReferences.Donor(id, relation, profile);
    }

    private static Map<String, Relation> relations(List<FamilyReferences.Donor> references) {
        return references.stream().collect(java.util.stream.Collectors.toMap(FamilyReferences.Donor::id,
                FamilyReferences.Donor::relation));
    }

    @Test
    void aMissingFathersReferencesReachHisSonAndTheSonsReachHisFatherOnlyAsFarAsTheyCarry() {
        Map<String, List<FamilyReferences.Donor>> own = Map.of(
                "father", List.of(donor("grandfather", Relation.PARENT, SIMULATE.founder()),
                        donor("uncle", Relation.FULL_SIBLING, SIMULATE.founder()),
                        donor("razor", Relation.IDENTITY, SIMULATE.founder()),
                        donor("half-brother", Relation.HALF_SIBLING, SIMULATE.founder())),
                "son", List.of(donor("mother", Relation.PARENT, SIMULATE.founder()),
                        donor("cap", Relation.IDENTITY, SIMULATE.founder()),
                        donor("grandson", Relation.CHILD, SIMULATE.founder()),
                        donor("maternal-uncle", Relation.UNCLE_OR_AUNT, SIMULATE.founder())));
        FamilyGroups.Links links = new FamilyGroups.Links(Map.of(), Map.of("son", Set.of("father")),
                Map.of("father", Set.of("son")));

        assertThat(relations(FamilyGroups.referencesOf("son", own, links))).containsExactlyInAnyOrderEntriesOf(Map.of(
                "mother", Relation.PARENT, "cap", Relation.IDENTITY, "grandson", Relation.CHILD,
                "maternal-uncle", Relation.UNCLE_OR_AUNT,
                "grandfather", Relation.GRANDPARENT, "uncle", Relation.UNCLE_OR_AUNT, "razor", Relation.PARENT));
        // The son's mother is not the father's relative, nor (side unknown) the son's uncle.
        assertThat(relations(FamilyGroups.referencesOf("father", own, links))).containsExactlyInAnyOrderEntriesOf(Map.of(
                "grandfather", Relation.PARENT, "uncle", Relation.FULL_SIBLING, "razor", Relation.IDENTITY,
                "half-brother", Relation.HALF_SIBLING, "cap", Relation.CHILD, "grandson", Relation.GRANDPARENT));
    }

    @Test
    void oneRelativeRegisteredForEachSonIsOneReferenceOnEveryLocusAnySampleTyped() {
        StrProfile mother = SIMULATE.founder();
        FamilyReferences.Donor for15 = donor("mother-for-A", Relation.PARENT,
                MatchingSimulation.typedOn(mother, MatchingSimulation.LOCI_15));
        FamilyReferences.Donor for21 = donor("mother-for-B", Relation.PARENT, mother);
        FamilyReferences.Donor stranger = donor("stranger", Relation.PARENT, SIMULATE.founder());
        FamilyGroups.SharedRelatives shared = FamilyGroups.SharedRelatives.of(Map.of("A", List.of(for15),
                "B", List.of(for21), "C", List.of(stranger)));

        assertThat(shared.sharing("A", List.of(for15))).containsExactly("B");
        assertThat(shared.sharing("C", List.of(stranger))).isEmpty();
        assertThat(shared.fullest(for15).profile().loci()).isEqualTo(mother.loci());
        assertThat(shared.fullest(for15).id()).isEqualTo("mother-for-A");
        assertThat(shared.fullest(stranger)).isSameAs(stranger);
        List<Map<String, Relation>> relatives = FamilyGroups.relatives(List.of(List.of(for15), List.of(for21),
                List.of(stranger)));
        assertThat(relatives.get(0)).isEqualTo(relatives.get(1)).containsValue(Relation.PARENT);
        assertThat(relatives.get(2).keySet()).doesNotContainAnyElementsOf(relatives.get(0).keySet());
    }
}
