package org.homeward.console.services;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.Config;
import org.homeward.console.signin.ConsoleUser;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Calls a service's REST API as the signed-in person: every request carries their own token, so the
 * service's access rules (and its audit of personal-data reads) apply to them exactly as to a partner's
 * program. An error answer becomes a {@link ServiceRefusal} with the service's problem.
 */
@ApplicationScoped
public class ServiceClient {

    private static final Duration TIMEOUT = Duration.ofSeconds(20);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
    private final Map<Service, URI> baseUrls = new EnumMap<>(Service.class);
    private final ObjectMapper json;

    ServiceClient(Config config, ObjectMapper json) {
        this.json = json;
        for (Service service : Service.values()) {
            baseUrls.put(service, URI.create(config.getValue(service.configKey(), String.class).replaceAll("/+$", "")));
        }
    }

    public JsonNode get(Service service, String pathAndQuery, ConsoleUser user) {
        return send(service, "GET", pathAndQuery, null, Map.of(), user);
    }

    /** A read of another representation than JSON (a list as CSV), passed on to the person as it came. */
    public byte[] getBytes(Service service, String pathAndQuery, String accept, ConsoleUser user) {
        HttpResponse<byte[]> response = call(service, request(service, pathAndQuery, user).header("Accept", accept).GET(),
                HttpResponse.BodyHandlers.ofByteArray());
        if (response.statusCode() >= 400) {
            throw refusal(response.statusCode(), read(new String(response.body(), StandardCharsets.UTF_8)));
        }
        return response.body();
    }

    /** A write whose body is not JSON (a manifest or a register import as CSV). */
    public JsonNode sendBytes(Service service, String method, String pathAndQuery, String contentType, byte[] body,
                              Map<String, String> headers, ConsoleUser user) {
        HttpRequest.Builder request = request(service, pathAndQuery, user).header("Content-Type", contentType)
                .header("Accept", "application/json");
        headers.forEach(request::header);
        return exchange(service, request.method(method, HttpRequest.BodyPublishers.ofByteArray(body)));
    }

    /** A write with a JSON body; {@code headers} carry an Idempotency-Key where the API asks for one. */
    public JsonNode send(Service service, String method, String pathAndQuery, Object body, Map<String, String> headers,
                         ConsoleUser user) {
        HttpRequest.Builder request = request(service, pathAndQuery, user).header("Accept", "application/json");
        headers.forEach(request::header);
        if (body == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(write(body)));
        }
        return exchange(service, request);
    }

    private HttpRequest.Builder request(Service service, String pathAndQuery, ConsoleUser user) {
        return HttpRequest.newBuilder(URI.create(baseUrls.get(service) + pathAndQuery))
                .timeout(TIMEOUT)
                .header("Authorization", "Bearer " + user.token());
    }

    private JsonNode exchange(Service service, HttpRequest.Builder request) {
        HttpResponse<String> response = call(service, request, HttpResponse.BodyHandlers.ofString());
        JsonNode answer = read(response.body());
        if (response.statusCode() >= 400) {
            throw refusal(response.statusCode(), answer);
        }
        return answer;
    }

    /** One call; a service that cannot be reached is a refusal (502) the person sees as such. */
    private <T> HttpResponse<T> call(Service service, HttpRequest.Builder request, HttpResponse.BodyHandler<T> body) {
        try {
            return http.send(request.build(), body);
        } catch (IOException e) {
            throw new ServiceRefusal(502, "The " + service.name().toLowerCase() + " service could not be reached", null,
                    List.of());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ServiceRefusal(503, "Interrupted", null, List.of());
        }
    }

    private static ServiceRefusal refusal(int status, JsonNode problem) {
        List<ServiceRefusal.FieldError> errors = new ArrayList<>();
        problem.path("violations").forEach(error -> errors.add(
                new ServiceRefusal.FieldError(error.path("field").asText(), error.path("message").asText())));
        return new ServiceRefusal(status, problem.path("title").asText(""), problem.path("detail").asText(null), errors);
    }

    private JsonNode read(String body) {
        if (body == null || body.isBlank()) {
            return json.createObjectNode();
        }
        try {
            return json.readTree(body);
        } catch (JsonProcessingException e) {
            return json.createObjectNode();
        }
    }

    private String write(Object body) {
        try {
            return json.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Not JSON-serialisable: " + body.getClass(), e);
        }
    }
}
