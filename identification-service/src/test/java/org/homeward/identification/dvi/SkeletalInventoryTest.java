package org.homeward.identification.dvi;

import org.homeward.identification.dvi.comparison.InventoryEntry;
import org.homeward.identification.dvi.comparison.SkeletalElement;
import org.homeward.identification.dvi.comparison.SkeletalInventory;
import org.homeward.platform.domain.RuleViolation;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.homeward.identification.dvi.comparison.InventoryEntry.Side.LEFT;
import static org.homeward.identification.dvi.comparison.InventoryEntry.Side.RIGHT;

/** The minimum number of individuals on a prepared inventory of three bags of one handover. */
class SkeletalInventoryTest {

    private static InventoryEntry of(SkeletalElement element, InventoryEntry.Side side, int count) {
        return new InventoryEntry(element, side, count);
    }

    @Test
    void theMostNumerousElementOfOneSideIsTheFloorOfThePersons() {
        // Bag 1: one skeleton. Bag 2: two left femurs and a right one, a cranium (commingled). Bag 3: a right femur,
        // two mandibles.
        List<InventoryEntry> bag1 = List.of(of(SkeletalElement.CRANIUM, null, 1), of(SkeletalElement.MANDIBLE, null, 1),
                of(SkeletalElement.FEMUR, LEFT, 1), of(SkeletalElement.FEMUR, RIGHT, 1), of(SkeletalElement.HUMERUS, LEFT, 1));
        List<InventoryEntry> bag2 = List.of(of(SkeletalElement.FEMUR, LEFT, 2), of(SkeletalElement.FEMUR, RIGHT, 1),
                of(SkeletalElement.CRANIUM, null, 1));
        List<InventoryEntry> bag3 = List.of(of(SkeletalElement.FEMUR, RIGHT, 1), of(SkeletalElement.MANDIBLE, null, 2));

        assertThat(SkeletalInventory.of(List.of(bag2)).minimumNumberOfIndividuals()).as("bag 2 alone").isEqualTo(2);
        SkeletalInventory.Count handover = SkeletalInventory.of(List.of(bag1, bag2, bag3));

        // Left femurs 3, right femurs 3, mandibles 3, crania 2: at least three persons; the ties are listed in order.
        assertThat(handover.minimumNumberOfIndividuals()).isEqualTo(3);
        assertThat(handover.elements()).extracting(SkeletalInventory.ElementCount::count).startsWith(3, 3, 3, 2, 1);
        assertThat(handover.limiting()).isEqualTo(new SkeletalInventory.ElementCount(SkeletalElement.MANDIBLE, null, 3));
        assertThat(SkeletalInventory.of(List.of()).minimumNumberOfIndividuals()).isZero();
    }

    @Test
    void anInventoryIsCheckedAsAnthropologistsCount() {
        assertThatThrownBy(() -> of(SkeletalElement.FEMUR, null, 1)).isInstanceOf(RuleViolation.class)
                .hasMessageContaining("paired");
        assertThatThrownBy(() -> of(SkeletalElement.CRANIUM, LEFT, 1)).isInstanceOf(RuleViolation.class)
                .hasMessageContaining("not paired");
        assertThatThrownBy(() -> of(SkeletalElement.TIBIA, LEFT, 0)).isInstanceOf(RuleViolation.class);
        assertThatThrownBy(() -> SkeletalInventory.check(List.of(of(SkeletalElement.TIBIA, LEFT, 1),
                of(SkeletalElement.TIBIA, LEFT, 1)))).isInstanceOf(RuleViolation.class).hasMessageContaining("twice");
    }
}
