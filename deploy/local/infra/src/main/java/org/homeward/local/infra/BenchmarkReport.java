package org.homeward.local.infra;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Where every benchmark puts its figures: each figure is Homeward's value, the baseline measured in the same
 * run, their ratio and the target the ratio is held to. A figure is printed at once and appended to
 * {@code results.csv}; {@code results.md} (the table the README copies) and {@code results.svg} (one bar per
 * figure, the target marked) are redrawn from the latest figure of each kind. The folder is
 * {@code homeward.benchmarks.dir} (the benchmarks profile sets it to {@code target/benchmarks} of the
 * checkout, which git ignores), else {@code target/benchmarks} of the working directory.
 */
public final class BenchmarkReport {

    private static final String[] HEADER = {"recorded_at", "benchmark", "measure", "value", "unit", "baseline_name",
        "baseline", "ratio", "target", "met", "score"};
    private static final CsvMapper CSV = CsvMapper.builder().enable(CsvParser.Feature.WRAP_AS_ARRAY).build();

    /**
     * What a figure is held to: its ratio to the baseline (the "within 2 times", "at least half"), or
     * its value itself (a budget: "under 3 s").
     */
    public record Target(boolean onRatio, String comparison, double bound, String unit) {

        /** Homeward may take at most {@code bound} times the baseline (times, sizes). */
        public static Target ratioAtMost(double bound) {
            return new Target(true, "<=", bound, "");
        }

        /** Homeward must reach at least {@code bound} of the baseline (rates). */
        public static Target ratioAtLeast(double bound) {
            return new Target(true, ">=", bound, "");
        }

        /** The value itself must stay at or under {@code bound} (a budget in the figure's unit). */
        public static Target valueAtMost(double bound, String unit) {
            return new Target(false, "<=", bound, unit);
        }

        boolean met(Figure figure) {
            double measured = onRatio ? figure.ratio() : figure.value();
            return comparison.equals("<=") ? measured <= bound : measured >= bound;
        }

        /** How far the figure is from its bound, 1 at the bound and more the better (the chart's scale). */
        double score(Figure figure) {
            double measured = onRatio ? figure.ratio() : figure.value();
            return comparison.equals("<=") ? bound / measured : measured / bound;
        }

        @Override
        public String toString() {
            return (onRatio ? "ratio " : "value ") + comparison + " " + format(bound) + (unit.isEmpty() ? "" : " " + unit);
        }
    }

    /** One measured figure and its same-run baseline. */
    public record Figure(String benchmark, String measure, double value, String unit, String baselineName,
                         double baseline, Target target) {

        public double ratio() {
            return value / baseline;
        }

        public boolean met() {
            return target.met(this);
        }
    }

    private BenchmarkReport() {
    }

    public static Path directory() {
        return Path.of(System.getProperty("homeward.benchmarks.dir", "target/benchmarks")).toAbsolutePath();
    }

