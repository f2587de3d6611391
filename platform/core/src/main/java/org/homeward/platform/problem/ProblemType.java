package org.homeward.platform.problem;

import jakarta.ws.rs.core.Response.Status;

import java.net.URI;

/**
 * The kinds of error this API answers with. Each has a stable type URI (RFC 9457): clients may branch on
 * it, so a kind is never renamed or repurposed.
 */
public enum ProblemType {
    VALIDATION_FAILED("validation-failed", "The request is not valid", Status.BAD_REQUEST),
    MALFORMED_JSON("malformed-json", "The request body is not well-formed JSON", Status.BAD_REQUEST),
    UNKNOWN_FIELD("unknown-field", "The request body has a field this endpoint does not accept", Status.BAD_REQUEST),
    INVALID_FIELD_TYPE("invalid-field-type", "A field of the request body has the wrong type or format", Status.BAD_REQUEST),
    BAD_REQUEST("bad-request", "The request cannot be processed", Status.BAD_REQUEST),
    UNAUTHENTICATED("unauthenticated", "A valid bearer token is required", Status.UNAUTHORIZED),
    FORBIDDEN("forbidden", "Your role does not allow this action", Status.FORBIDDEN),
    NOT_FOUND("not-found", "No such resource", Status.NOT_FOUND),
    METHOD_NOT_ALLOWED("method-not-allowed", "This method is not allowed here", Status.METHOD_NOT_ALLOWED),
    NOT_ACCEPTABLE("not-acceptable", "No acceptable representation", Status.NOT_ACCEPTABLE),
    CONFLICT("conflict", "The request conflicts with the current state of the resource", Status.CONFLICT),
    IDEMPOTENCY_IN_FLIGHT("idempotency-key-in-flight", "A request with this Idempotency-Key is still being processed", Status.CONFLICT),
    IDEMPOTENCY_MISMATCH("idempotency-key-reused", "This Idempotency-Key was used with a different request body", 422),
    PRECONDITION_FAILED("precondition-failed", "The resource was changed by someone else", Status.PRECONDITION_FAILED),
    PRECONDITION_REQUIRED("precondition-required", "This update needs an If-Match header", 428),
    BODY_TOO_LARGE("body-too-large", "The request body is larger than this endpoint accepts", Status.REQUEST_ENTITY_TOO_LARGE),
    UNSUPPORTED_MEDIA_TYPE("unsupported-media-type", "This endpoint does not accept that content type", Status.UNSUPPORTED_MEDIA_TYPE),
    RULE_VIOLATION("rule-violation", "The request breaks a rule of the domain", 422),
    TOO_MANY_REQUESTS("too-many-requests", "Too many requests of this kind; retry after the time given", 429),
    UNAVAILABLE("unavailable", "A dependency of this service is not reachable now", Status.SERVICE_UNAVAILABLE),
    INTERNAL_ERROR("internal-error", "An unexpected error occurred", Status.INTERNAL_SERVER_ERROR);

    private static final String TYPE_PREFIX = "urn:homeward:problem:";

    private final String slug;
    private final String title;
    private final int status;

    ProblemType(String slug, String title, Status status) {
        this(slug, title, status.getStatusCode());
    }

    ProblemType(String slug, String title, int status) {
        this.slug = slug;
        this.title = title;
        this.status = status;
    }

    public URI type() {
        return URI.create(TYPE_PREFIX + slug);
    }

    public String title() {
        return title;
    }

    public int status() {
        return status;
    }
}
