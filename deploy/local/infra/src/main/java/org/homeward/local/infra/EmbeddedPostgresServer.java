package org.homeward.local.infra;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;

/**
 * A real PostgreSQL server (the zonky binaries, no Docker) with one database and two roles per service.
 * With a data directory it keeps its data across restarts (the local launcher); without one it is
 * throw-away (tests).
 */
public final class EmbeddedPostgresServer implements AutoCloseable {

    private final EmbeddedPostgres postgres;

    private EmbeddedPostgresServer(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    /** A throw-away server on a free port. */
    public static EmbeddedPostgresServer startEphemeral() {
        try {
            return new EmbeddedPostgresServer(EmbeddedPostgres.builder().start());
        } catch (IOException e) {
            throw new UncheckedIOException("Embedded PostgreSQL did not start", e);
        }
    }

    /** A server whose data survives restarts, listening on the given port. */
    public static EmbeddedPostgresServer startPersistent(Path dataDirectory, int port) {
        try {
            Files.createDirectories(dataDirectory);
            return new EmbeddedPostgresServer(EmbeddedPostgres.builder()
                    .setDataDirectory(dataDirectory)
                    .setCleanDataDirectory(false)
                    .setPort(port)
                    .start());
        } catch (IOException e) {
            throw new UncheckedIOException("Embedded PostgreSQL did not start", e);
        }
    }

    public int port() {
        return postgres.getPort();
    }

    /**
     * Creates (if absent) the database and roles of a service. Passwords are derived from the service
     * name: this is local, loopback-only infrastructure, never a deployment.
     */
    public ServiceDatabase provision(String service) {
        String base = service.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "_");
        String database = "homeward_" + base;
        String owner = database + "_owner";
        String app = database + "_app";
        String ownerPassword = owner + "_local";
        String appPassword = app + "_local";
        try (Connection admin = postgres.getPostgresDatabase().getConnection();
             Statement sql = admin.createStatement()) {
            createRoleIfAbsent(admin, owner, ownerPassword);
            createRoleIfAbsent(admin, app, appPassword);
            if (!exists(admin, "select 1 from pg_database where datname = ?", database)) {
                sql.execute("CREATE DATABASE " + database + " OWNER " + owner);
            }
            sql.execute("REVOKE ALL ON DATABASE " + database + " FROM PUBLIC");
            sql.execute("GRANT CONNECT ON DATABASE " + database + " TO " + app);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not provision the database of " + service, e);
        }
        try (Connection db = postgres.getDatabase("postgres", database).getConnection();
             Statement sql = db.createStatement()) {
            // PostgreSQL 15+ no longer lets everyone create in public; the owner migrates, the app uses.
            sql.execute("ALTER SCHEMA public OWNER TO " + owner);
            sql.execute("GRANT USAGE ON SCHEMA public TO " + app);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not prepare the schema of " + service, e);
        }
        String url = "jdbc:postgresql://localhost:" + port() + "/" + database;
        return new ServiceDatabase(service, database, url, owner, ownerPassword, app, appPassword);
    }

    /** A superuser connection to one database (a restore loads rows with triggers held off). */
    public Connection superuser(String database) throws SQLException {
        return postgres.getDatabase("postgres", database).getConnection();
    }

    private static void createRoleIfAbsent(Connection admin, String role, String password) throws SQLException {
        if (!exists(admin, "select 1 from pg_roles where rolname = ?", role)) {
            try (Statement sql = admin.createStatement()) {
                sql.execute("CREATE ROLE " + role + " LOGIN PASSWORD '" + password + "'");
            }
        }
    }

    private static boolean exists(Connection admin, String query, String name) throws SQLException {
        try (PreparedStatement statement = admin.prepareStatement(query)) {
            statement.setString(1, name);
            return statement.executeQuery().next();
        }
    }

    @Override
    public void close() {
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
