package org.homeward.local.infra;

import org.flywaydb.core.Flyway;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A logical backup of one service's database, and its restore into an empty database: what an operator's
 * pg_dump and pg_restore do, made with the same server's COPY (the PostgreSQL client tools on a machine may
 * be older than the embedded server, and pg_dump refuses a newer server). The schema is not copied: a
 * restore builds it with the service's own Flyway migrations, up to the version the backup was taken at,
 * then loads every table's rows.
 *
 * <p>The backup reads all tables in one repeatable-read transaction, so it is one consistent moment of a
 * running service, like pg_dump's snapshot.
 */
public final class DatabaseBackup {

    private static final String HISTORY = "flyway_schema_history";

    private final String service;
    private final Instant takenAt;
    private final String schemaVersion;
    private final Map<String, byte[]> tables;
    private final Map<String, Long> sequences;

    private DatabaseBackup(String service, Instant takenAt, String schemaVersion, Map<String, byte[]> tables,
                           Map<String, Long> sequences) {
        this.service = service;
        this.takenAt = takenAt;
        this.schemaVersion = schemaVersion;
        this.tables = tables;
        this.sequences = sequences;
    }

    /** Every table's rows at one moment, read as the database's owner. */
    public static DatabaseBackup take(ServiceDatabase database) {
        try (Connection connection = DriverManager.getConnection(database.jdbcUrl(), database.ownerUser(), database.ownerPassword())) {
            connection.setAutoCommit(false);
            connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            connection.setReadOnly(true);
            Instant takenAt = Instant.parse(single(connection, "select to_char(now() at time zone 'UTC',"
                    + " 'YYYY-MM-DD\"T\"HH24:MI:SS.US\"Z\"')"));
            String version = single(connection, "select max(version::int)::text from " + HISTORY + " where success");
            CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
            Map<String, byte[]> tables = new LinkedHashMap<>();
            for (String table : names(connection, "select table_name from information_schema.tables"
                    + " where table_schema = current_schema() and table_type = 'BASE TABLE' order by table_name")) {
                if (!table.equals(HISTORY)) {
                    ByteArrayOutputStream rows = new ByteArrayOutputStream();
                    copy.copyOut("COPY \"" + table + "\" TO STDOUT (FORMAT binary)", rows);
                    tables.put(table, rows.toByteArray());
                }
            }
            Map<String, Long> sequences = new LinkedHashMap<>();
            try (Statement sql = connection.createStatement(); ResultSet rows = sql.executeQuery("select sequencename,"
                    + " last_value from pg_sequences where schemaname = current_schema() and last_value is not null")) {
                while (rows.next()) {
                    sequences.put(rows.getString(1), rows.getLong(2));
                }
            }
            connection.commit();
            return new DatabaseBackup(database.service(), takenAt, version, tables, sequences);
        } catch (SQLException | IOException e) {
            throw new IllegalStateException("Could not back up the database of " + database.service(), e);
        }
    }

    /** When the backup's snapshot was taken, by the database's clock. */
    public Instant takenAt() {
        return takenAt;
    }

    public String service() {
        return service;
    }

    /** The size in bytes of each table's rows in the backup (binary COPY format). */
    public Map<String, Integer> sizes() {
        Map<String, Integer> sizes = new LinkedHashMap<>();
        tables.forEach((table, rows) -> sizes.put(table, rows.length));
        return sizes;
    }

    /**
     * Builds the schema of an empty database with the service's migrations and loads the backup into it.
     * Rows are loaded as the superuser with triggers and foreign keys held off (session_replication_role =
     * replica), as pg_restore does for a data load, so tables may come in any order and append-only triggers
     * do not refuse the audit log's own rows. Rows the migrations seed are replaced by the backup's.
     */
    public void restoreInto(ServiceDatabase target, Path migrations, Connection superuserOnTarget) {
        Flyway.configure().dataSource(target.jdbcUrl(), target.ownerUser(), target.ownerPassword())
                .locations("filesystem:" + migrations).target(schemaVersion)
                .placeholders(Map.of("app_role", target.appUser())).load().migrate();
        try {
            superuserOnTarget.setAutoCommit(false);
            try (Statement sql = superuserOnTarget.createStatement()) {
                sql.execute("SET LOCAL session_replication_role = replica");
                // Rows a migration seeded are in the backup too, as they were at the time.
                sql.execute("TRUNCATE " + String.join(", ", tables.keySet().stream().map(t -> "\"" + t + "\"").toList()));
            }
            CopyManager copy = superuserOnTarget.unwrap(PGConnection.class).getCopyAPI();
            for (Map.Entry<String, byte[]> table : tables.entrySet()) {
                copy.copyIn("COPY \"" + table.getKey() + "\" FROM STDIN (FORMAT binary)", new ByteArrayInputStream(table.getValue()));
            }
            for (Map.Entry<String, Long> sequence : sequences.entrySet()) {
                try (PreparedStatement setval = superuserOnTarget.prepareStatement("select setval(?, ?)")) {
                    setval.setString(1, sequence.getKey());
                    setval.setLong(2, sequence.getValue());
                    setval.executeQuery().close();
                }
            }
            superuserOnTarget.commit();
        } catch (SQLException | IOException e) {
            throw new IllegalStateException("Could not restore the backup of " + service + " into " + target.database(), e);
        }
    }

    private static String single(Connection connection, String query) throws SQLException {
        try (Statement sql = connection.createStatement(); ResultSet rows = sql.executeQuery(query)) {
            rows.next();
            return rows.getString(1);
        }
    }

    private static java.util.List<String> names(Connection connection, String query) throws SQLException {
        java.util.List<String> names = new java.util.ArrayList<>();
        try (Statement sql = connection.createStatement(); ResultSet rows = sql.executeQuery(query)) {
            while (rows.next()) {
                names.add(rows.getString(1));
            }
        }
        return names;
    }
}
