package org.homeward.identification.benchmark;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * The floor of an audited read in this service for {@link CaseReadBenchmark}: {@code GET /bench/cases/{id}}
 * verifies the bearer token with the service's own JWT settings, reads the case row and writes an audit row
 * in one transaction with plain JDBC, and answers the row as JSON; no JAX-RS, no ORM, no scoping or
 * field rules. Only in the benchmark's profile ({@code homeward.benchmark.bare-read=true}).
 */
@ApplicationScoped
public class BareCaseReadRoute {

    static final String PATH = "/bench/cases/";
    /** The purpose its audit rows declare, which tells them from the API's. */
    static final String PURPOSE = "benchmark floor";
    private static final ObjectMapper JSON = new ObjectMapper();

    void register(@Observes Router router, JWTParser tokens, AgroalDataSource database,
                  @ConfigProperty(name = "homeward.benchmark.bare-read", defaultValue = "false") boolean enabled) {
        if (enabled) {
            router.get(PATH + ":id").blockingHandler(context -> read(context, tokens, database), false);
        }
    }

    private static void read(RoutingContext context, JWTParser tokens, AgroalDataSource database) {
        String authorization = context.request().getHeader("Authorization");
        JsonWebToken token;
        try {
            token = tokens.parse(authorization == null ? "" : authorization.replaceFirst("^Bearer ", ""));
        } catch (ParseException refused) {
            context.response().setStatusCode(401).end();
            return;
        }
        if (!token.getGroups().contains("coordinator")) {
            context.response().setStatusCode(403).end();
            return;
        }
        try (Connection connection = database.getConnection()) {
            connection.setAutoCommit(false);
            Map<String, Object> row = new LinkedHashMap<>();
            try (PreparedStatement select = connection.prepareStatement("SELECT * FROM remains_case WHERE id = ?")) {
                select.setObject(1, UUID.fromString(context.pathParam("id")));
                try (ResultSet rows = select.executeQuery()) {
                    if (rows.next()) {
                        ResultSetMetaData columns = rows.getMetaData();
                        for (int c = 1; c <= columns.getColumnCount(); c++) {
                            Object value = rows.getObject(c);
                            row.put(columns.getColumnName(c), value == null ? null : value.toString());
                        }
                    }
                }
            }
            if (row.isEmpty()) {
                connection.rollback();
                context.response().setStatusCode(404).end();
                return;
            }
            try (PreparedStatement audit = connection.prepareStatement("INSERT INTO audit_log (occurred_at, actor_subject,"
                    + " actor_organisation, actor_party, action, resource_type, resource_id, purpose)"
                    + " VALUES (now(), ?, ?, ?, 'case.read', 'remains_case', ?, '" + PURPOSE + "')")) {
                audit.setString(1, token.getSubject());
                audit.setString(2, token.getClaim("org"));
                audit.setString(3, token.getClaim("party"));
                audit.setString(4, context.pathParam("id"));
                audit.executeUpdate();
            }
            connection.commit();
            context.response().putHeader("Content-Type", "application/json").end(JSON.writeValueAsString(row));
        } catch (Exception e) {
            context.fail(e);
        }
    }
}
