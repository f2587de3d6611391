package org.homeward.platform.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.homeward.platform.problem.Problem;
import org.homeward.platform.problem.ProblemType;

/**
 * Rejects a body whose declared Content-Length is over the endpoint's limit at the HTTP layer, before it is
 * read, with the same problem+json as every other error (JAX-RS exception mappers never see these
 * requests). Also turns the platform's own 413 (quarkus.http.limits.max-body-size, which Vert.x enforces on
 * chunked bodies too) into a problem. A chunked body under the platform limit is counted against the
 * endpoint's limit by {@link ChunkedBodyLimit}.
 */
@ApplicationScoped
public class BodySizeLimitFilter {

    private final BodySizeLimits limits;
    private final ObjectMapper json;

    public BodySizeLimitFilter(BodySizeLimits limits, ObjectMapper json) {
        this.limits = limits;
        this.json = json;
    }

    void register(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).handler(this::checkDeclaredLength);
        router.route().order(Integer.MIN_VALUE).failureHandler(this::problemForPlatformRejection);
    }

    private void checkDeclaredLength(RoutingContext context) {
        String declared = context.request().getHeader(HttpHeaders.CONTENT_LENGTH);
        if (declared != null) {
            long length;
            try {
                length = Long.parseLong(declared.trim());
            } catch (NumberFormatException e) {
                length = -1;
            }
            long limit = limits.limitFor(context.request().path());
            if (length < 0 || length > limit) {
                respondTooLarge(context, length < 0
                        ? "The Content-Length header is not a number"
                        : "This endpoint accepts at most " + limit + " bytes");
                return;
            }
        }
        context.next();
    }

    private void problemForPlatformRejection(RoutingContext context) {
        if (context.statusCode() == 413 && !context.response().headWritten()) {
            respondTooLarge(context, "The body exceeds this service's limit");
        } else {
            context.next();
        }
    }

    private void respondTooLarge(RoutingContext context, String detail) {
        try {
            byte[] body = json.writeValueAsBytes(Problem.of(ProblemType.BODY_TOO_LARGE, detail));
            context.response()
                    .setStatusCode(413)
                    .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                    .putHeader(HttpHeaders.CONNECTION, "close")
                    .end(io.vertx.core.buffer.Buffer.buffer(body));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            context.response().setStatusCode(413).end();
        }
    }
}
