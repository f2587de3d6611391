package org.homeward.local.infra;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * One service's database on the embedded PostgreSQL server. Each service gets two roles: an owner that
 * runs the Flyway migrations, and an application role with only the privileges the migrations grant it
 * (so that, for example, it cannot update or delete audit rows).
 */
public record ServiceDatabase(String service, String database, String jdbcUrl,
                              String ownerUser, String ownerPassword,
                              String appUser, String appPassword) {

    /** The Quarkus configuration that points a service at this database. */
    public java.util.Map<String, String> quarkusConfig() {
        return java.util.Map.of(
                "quarkus.datasource.jdbc.url", jdbcUrl,
                "quarkus.datasource.username", appUser,
                "quarkus.datasource.password", appPassword,
                "quarkus.flyway.username", ownerUser,
                "quarkus.flyway.password", ownerPassword,
                "quarkus.flyway.placeholders.app_role", appUser);
    }

    /** The single number a query answers, read as the application role (tests count rows with it). */
    public long queryForLong(String sql) {
        return Long.parseLong(queryForString(sql));
    }

    /** The single value a query answers, as text, read as the application role (a digest, a list of ids). */
    public String queryForString(String sql) {
        try (Connection connection = DriverManager.getConnection(jdbcUrl, appUser, appPassword);
             ResultSet result = connection.createStatement().executeQuery(sql)) {
            result.next();
            return result.getString(1);
        } catch (SQLException e) {
            throw new IllegalStateException("Query on " + database + " failed: " + sql, e);
        }
    }

    /** A statement run as the application role, as the service itself could (a drill's damage); rows changed. */
    public int execute(String sql) {
        try (Connection connection = DriverManager.getConnection(jdbcUrl, appUser, appPassword)) {
            return connection.createStatement().executeUpdate(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("Statement on " + database + " failed: " + sql, e);
        }
    }
}
