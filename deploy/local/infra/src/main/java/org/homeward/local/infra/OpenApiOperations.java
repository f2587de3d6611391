package org.homeward.local.infra;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The operations under /api/ of a running service's OpenAPI document, each with the media type its body
 * takes (null without one): what the access matrices call, so that an endpoint added to a service is
 * found without anyone listing it.
 */
public final class OpenApiOperations {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> METHODS = Set.of("get", "post", "put", "patch", "delete");

    private OpenApiOperations() {
    }

    /** "GET /api/v1/cases/{id}" to its body's media type ("" when the operation takes no body). */
    public static Map<String, String> of(URI base, HttpClient http) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(base.resolve("/q/openapi?format=json"))
                .header("Accept", "application/json").build(), HttpResponse.BodyHandlers.ofString());
        JsonNode paths = JSON.readTree(response.body()).path("paths");
        Map<String, String> operations = new LinkedHashMap<>();
        for (Iterator<String> it = paths.fieldNames(); it.hasNext(); ) {
            String path = it.next();
            if (!path.startsWith("/api/")) {
                continue;
            }
            for (Iterator<String> methods = paths.path(path).fieldNames(); methods.hasNext(); ) {
                String method = methods.next();
                if (METHODS.contains(method)) {
                    operations.put(method.toUpperCase(Locale.ROOT) + " " + path, contentType(paths.path(path).path(method)));
                }
            }
        }
        return operations;
    }

    /** JSON when the operation takes it, else its first media type; "" without a body. */
    private static String contentType(JsonNode operation) {
        JsonNode content = operation.path("requestBody").path("content");
        if (content.isMissingNode() || content.isEmpty()) {
            return "";
        }
        if (content.has("application/json")) {
            return "application/json";
        }
        return content.fieldNames().next();
    }

    /** A request with the smallest body of the operation's media type: "{}" for JSON, empty otherwise. */
    public static HttpRequest.Builder withSmallestBody(HttpRequest.Builder request, String method, String contentType) {
        if (contentType.isEmpty()) {
            return request.method(method, HttpRequest.BodyPublishers.noBody());
        }
        boolean json = contentType.contains("json");
        request.header("Content-Type", json ? contentType : contentType + "; charset=UTF-8");
        return request.method(method, HttpRequest.BodyPublishers.ofString(json ? "{}" : ""));
    }
}
