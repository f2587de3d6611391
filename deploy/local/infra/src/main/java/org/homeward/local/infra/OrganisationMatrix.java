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
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The organisation layer of every operation of a running service's OpenAPI document, the layer the
 * {@link RoleMatrix} leaves out: real resources of one agreement (or of one owner) called with a token of
 * each organisation-bound role from an organisation inside it and from one outside it, against a rule per
 * operation written by hand. An operation without a rule is a violation, so a new endpoint cannot be
 * forgotten.
 *
 * <p>What counts as a leak: an outsider's answer that carries any of the resources' ids it did not send
 * (a response may echo the request, nothing more; names and other text are not looked for); an outsider
 * reading or changing a resource (any 2xx); and an outsider told an existing resource from a missing one (a
 * status other than the one the same call gets for a random id, and for figures the same body too), which
 * would let it probe for what it may not see. Insiders must see what the rule says they see, so that the
 * outsiders' refusals are known to be about the organisation, not a wrong id. Writes are called by outsiders
 * only: an insider's would change the story. A write whose body is refused (400, 422) before the resource
 * is looked up proves only that nothing leaked and nothing changed, not that scoping would refuse a valid
 * one: {@link #validatedFirst()} lists them, and rules give a valid body where it matters.
 *
 * <p>Roles with no organisation scope by design (auditor, operator, observer: DESIGN.md 6) are the role
 * matrix's business only.
 */
public final class OrganisationMatrix {

    private static final Pattern PARAMETER = Pattern.compile("([^/?&=<]+)/\\{([^}]+)}|<([^>]+)>");
    private static final Pattern UUID_TEXT = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    /** What an operation does with the resources of the agreement or owner. */
    public enum Kind { READ, FILTERED, LIST, WRITE, NOT_SCOPED }

    /**
     * @param insiders the roles whose insiders must get a 2xx (READ, FILTERED, LIST)
     * @param query    appended to the path; {@code <key>} stands for the fixture of that key
     * @param listed   the fixture key an insider's LIST must contain
     * @param body     the JSON body of a WRITE (else the smallest body of its media type)
     */
    public record Rule(Kind kind, Set<String> insiders, String query, String listed, String body) {
        /** A GET of one resource: an insider of each role sees it; an outsider cannot tell it exists. */
        public static Rule read(String... insiders) {
            return new Rule(Kind.READ, Set.of(insiders), "", null, null);
        }

        /**
         * Figures about the resource named in the query (counts, totals): an insider of each role gets them;
         * an outsider gets exactly what it would get for a resource that does not exist.
         */
        public static Rule filtered(String query, String... insiders) {
            return new Rule(Kind.FILTERED, Set.of(insiders), query, null, null);
        }

        /** A collection: an insider of the role finds the fixture in it; an outsider's never shows it. */
        public static Rule list(String insider, String query, String listed) {
            return new Rule(Kind.LIST, Set.of(insider), query, listed, null);
        }

        /** A change to a resource: an outsider is refused exactly as for a missing one. */
        public static Rule write() {
            return new Rule(Kind.WRITE, Set.of(), "", null, null);
        }

        /**
         * A change with a valid JSON body, so that the outsider's refusal is about the resource, not about
         * a body refused before the resource is looked up.
         */
        public static Rule write(String validBody) {
            return new Rule(Kind.WRITE, Set.of(), "", null, validBody);
        }

        /** Not about an agreement's or owner's resources (creation, calculators, operations); still no leak. */
        public static Rule notScoped() {
            return new Rule(Kind.NOT_SCOPED, Set.of(), "", null, null);
        }
    }

    /** The platform library's operations: audit and operations, neither scoped by organisation. */
    public static Map<String, Rule> withPlatform(Map<String, Rule> serviceRules) {
        Map<String, Rule> all = new java.util.HashMap<>(serviceRules);
        RoleMatrix.PLATFORM_POLICY.keySet().forEach(operation -> all.put(operation, Rule.notScoped()));
        return all;
    }

    /** A role's token from an organisation inside the agreement (or the owner) and from one outside. */
    public record Caller(String role, String inside, String outside) {
    }

    private final URI base;
    private final Map<String, String> fixtures;
    private final List<Caller> callers;
    private final HttpClient http = HttpClient.newHttpClient();
    private final Set<String> validatedFirst = new java.util.TreeSet<>();
    private int calls;

    /**
     * @param fixtures a real id for each path parameter, keyed by the segment before it and the parameter,
     *                 e.g. {@code "cases/{id}"}, and values for query placeholders; every id among them is also
     *                 a marker no outsider may be told
     */
    public OrganisationMatrix(URI base, Map<String, String> fixtures, List<Caller> callers) {
        this.base = base;
        this.fixtures = fixtures;
        this.callers = callers;
    }

    public int calls() {
        return calls;
    }

    /** Writes whose outsider call was refused by validation, for the real and the missing resource alike. */
    public Set<String> validatedFirst() {
        return validatedFirst;
    }

    /** Every disagreement between the service and the rules; empty when they agree. */
    public List<String> violations(Map<String, Rule> rules) throws IOException, InterruptedException {
        List<String> violations = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (Map.Entry<String, String> operationAndBody : OpenApiOperations.of(base, http).entrySet()) {
            String operation = operationAndBody.getKey();
            seen.add(operation);
            Rule rule = rules.get(operation);
            if (rule == null) {
                violations.add(operation + ": no organisation rule written for it");
                continue;
            }
            check(operation, operationAndBody.getValue(), rule, violations);
        }
        rules.keySet().stream().filter(operation -> !seen.contains(operation))
                .forEach(operation -> violations.add(operation + ": has a rule, not in the OpenAPI document"));
        return violations;
    }

    private void check(String operation, String contentType, Rule rule, List<String> violations)
            throws IOException, InterruptedException {
        String method = operation.substring(0, operation.indexOf(' '));
        String template = operation.substring(operation.indexOf(' ') + 1) + rule.query();
        boolean scoped = rule.kind() != Kind.NOT_SCOPED;
        String random = UUID.randomUUID().toString();
        String real = resolve(template, scoped, null, violations, operation);
        if (real == null) {
            return;
        }
        String missing = resolve(template, scoped, random, violations, operation);
        boolean probed = rule.kind() == Kind.READ || rule.kind() == Kind.WRITE || rule.kind() == Kind.FILTERED;
        for (Caller caller : callers) {
            Answer outsider = call(method, real, contentType, rule.body(), caller.outside());
            leaks(outsider, real).forEach(id -> violations.add(operation + " as an outside " + caller.role()
                    + ": the answer carries " + id));
            if (probed) {
                if (outsider.status() / 100 == 2 && rule.kind() != Kind.FILTERED) {
                    violations.add(operation + " as an outside " + caller.role() + ": " + outsider.status());
                }
                Answer probe = call(method, missing, contentType, rule.body(), caller.outside());
                if (rule.kind() == Kind.WRITE && (outsider.status() == 400 || outsider.status() == 422)
                        && probe.status() == outsider.status()) {
                    validatedFirst.add(operation);
                }
                if (probe.status() != outsider.status()) {
                    violations.add(operation + " as an outside " + caller.role() + ": " + outsider.status()
                            + " for the real resource, " + probe.status() + " for a missing one");
                } else if (rule.kind() == Kind.FILTERED && !withoutIds(outsider.body(), real).equals(withoutIds(probe.body(), missing))) {
                    violations.add(operation + " as an outside " + caller.role() + ": figures differ from a missing resource's");
                }
            }
            if (rule.insiders().contains(caller.role())) {
                Answer insider = call(method, real, contentType, rule.body(), caller.inside());
                if (insider.status() / 100 != 2) {
                    violations.add(operation + " as an inside " + caller.role() + ": " + insider.status()
                            + " (the rule says it sees the resource)");
                } else if (rule.kind() == Kind.LIST && !insider.body().contains(fixtures.get(rule.listed()))) {
                    violations.add(operation + " as an inside " + caller.role() + ": " + rule.listed() + " not listed");
                }
            }
        }
        rule.insiders().stream().filter(role -> callers.stream().noneMatch(caller -> caller.role().equals(role)))
                .forEach(role -> violations.add(operation + ": the rule's insider role " + role + " has no caller"));
    }

    /** An answer with the ids its request named taken out, to compare it with another request's. */
    private static String withoutIds(String body, String request) {
        String result = body;
        Matcher ids = UUID_TEXT.matcher(request);
        while (ids.find()) {
            result = result.replace(ids.group(), "<id>");
        }
        return result;
    }

    /** The fixture ids an answer carries that its request did not (ids only: short values are not markers). */
    private List<String> leaks(Answer answer, String request) {
        return fixtures.entrySet().stream()
                .filter(fixture -> UUID_TEXT.matcher(fixture.getValue()).matches())
                .filter(fixture -> !request.contains(fixture.getValue()) && answer.body().contains(fixture.getValue()))
                .map(Map.Entry::getKey).toList();
    }

    /**
     * The path and query with the fixtures filled in: each {@code segment/{parameter}} by the fixture of that
     * key, each {@code <key>} of the query likewise. For the probe ({@code random} given), the first one (the
     * resource the rest hang from) is replaced by the random id. Operations not scoped get random ids where
     * no fixture is given.
     */
    private String resolve(String template, boolean scoped, String random, List<String> violations, String operation) {
        Matcher parameters = PARAMETER.matcher(template);
        StringBuilder path = new StringBuilder();
        boolean first = true;
        while (parameters.find()) {
            String key = parameters.group(1) != null ? parameters.group(1) + "/{" + parameters.group(2) + "}" : parameters.group(3);
            String value = fixtures.get(key);
            if (value == null && scoped) {
                violations.add(operation + ": no fixture for " + key);
                return null;
            }
            if (value == null) {
                value = UUID.randomUUID().toString();
            } else if (random != null && first) {
                value = random;
            }
            first = false;
            String prefix = parameters.group(1) != null ? parameters.group(1) + "/" : "";
            parameters.appendReplacement(path, Matcher.quoteReplacement(prefix + value));
        }
        parameters.appendTail(path);
        return path.toString();
    }

    private record Answer(int status, String body) {
    }

    private Answer call(String method, String path, String contentType, String body, String token)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path))
                .header("Authorization", token)
                .header("Idempotency-Key", "organisation-matrix-" + UUID.randomUUID());
        if (body != null) {
            request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(body));
        } else {
            OpenApiOperations.withSmallestBody(request, method, contentType);
        }
        calls++;
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        return new Answer(response.statusCode(), response.body());
    }
}
