package org.homeward.local.infra;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/**
 * Hostile requests to every operation of a running service's OpenAPI document, each with a token of a
 * role the operation allows (so that they reach the body and parameter checks): malformed, truncated and
 * deeply nested JSON, wrong types, unknown fields, huge bodies with and without Content-Length, huge
 * arrays, invalid UTF-8, control characters, invalid numbers, dates, enums and ids in the parameters the
 * operation declares; and every operation with expired, forged, unsigned, algorithm-confused, wrong-issuer
 * and wrong-audience tokens. Every answer must be a 4xx problem+json; anything else is a violation.
 */
public final class HostileInput {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final URI base;
    private final HttpClient http = HttpClient.newHttpClient();
    private int sent;

    public HostileInput(URI base) {
        this.base = base;
    }

    public int sent() {
        return sent;
    }

    /**
     * What each service's HostileInputTest asserts: every hostile request refused with a problem (more than
     * 150 of them), and the business tables as they were. Throws an AssertionError naming what failed.
     */
    public static int verify(URI base, javax.sql.DataSource dataSource, Map<String, Set<String>> policy)
            throws Exception {
        Map<String, String> before = DatabaseSnapshot.settled(dataSource);
        HostileInput hostile = new HostileInput(base);
        List<String> violations = hostile.violations(policy);
        if (!violations.isEmpty()) {
            throw new AssertionError(violations.size() + " hostile requests not refused as they should be:\n"
                    + String.join("\n", violations));
        }
        if (hostile.sent() <= 150) {
            throw new AssertionError("Only " + hostile.sent() + " hostile requests were sent");
        }
        List<String> changed = DatabaseSnapshot.differences(before, DatabaseSnapshot.of(dataSource));
        if (!changed.isEmpty()) {
            throw new AssertionError("Refused requests changed tables:\n" + String.join("\n", changed));
        }
        return hostile.sent();
    }

    public List<String> violations(Map<String, Set<String>> policy) throws IOException, InterruptedException {
        JsonNode paths = JSON.readTree(http.send(HttpRequest.newBuilder(base.resolve("/q/openapi?format=json"))
                .header("Accept", "application/json").build(), HttpResponse.BodyHandlers.ofString()).body()).path("paths");
        Map<String, String> badTokens = SharedTestInfrastructure.runningJwtIssuer()
                .hostileTokens("hostile", "org-ua-coordination", "UA", List.copyOf(RoleMatrix.ROLES));
        List<String> violations = new ArrayList<>();
        for (String operation : new RoleMatrix(base).operations()) {
            Set<String> allowed = policy.get(operation);
            if (allowed == null || allowed.isEmpty()) {
                violations.add(operation + ": no policy, no role to send hostile input with");
                continue;
            }
            String method = operation.substring(0, operation.indexOf(' '));
            String path = operation.substring(operation.indexOf(' ') + 1);
            JsonNode spec = paths.path(path).path(method.toLowerCase(Locale.ROOT));
            String token = RoleMatrix.token(new TreeSet<>(allowed).first());
            String concrete = path.replaceAll("\\{[^}]+}", UUID.randomUUID().toString());
            for (Map.Entry<String, String> query : hostileQueries(spec).entrySet()) {
                checkPastAuthorisation(violations, operation + " with " + query.getKey(),
                        send(method, concrete + "?" + query.getValue(), token, null, null, false));
            }
            JsonNode content = spec.path("requestBody").path("content");
            if (content.has("application/json")) {
                for (Map.Entry<String, byte[]> body : hostileBodies().entrySet()) {
                    checkPastAuthorisation(violations, operation + " with " + body.getKey(),
                            send(method, concrete, token, "application/json", body.getValue(), false));
                }
                checkPastAuthorisation(violations, operation + " with a huge body and no Content-Length",
                        send(method, concrete, token, "application/json", huge(), true));
            } else if (!content.isMissingNode() && !content.isEmpty()) {
                String type = content.fieldNames().next() + "; charset=UTF-8";
                checkPastAuthorisation(violations, operation + " with invalid UTF-8",
                        send(method, concrete, token, type, new byte[]{'a', ',', (byte) 0xC3, '\n', 'b'}, false));
            }
            for (Map.Entry<String, String> bad : badTokens.entrySet()) {
                HttpResponse<String> response = send(method, concrete, "Bearer " + bad.getValue(), null, null, false);
                if (response.statusCode() != 401) {
                    violations.add(operation + " with a token " + bad.getKey() + ": " + response.statusCode()
                            + " (expected 401)");
                }
                check(violations, operation + " with a token " + bad.getKey(), response);
            }
        }
        return violations;
    }

