package org.homeward.local.infra;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Every operation of a running service's OpenAPI document, called without a token and with a token of
 * every role, against a policy written by hand: which roles may call it. A role outside the policy must get
 * 403, none 401; a role inside must get past authorisation (anything but 401, 403 and 5xx: a random id is
 * a 404, an empty body a 400). An operation the policy does not name is a violation, so a new endpoint
 * cannot be forgotten; a policy entry no operation has is one too. Scoping by organisation and party is
 * each service's own access tests' business; this is the role layer, complete.
 */
public final class RoleMatrix {

    public static final List<String> ROLES = List.of("coordinator", "mediator", "intermediary", "forensic-examiner",
            "subscriber-admin", "auditor", "operator", "observer");

    /** The platform library's own operations, the same in every service: audit for auditors, ops for operators. */
    public static final Map<String, Set<String>> PLATFORM_POLICY = Map.ofEntries(
            Map.entry("GET /api/v1/audit", Set.of("auditor")),
            Map.entry("GET /api/v1/audit/export", Set.of("auditor")),
            Map.entry("GET /api/v1/audit/verification", Set.of("auditor")),
            Map.entry("GET /api/v1/audit/anchors", Set.of("auditor")),
            Map.entry("GET /api/v1/ops/dead-letters", Set.of("operator")),
            Map.entry("POST /api/v1/ops/dead-letters/{id}/redrive", Set.of("operator")),
            Map.entry("POST /api/v1/ops/dead-letters/{id}/discard", Set.of("operator")),
            Map.entry("GET /api/v1/ops/outbox/parked", Set.of("operator")),
            Map.entry("POST /api/v1/ops/outbox/parked/{id}/republish", Set.of("operator")),
            Map.entry("GET /api/v1/ops/read-models", Set.of("operator")),
            Map.entry("POST /api/v1/ops/read-models/{consumer}/rebuild", Set.of("operator")));

    private final URI base;
    private final HttpClient http = HttpClient.newHttpClient();
    private int calls;

    public RoleMatrix(URI base) {
        this.base = base;
    }

    /** "GET /api/v1/cases/{id}" for each operation under /api/ of the service's OpenAPI document. */
    public List<String> operations() throws IOException, InterruptedException {
        return new ArrayList<>(OpenApiOperations.of(base, http).keySet());
    }

    /** The service's own policy and the platform's. */
    public static Map<String, Set<String>> withPlatform(Map<String, Set<String>> servicePolicy) {
        Map<String, Set<String>> all = new java.util.HashMap<>(PLATFORM_POLICY);
        all.putAll(servicePolicy);
        return all;
    }

    /** Every disagreement between the service and the policy; empty when they agree. */
    public List<String> violations(Map<String, Set<String>> policy) throws IOException, InterruptedException {
        List<String> violations = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (Map.Entry<String, String> operationAndBody : OpenApiOperations.of(base, http).entrySet()) {
            String operation = operationAndBody.getKey();
            seen.add(operation);
            Set<String> allowed = policy.get(operation);
            if (allowed == null) {
                violations.add(operation + ": no policy written for it");
                continue;
            }
            String method = operation.substring(0, operation.indexOf(' '));
            String path = operation.substring(operation.indexOf(' ') + 1);
            String contentType = operationAndBody.getValue();
            int anonymous = call(method, path, contentType, null);
            if (anonymous != 401) {
                violations.add(operation + " without a token: " + anonymous + " (expected 401)");
            }
            for (String role : ROLES) {
                int status = call(method, path, contentType, token(role));
                boolean permitted = allowed.contains(role);
                if (permitted && (status == 401 || status == 403 || status >= 500)) {
                    violations.add(operation + " as " + role + ": " + status + " (the policy allows the role)");
                } else if (!permitted && status != 403) {
                    violations.add(operation + " as " + role + ": " + status + " (expected 403)");
                }
            }
        }
        for (String operation : policy.keySet()) {
            if (!seen.contains(operation)) {
                violations.add(operation + ": in the policy, not in the OpenAPI document");
            }
        }
        return violations;
    }

    public int calls() {
        return calls;
    }

    /**
     * What each service's RoleMatrixTest asserts: the service and the policy agree on every operation, and
     * every operation was called without a token and with each role. Throws an AssertionError naming what failed.
     */
    public static void verify(URI base, Map<String, Set<String>> policy) throws IOException, InterruptedException {
        RoleMatrix matrix = new RoleMatrix(base);
        List<String> violations = matrix.violations(policy);
        if (!violations.isEmpty()) {
            throw new AssertionError(violations.size() + " disagreements with the policy:\n" + String.join("\n", violations));
        }
        if (matrix.calls() != policy.size() * (ROLES.size() + 1)) {
            throw new AssertionError(matrix.calls() + " calls for " + policy.size() + " operations");
        }
    }

    private int call(String method, String path, String contentType, String token) throws IOException, InterruptedException {
        String concrete = path.replaceAll("\\{[^}]+}", UUID.randomUUID().toString());
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(concrete))
                .header("Idempotency-Key", "role-matrix-" + UUID.randomUUID());
        if (token != null) {
            request.header("Authorization", token);
        }
        calls++;
        return http.send(OpenApiOperations.withSmallestBody(request, method, contentType).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    /** A token of the role, for an organisation of party UA where the role has one. */
    static String token(String role) {
        return switch (role) {
            case "coordinator" -> TestTokens.bearerOf("matrix-coordinator", "org-ua-coordination", "UA", role);
            case "forensic-examiner" -> TestTokens.bearerOf("matrix-examiner", "lab-ua-kyiv", "UA", role);
            default -> TestTokens.bearerOf("matrix-" + role, "org-matrix-" + role, null, role);
        };
    }
}
