package org.homeward.local.infra;

import org.homeward.local.infra.BenchmarkReport.Figure;
import org.homeward.local.infra.BenchmarkReport.Target;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;

import javax.xml.parsers.DocumentBuilderFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BenchmarkReportTest {

    @AfterEach
    void forgetTheFolder() {
        System.clearProperty("homeward.benchmarks.dir");
    }

    @Test
    void everyFigureIsKeptTheLatestOfEachIsTabledAndChartedAndTargetsAreJudgedBothWays(@TempDir Path folder)
            throws Exception {
        System.setProperty("homeward.benchmarks.dir", folder.toString());
        Figure slowUpload = new Figure("manifest upload", "10,000 items, median", 900, "ms", "bare route + COPY", 300,
                Target.ratioAtMost(2.0));
        Figure fastUpload = new Figure("manifest upload", "10,000 items, median", 500, "ms", "bare route + COPY", 300,
                Target.ratioAtMost(2.0));
        Figure webhooks = new Figure("webhook delivery", "8 endpoints", 400, "deliveries/s", "bare client", 1600,
                Target.ratioAtLeast(0.5));
        Figure startup = new Figure("startup, agreement-service", "time to ready", 2500, "ms", "JDK HTTP server", 200,
                Target.valueAtMost(3000, "ms"));
        assertFalse(slowUpload.met());
        assertTrue(fastUpload.met());
        assertFalse(webhooks.met());
        assertTrue(startup.met(), "a budget judges the value, not its ratio to the floor (12.5)");

        List.of(slowUpload, webhooks, fastUpload, startup).forEach(BenchmarkReport::record);

        List<String> csv = Files.readAllLines(folder.resolve("results.csv"));
        assertEquals(5, csv.size(), "a header and every figure: " + csv);
        assertTrue(csv.get(1).contains("\"10,000 items, median\""), "a comma in a cell is quoted: " + csv.get(1));
        String table = Files.readString(folder.resolve("results.md"));
        assertEquals(5, table.lines().count(), "header, rule and the latest of three kinds:\n" + table);
        assertTrue(table.contains("| manifest upload | 10,000 items, median | 500 ms | 300 ms (bare route + COPY) | 1.667 |"
                + " ratio <= 2 | yes |"), table);
        assertTrue(table.contains("| webhook delivery | 8 endpoints | 400 deliveries/s | 1600 deliveries/s (bare client) |"
                + " 0.250 | ratio >= 0.500 | no |"), table);
        Document chart = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(folder.resolve("results.svg").toFile());
        assertEquals(3, chart.getElementsByTagName("rect").getLength());
    }
}
