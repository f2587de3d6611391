package org.homeward.console;

import org.homeward.console.charts.WeeklyChart;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class WeeklyChartTest {

    @Test
    void barsAreAsTallAsTheirCountsOnARoundScaleAndOneWeeksBarsStandSideBySide() {
        WeeklyChart chart = WeeklyChart.of(List.of(
                new WeeklyChart.Received("2025-W24", "RU → UA", 4812),
                new WeeklyChart.Received("2025-W24", "UA → RU", 0),
                new WeeklyChart.Received("2025-W25", "RU → UA", 1203)), Long::toString);

        // The largest week, 4,812, under a top of four ticks of 2,000 (ticks of 1,000 would end at 4,000).
        assertThat(chart.ticks()).extracting(WeeklyChart.Tick::value).containsExactly(0L, 2000L, 4000L, 6000L, 8000L);
        assertThat(chart.series()).extracting(WeeklyChart.Series::direction).containsExactly("RU → UA", "UA → RU");
        assertThat(chart.bars()).hasSize(4);
        WeeklyChart.Bar june = chart.bars().get(0);
        WeeklyChart.Bar none = chart.bars().get(1);
        WeeklyChart.Bar next = chart.bars().get(2);
        assertThat(june.week()).isEqualTo("2025-W24");
        assertThat(none.height()).isZero();
        assertThat(none.x()).isEqualTo(june.x() + june.width());
        assertThat((double) june.height() / next.height()).isCloseTo(4812.0 / 1203, org.assertj.core.data.Offset.offset(0.02));
        // Every bar stands on the baseline.
        chart.bars().forEach(bar -> assertThat(bar.y() + bar.height()).isEqualTo(chart.baseline()));
        assertThat(june.label()).isEqualTo("4812");
    }

    @Test
    void nothingReceivedIsAnEmptyChart() {
        WeeklyChart chart = WeeklyChart.of(List.of(), Long::toString);
        assertThat(chart.empty()).isTrue();
        assertThat(chart.ticks()).isEmpty();
    }
}