    /** One invalid value for each query parameter the operation declares, by the parameter's schema. */
    private static Map<String, String> hostileQueries(JsonNode spec) {
        Map<String, String> queries = new LinkedHashMap<>();
        for (JsonNode parameter : spec.path("parameters")) {
            if (!"query".equals(parameter.path("in").asText())) {
                continue;
            }
            String name = parameter.path("name").asText();
            JsonNode schema = parameter.path("schema");
            String type = schema.path("type").asText();
            String format = schema.path("format").asText();
            if (schema.has("enum")) {
                queries.put(name + " not one of its values", name + "=NOT_A_VALUE");
            } else if (type.equals("integer")) {
                queries.put(name + " negative", name + "=-1");
                queries.put(name + " overflowing", name + "=99999999999999999999");
                queries.put(name + " not a number", name + "=abc");
            } else if (format.equals("date")) {
                queries.put(name + " an impossible date", name + "=2025-02-30");
            } else if (format.equals("uuid")) {
                queries.put(name + " not a UUID", name + "=not-a-uuid");
            }
        }
        return queries;
    }

    private static Map<String, byte[]> hostileBodies() {
        Map<String, byte[]> bodies = new LinkedHashMap<>();
        bodies.put("malformed JSON", utf8("{\"a\": 1,, }"));
        bodies.put("truncated JSON", utf8("{\"reference\": \"IST-2025"));
        bodies.put("deeply nested JSON", utf8("{\"a\": " + "[".repeat(20_000) + "]".repeat(20_000) + "}"));
        bodies.put("an array for an object", utf8("[]"));
        bodies.put("a number for an object", utf8("12"));
        bodies.put("an unknown field", utf8("{\"zzUnknownField\": true}"));
        bodies.put("a huge array", utf8("{\"zzItems\": [" + "0,".repeat(25_000) + "0]}"));
        bodies.put("invalid UTF-8", new byte[]{'{', '"', 'a', '"', ':', '"', (byte) 0xC3, '"', '}'});
        bodies.put("a control character", utf8("{\"zzName\": \"a\\u0000b\u0007\"}"));
        bodies.put("a huge body", huge());
        return bodies;
    }

    private static byte[] huge() {
        return utf8("{\"zzPadding\": \"" + "x".repeat(40 * 1024 * 1024 / 40) + "\"}");
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** A permitted caller's request must be refused for what it carries, not for who sent it. */
    private static void checkPastAuthorisation(List<String> violations, String request, HttpResponse<String> response) {
        if (response.statusCode() == 401 || response.statusCode() == 403) {
            violations.add(request + ": " + response.statusCode() + " (the token of a permitted role did not get past"
                    + " authorisation, so the input was never checked)");
            return;
        }
        check(violations, request, response);
    }

    private static void check(List<String> violations, String request, HttpResponse<String> response) {
        int status = response.statusCode();
        String type = response.headers().firstValue("Content-Type").orElse("");
        if (status < 400 || status >= 500) {
            violations.add(request + ": " + status + " (expected a 4xx)");
        } else if (!type.startsWith("application/problem+json")) {
            violations.add(request + ": " + status + " as " + type + " (expected application/problem+json)");
        }
    }

    private HttpResponse<String> send(String method, String path, String token, String contentType, byte[] body,
                                      boolean chunked) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path))
                .header("Authorization", token).header("Idempotency-Key", "hostile-" + UUID.randomUUID());
        HttpRequest.BodyPublisher publisher = HttpRequest.BodyPublishers.noBody();
        if (body != null) {
            request.header("Content-Type", contentType);
            publisher = chunked ? HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body))
                    : HttpRequest.BodyPublishers.ofByteArray(body);
        }
        sent++;
        return http.send(request.method(method, publisher).build(), HttpResponse.BodyHandlers.ofString());
    }

}
