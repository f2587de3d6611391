package org.homeward.console.charts;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.LongFunction;

/**
 * A bar chart of what was received per ISO week and direction, laid out here and drawn by the template as
 * SVG on the server: the Content-Security-Policy allows no script to draw it in the browser. Bars of one week
 * stand side by side, one per direction; the scale's top is the largest week rounded up to a round number.
 */
public record WeeklyChart(int width, int height, List<Series> series, List<Bar> bars, List<Tick> ticks,
                          List<WeekLabel> weeks) {

    static final int WIDTH = 640;
    static final int HEIGHT = 260;
    static final int LEFT = 64;
    static final int RIGHT = 16;
    static final int TOP = 20;
    static final int BOTTOM = 40;

    /** One week's receipts in one direction ({@code 2025-W24}, {@code RU → UA}). */
    public record Received(String week, String direction, long count) {
    }

    public record Series(int index, String direction) {
    }

    /** A bar, its count written as {@code label} above it at ({@code labelX}, {@code labelY}). */
    public record Bar(int x, int y, int width, int height, int series, String week, String direction, long count,
                      String label, int labelX, int labelY) {
    }

    /** A line of the scale at {@code y}, its value written at {@code textY}. */
    public record Tick(int y, int textY, long value, String label) {
    }

    public record WeekLabel(int x, String week) {
    }

    public boolean empty() {
        return bars.isEmpty();
    }

    public int baseline() {
        return HEIGHT - BOTTOM;
    }

    public int left() {
        return LEFT;
    }

    public int right() {
        return WIDTH - RIGHT;
    }

    /** Where the scale's values end (right-aligned), left of the plot. */
    public int scaleX() {
        return LEFT - 6;
    }

    /** Where the weeks are written, under the bars. */
    public int weekY() {
        return HEIGHT - BOTTOM + 18;
    }

    /** {@code format} writes a count as the reader's language does. */
    public static WeeklyChart of(List<Received> received, LongFunction<String> format) {
        List<String> directions = List.copyOf(new TreeSet<>(received.stream().map(Received::direction).toList()));
        Map<String, Map<String, Long>> byWeek = new TreeMap<>();
        received.forEach(r -> byWeek.computeIfAbsent(r.week(), week -> new TreeMap<>()).merge(r.direction(), r.count(), Long::sum));
        long top = roundUp(byWeek.values().stream().flatMap(m -> m.values().stream()).mapToLong(Long::longValue).max().orElse(0));
        int plotWidth = WIDTH - LEFT - RIGHT;
        int plotHeight = HEIGHT - TOP - BOTTOM;
        int groupWidth = byWeek.isEmpty() ? plotWidth : plotWidth / byWeek.size();
        int barWidth = directions.isEmpty() ? 0 : Math.max(2, (int) (groupWidth * 0.7) / directions.size());
        List<Bar> bars = new ArrayList<>();
        List<WeekLabel> weeks = new ArrayList<>();
        int group = 0;
        for (Map.Entry<String, Map<String, Long>> week : byWeek.entrySet()) {
            int groupLeft = LEFT + group * groupWidth + (groupWidth - barWidth * directions.size()) / 2;
            for (int s = 0; s < directions.size(); s++) {
                long count = week.getValue().getOrDefault(directions.get(s), 0L);
                int barHeight = top == 0 ? 0 : (int) Math.round((double) count * plotHeight / top);
                int x = groupLeft + s * barWidth;
                int y = TOP + plotHeight - barHeight;
                bars.add(new Bar(x, y, barWidth, barHeight, s, week.getKey(), directions.get(s), count,
                        format.apply(count), x + barWidth / 2, Math.max(TOP - 4, y - 4)));
            }
            weeks.add(new WeekLabel(LEFT + group * groupWidth + groupWidth / 2, week.getKey()));
            group++;
        }
        List<Tick> ticks = new ArrayList<>();
        for (int i = 0; i <= 4 && top > 0; i++) {
            int y = TOP + plotHeight - plotHeight * i / 4;
            ticks.add(new Tick(y, y + 4, top * i / 4, format.apply(top * i / 4)));
        }
        List<Series> series = new ArrayList<>();
        for (int s = 0; s < directions.size(); s++) {
            series.add(new Series(s, directions.get(s)));
        }
        return new WeeklyChart(WIDTH, HEIGHT, series, bars, ticks, weeks);
    }

    /** Four ticks of 1, 2 or 5 times a power of ten: the smallest such scale top not below {@code value}. */
    static long roundUp(long value) {
        if (value <= 0) {
            return 0;
        }
        for (long power = 1; ; power *= 10) {
            for (long step : new long[] {1, 2, 5}) {
                long candidate = step * power * 4;
                if (candidate >= value) {
                    return candidate;
                }
            }
        }
    }
}
