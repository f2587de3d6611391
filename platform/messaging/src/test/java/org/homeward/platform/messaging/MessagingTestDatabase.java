package org.homeward.platform.messaging;

import org.eclipse.microprofile.config.ConfigProvider;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Direct database access for the messaging tests: assertions as the owner role, and an outage of the
 * application's database made with the server's own means (no mock): its connections are refused and the
 * open ones ended, until it is restored.
 */
public final class MessagingTestDatabase {

    public static final String NAME = "platform-messaging";

    private MessagingTestDatabase() {
    }

    public static Connection asOwner() throws SQLException {
        var config = ConfigProvider.getConfig();
        return DriverManager.getConnection(url(), config.getValue("quarkus.flyway.username", String.class),
                config.getValue("quarkus.flyway.password", String.class));
    }

    public static long count(String sql) {
        try (Connection db = asOwner(); Statement statement = db.createStatement();
             ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public static void execute(String sql) {
        try (Connection db = asOwner(); Statement statement = db.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The application role can no longer connect, and its open connections are ended. */
    public static void cutOffApplication() throws SQLException {
        try (Connection admin = asSuperuser(); Statement sql = admin.createStatement()) {
            sql.execute("ALTER ROLE " + applicationRole() + " CONNECTION LIMIT 0");
            sql.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE usename = '" + applicationRole() + "'");
        }
    }

    public static void restoreApplication() throws SQLException {
        try (Connection admin = asSuperuser(); Statement sql = admin.createStatement()) {
            sql.execute("ALTER ROLE " + applicationRole() + " CONNECTION LIMIT -1");
        }
    }

    private static Connection asSuperuser() throws SQLException {
        // The embedded server trusts its superuser on loopback (local test infrastructure only).
        return DriverManager.getConnection(url().replaceAll("/[^/]+$", "/postgres"), "postgres", "");
    }

    private static String applicationRole() {
        return ConfigProvider.getConfig().getValue("quarkus.datasource.username", String.class);
    }

    private static String url() {
        return ConfigProvider.getConfig().getValue("quarkus.datasource.jdbc.url", String.class);
    }
}
