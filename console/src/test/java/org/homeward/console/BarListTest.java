package org.homeward.console;

import org.homeward.console.charts.BarList;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class BarListTest {

    @Test
    void theLargestCountFillsTheSpaceAndTheOthersAreInProportionOneRowBelowTheOther() {
        BarList bars = BarList.of(List.of(new BarList.Entry("Received", 4812), new BarList.Entry("Identified", 9),
                new BarList.Entry("Returned", 0)), count -> String.format(java.util.Locale.ENGLISH, "%,d", count));

        assertThat(bars.rows()).extracting(BarList.Row::countText).containsExactly("4,812", "9", "0");
        BarList.Row received = bars.rows().get(0);
        BarList.Row identified = bars.rows().get(1);
        assertThat(received.barWidth()).isEqualTo(360);
        assertThat(identified.barWidth()).isEqualTo(1); // 9 of 4,812 of 360 points, rounded: still visible
        assertThat(bars.rows().get(2).barWidth()).isZero();
        assertThat(identified.y() - received.y()).isEqualTo(24);
        assertThat(received.countX()).isGreaterThan(received.barX() + received.barWidth());
        assertThat(received.labelX()).isLessThan(received.barX());
    }

    @Test
    void noCountsIsAnEmptyList() {
        assertThat(BarList.of(List.of(), Long::toString).empty()).isTrue();
    }
}
