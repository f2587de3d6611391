package org.homeward.console.charts;

import java.util.ArrayList;
import java.util.List;
import java.util.function.LongFunction;

/**
 * Horizontal bars, one per labelled count, as long as their counts against the largest: laid out here and
 * drawn by the template as SVG (no script, no inline style).
 */
public record BarList(int width, int height, List<Row> rows) {

    static final int LABEL_WIDTH = 200;
    static final int BAR_SPACE = 360;
    static final int ROW_HEIGHT = 24;

    public record Entry(String label, long count) {
    }

    /** A row at {@code y}: its label ending at {@code labelX} left of the bar, its count after it at {@code countX}. */
    public record Row(String label, long count, String countText, int y, int textY, int labelX, int barX, int barWidth,
                      int countX) {
    }

    public boolean empty() {
        return rows.isEmpty();
    }

    public static BarList of(List<Entry> entries, LongFunction<String> format) {
        long largest = entries.stream().mapToLong(Entry::count).max().orElse(0);
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            Entry entry = entries.get(i);
            int barWidth = largest == 0 ? 0 : (int) Math.round((double) entry.count() * BAR_SPACE / largest);
            int y = i * ROW_HEIGHT;
            rows.add(new Row(entry.label(), entry.count(), format.apply(entry.count()), y + 4, y + 17, LABEL_WIDTH - 8, LABEL_WIDTH,
                    barWidth, LABEL_WIDTH + barWidth + 6));
        }
        return new BarList(LABEL_WIDTH + BAR_SPACE + 80, Math.max(ROW_HEIGHT, entries.size() * ROW_HEIGHT), rows);
    }
}
