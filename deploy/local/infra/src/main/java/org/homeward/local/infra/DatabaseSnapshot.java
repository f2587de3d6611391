package org.homeward.local.infra;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A digest of every business table of a service's database (the md5 of its rows in order), to show that
 * refused requests changed nothing. The tables the platform writes on its own (audit log and seals, outbox,
 * processed event ids, Flyway's history) are left out: refusals are audited, and relays run meanwhile.
 */
public final class DatabaseSnapshot {

    private static final List<String> PLATFORM_PREFIXES = List.of("audit", "outbox", "processed_event", "flyway_");

    private DatabaseSnapshot() {
    }

    public static Map<String, String> of(DataSource dataSource) throws SQLException {
        Map<String, String> digests = new TreeMap<>();
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            List<String> tables = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery("select table_name from information_schema.tables"
                    + " where table_schema = current_schema() and table_type = 'BASE TABLE'")) {
                while (rows.next()) {
                    tables.add(rows.getString(1));
                }
            }
            for (String table : tables) {
                if (PLATFORM_PREFIXES.stream().anyMatch(table::startsWith)) {
                    continue;
                }
                try (ResultSet rows = statement.executeQuery("select count(*), md5(coalesce(string_agg(t::text, '|'"
                        + " order by t::text), '')) from \"" + table + "\" t")) {
                    rows.next();
                    digests.put(table, rows.getLong(1) + " rows, " + rows.getString(2));
                }
            }
        }
        return digests;
    }

    /**
     * A snapshot once background work left over from earlier tests has settled: two snapshots a few seconds
     * apart agree (at most a minute is waited).
     */
    public static Map<String, String> settled(DataSource dataSource) throws SQLException, InterruptedException {
        Map<String, String> previous = of(dataSource);
        for (int i = 0; i < 20; i++) {
            Thread.sleep(3000);
            Map<String, String> now = of(dataSource);
            if (now.equals(previous)) {
                return now;
            }
            previous = now;
        }
        return previous;
    }

    /** The tables whose digest differs, with both digests. */
    public static List<String> differences(Map<String, String> before, Map<String, String> after) {
        List<String> differences = new ArrayList<>();
        after.forEach((table, digest) -> {
            if (!digest.equals(before.get(table))) {
                differences.add(table + ": " + before.get(table) + " -> " + digest);
            }
        });
        return differences;
    }
}
