package org.homeward.platform.problem;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.net.URI;
import java.util.List;

/**
 * An RFC 9457 problem detail. {@code detail} is written by us, never copied from the request, so that no
 * submitted personal data is ever echoed back.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(URI type, String title, int status, String detail, List<Violation> violations) {

    public static final String MEDIA_TYPE = "application/problem+json";
    public static final MediaType JSON = MediaType.valueOf(MEDIA_TYPE);

    /** One field-level reason a request is invalid; {@code field} is a JSON path such as {@code parties[1].code}. */
    public record Violation(String field, String message) {
    }

    public static Problem of(ProblemType kind, String detail) {
        return new Problem(kind.type(), kind.title(), kind.status(), detail, List.of());
    }

    public static Problem of(ProblemType kind, String detail, List<Violation> violations) {
        return new Problem(kind.type(), kind.title(), kind.status(), detail, violations);
    }

    public Response toResponse() {
        Response.ResponseBuilder response = Response.status(status).type(JSON).entity(this);
        if (status == Response.Status.UNAUTHORIZED.getStatusCode()) {
            response.header("WWW-Authenticate", "Bearer");
        }
        return response.build();
    }
}