    /** Prints the figure, appends it to the CSV, and redraws the table and the chart. */
    public static synchronized void record(Figure figure) {
        System.out.printf(Locale.ROOT, "%nBENCHMARK %s, %s: %s %s; baseline (%s): %s %s; ratio %s (target %s): %s%n%n",
                figure.benchmark(), figure.measure(), format(figure.value()), figure.unit(), figure.baselineName(),
                format(figure.baseline()), figure.unit(), format(figure.ratio()), figure.target(),
                figure.met() ? "met" : "NOT met");
        try {
            Path directory = Files.createDirectories(directory());
            Path csv = directory.resolve("results.csv");
            if (!Files.exists(csv)) {
                Files.writeString(csv, line(HEADER), StandardCharsets.UTF_8);
            }
            Files.writeString(csv, line(new String[] {Instant.now().truncatedTo(ChronoUnit.SECONDS).toString(),
                    figure.benchmark(), figure.measure(), format(figure.value()), figure.unit(), figure.baselineName(),
                    format(figure.baseline()), format(figure.ratio()), figure.target().toString(),
                    figure.met() ? "yes" : "no", format(figure.target().score(figure))}),
                    StandardCharsets.UTF_8, StandardOpenOption.APPEND);
            List<String[]> latest = latest(csv);
            Files.writeString(directory.resolve("results.md"), table(latest), StandardCharsets.UTF_8);
            Files.writeString(directory.resolve("results.svg"), chart(latest), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write the benchmark results", e);
        }
    }

    private static String line(String[] cells) throws IOException {
        return CSV.writerFor(String[].class).writeValueAsString(cells);
    }

    /** The newest row of each benchmark and measure, in the order they were first recorded. */
    private static List<String[]> latest(Path csv) throws IOException {
        Map<String, String[]> rows = new LinkedHashMap<>();
        try (MappingIterator<String[]> lines = CSV.readerFor(String[].class).readValues(csv.toFile())) {
            lines.next();
            while (lines.hasNext()) {
                String[] cells = lines.next();
                rows.put(cells[1] + "\u0000" + cells[2], cells);
            }
        }
        return new ArrayList<>(rows.values());
    }

    private static String table(List<String[]> rows) {
        StringBuilder table = new StringBuilder(
                "| benchmark | measure | Homeward | baseline | ratio | target | met | recorded |\n|---|---|---|---|---|---|---|---|\n");
        for (String[] r : rows) {
            table.append("| ").append(r[1]).append(" | ").append(r[2]).append(" | ").append(r[3]).append(' ').append(r[4])
                    .append(" | ").append(r[6]).append(' ').append(r[4]).append(" (").append(r[5]).append(") | ")
                    .append(r[7]).append(" | ").append(r[8]).append(" | ").append(r[9]).append(" | ").append(r[0])
                    .append(" |\n");
        }
        return table.toString();
    }

    /**
     * Each figure's ratio as a bar, on a scale where the target sits at the same place for every row, so a
     * bar that crosses the marked line in the good direction met its target.
     */
    private static String chart(List<String[]> rows) {
        int width = 1100;
        int labelWidth = 360;
        int barArea = width - labelWidth - 300;
        int rowHeight = 28;
        int height = 60 + rows.size() * rowHeight;
        StringBuilder svg = new StringBuilder();
        svg.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\""
                + " font-family=\"sans-serif\" font-size=\"12\">%n", width, height));
        svg.append("<text x=\"10\" y=\"20\" font-size=\"14\">Homeward against its targets (the dashed line;"
                + " a green bar beyond it met its target), each with its same-run baseline</text>\n");
        int targetX = labelWidth + barArea / 2;
        for (int i = 0; i < rows.size(); i++) {
            String[] r = rows.get(i);
            // The score puts every target at the middle line: a bar past it met its target.
            double score = Double.parseDouble(r[10]);
            int bar = (int) Math.round(Math.min(2.0, score) * barArea / 2);
            int y = 40 + i * rowHeight;
            svg.append(String.format(Locale.ROOT, "<text x=\"10\" y=\"%d\">%s</text>%n", y + 15,
                    escape(r[1] + ": " + r[2])));
            svg.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"18\" fill=\"%s\"/>%n",
                    labelWidth, y + 2, Math.max(bar, 1), "yes".equals(r[9]) ? "#2e7d32" : "#c62828"));
            svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\">%s %s (%s)</text>%n",
                    labelWidth + barArea + 6, y + 15, r[3], escape(r[4]), escape(r[8])));
        }
        svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"32\" x2=\"%d\" y2=\"%d\" stroke=\"black\""
                + " stroke-dasharray=\"4 3\"/>%n", targetX, targetX, height - 8));
        return svg.append("</svg>\n").toString();
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    static String format(double value) {
        if (value == Math.rint(value) && Math.abs(value) < 1e12) {
            return String.format(Locale.ROOT, "%.0f", value);
        }
        return String.format(Locale.ROOT, Math.abs(value) >= 100 ? "%.1f" : "%.3f", value);
    }
}
