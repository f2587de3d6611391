package org.homeward.local.launcher.story;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.homeward.local.infra.JwtIssuer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The four services' public APIs as a partner calls them: over HTTP, with a bearer token minted by the
 * local issuer, nothing else. The story and the end-to-end tests use it; it knows no service internals.
 */
public final class HomewardApi {

    /** An answer: its status and body. */
    public record Answer(int status, String body) {

        public JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new IllegalStateException("Not JSON (" + status + "): " + abbreviated(body), e);
            }
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final Map<String, String> baseUrls;
    private final JwtIssuer issuer;

    /** {@code baseUrls}: service name (agreement, transfer, identification, notification) to its base URL. */
    public HomewardApi(Map<String, String> baseUrls, JwtIssuer issuer) {
        this.baseUrls = Map.copyOf(baseUrls);
        this.issuer = issuer;
    }

    public static ObjectMapper json() {
        return JSON;
    }

    /** A token of {@code organisation} acting for {@code party} (null for neutral organisations). */
    public String token(String subject, String organisation, String party, String... roles) {
        return issuer.mint(subject, organisation, party, List.of(roles), Duration.ofHours(2));
    }

    public Answer send(String service, String method, String path, String token, String contentType, String body,
                       Map<String, String> headers) {
        String base = baseUrls.get(service);
        if (base == null) {
            throw new IllegalArgumentException("No service " + service);
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .timeout(Duration.ofSeconds(60))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (body != null) {
            request.header("Content-Type", contentType);
        }
        headers.forEach(request::header);
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(method + " " + path + " on " + service + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted", e);
        }
    }

    public Answer get(String service, String path, String token) {
        return send(service, "GET", path, token, null, null, Map.of());
    }

    /** GET that must answer 200; its JSON body. */
    public JsonNode read(String service, String path, String token) {
        return expect(200, get(service, path, token), "GET " + path);
    }

    /** A JSON write that must answer {@code status}; its JSON body (null when empty). */
    public JsonNode write(int status, String service, String method, String path, String token, Object body) {
        return write(status, service, method, path, token, body, Map.of());
    }

    public JsonNode write(int status, String service, String method, String path, String token, Object body,
                          Map<String, String> headers) {
        String text;
        try {
            text = body instanceof String s ? s : JSON.writeValueAsString(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return expect(status, send(service, method, path, token, "application/json", text, headers), method + " " + path);
    }

    private static JsonNode expect(int status, Answer answer, String what) {
        if (answer.status() != status) {
            throw new IllegalStateException(what + " answered " + answer.status() + " (expected " + status + "): "
                    + abbreviated(answer.body()));
        }
        return answer.body().isEmpty() ? null : answer.json();
    }

    private static String abbreviated(String body) {
        return body.length() > 600 ? body.substring(0, 600) + "..." : body;
    }
}
