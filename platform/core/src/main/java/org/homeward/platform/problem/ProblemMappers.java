package org.homeward.platform.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.persistence.OptimisticLockException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.NotAcceptableException;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import org.homeward.platform.domain.InvalidTransition;
import org.homeward.platform.domain.RuleViolation;
import org.homeward.platform.json.StrictJson;
import org.homeward.platform.logging.SafeFailure;
import org.homeward.platform.persistence.LostRace;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Turns every failure into an RFC 9457 problem. Details are composed here from field names and rule
 * messages only: submitted values (possibly personal data) are never echoed, and stack traces never leave
 * the service.
 */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public Response problem(ProblemException e) {
        Response response = e.problem().toResponse();
        if (e.retryAfter() == null) {
            return response;
        }
        long seconds = Math.max(1, (e.retryAfter().toMillis() + 999) / 1000);
        return Response.fromResponse(response).header("Retry-After", String.valueOf(seconds)).build();
    }

    @ServerExceptionMapper
    public Response validation(ConstraintViolationException e) {
        List<Problem.Violation> violations = e.getConstraintViolations().stream()
                .map(v -> new Problem.Violation(fieldOf(v), v.getMessage()))
                .sorted(Comparator.comparing(Problem.Violation::field))
                .collect(Collectors.toList());
        return Problem.of(ProblemType.VALIDATION_FAILED, violations.size() + " field(s) are invalid", violations)
                .toResponse();
    }

    @ServerExceptionMapper
    public Response rule(RuleViolation e) {
        List<Problem.Violation> violations = e.field() == null
                ? List.of() : List.of(new Problem.Violation(e.field(), e.getMessage()));
        return Problem.of(ProblemType.RULE_VIOLATION, e.getMessage(), violations).toResponse();
    }

    @ServerExceptionMapper
    public Response transition(InvalidTransition e) {
        return Problem.of(ProblemType.CONFLICT, e.getMessage()).toResponse();
    }

    @ServerExceptionMapper
    public Response optimisticLock(OptimisticLockException e) {
        return Problem.of(ProblemType.PRECONDITION_FAILED,
                "The resource changed since you read it; fetch it again and retry").toResponse();
    }

    @ServerExceptionMapper
    public Response unknownField(UnrecognizedPropertyException e) {
        return typeProblem(e);
    }

    @ServerExceptionMapper
    public Response wrongType(InvalidFormatException e) {
        return typeProblem(e);
    }

    @ServerExceptionMapper
    public Response mismatchedInput(MismatchedInputException e) {
        return typeProblem(e);
    }

    @ServerExceptionMapper
    public Response mapping(JsonMappingException e) {
        return typeProblem(e);
    }

    @ServerExceptionMapper
    public Response malformed(JsonProcessingException e) {
        if (StrictJson.isDuplicateKey(e)) {
            return Problem.of(ProblemType.MALFORMED_JSON, "A key appears twice in one JSON object").toResponse();
        }
        return Problem.of(ProblemType.MALFORMED_JSON, "The body could not be parsed as JSON").toResponse();
    }

    @ServerExceptionMapper
    public Response unauthenticated(UnauthorizedException e) {
        return Problem.of(ProblemType.UNAUTHENTICATED, "Send a valid bearer token").toResponse();
    }

    @ServerExceptionMapper
    public Response authenticationFailed(AuthenticationFailedException e) {
        return Problem.of(ProblemType.UNAUTHENTICATED, "The bearer token is missing, expired or not trusted")
                .toResponse();
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e) {
        return Problem.of(ProblemType.FORBIDDEN, "Your roles do not include one this action requires").toResponse();
    }

    @ServerExceptionMapper
    public Response notFound(NotFoundException e) {
        // JAX-RS answers a path or query parameter it cannot convert with a 404 carrying the cause;
        // that is bad input, not a missing resource.
        if (e.getCause() != null) {
            return Problem.of(ProblemType.BAD_REQUEST, "A path or query parameter is not in its expected form"
                    + " (a UUID, a date YYYY-MM-DD, an instant, a number or one of the listed values)").toResponse();
        }
        return Problem.of(ProblemType.NOT_FOUND, "No resource at this address").toResponse();
    }

    @ServerExceptionMapper
    public Response notAllowed(NotAllowedException e) {
        return Problem.of(ProblemType.METHOD_NOT_ALLOWED, "This method is not allowed on this resource").toResponse();
    }

    @ServerExceptionMapper
    public Response notSupported(NotSupportedException e) {
        return Problem.of(ProblemType.UNSUPPORTED_MEDIA_TYPE, "Send the body as application/json").toResponse();
    }

    @ServerExceptionMapper
    public Response notAcceptable(NotAcceptableException e) {
        return Problem.of(ProblemType.NOT_ACCEPTABLE, "This resource is served as JSON").toResponse();
    }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e) {
        int status = e.getResponse().getStatus();
        if (status >= 500) {
            return unexpected(e);
        }
        if (status == Response.Status.REQUEST_ENTITY_TOO_LARGE.getStatusCode()) {
            return Problem.of(ProblemType.BODY_TOO_LARGE, "The body exceeds this endpoint's limit").toResponse();
        }
        if (e.getCause() instanceof JsonProcessingException json) {
            return jsonProblem(json);
        }
        return new Problem(ProblemType.BAD_REQUEST.type(), ProblemType.BAD_REQUEST.title(), status,
                "The request cannot be processed", List.of()).toResponse();
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e) {
        if (e.getCause() instanceof JsonProcessingException json) {
            return jsonProblem(json);
        }
        if (LostRace.of(e)) {
            // A deadlock, a serialization failure, a lock not had in time or a lost connection: nothing was
            // committed, and the same request may pass in a moment. Not a 500: the client is told to retry.
            LOG.warnf("A request lost a race with another transaction: %s", SafeFailure.describe(e));
            return Response.fromResponse(Problem.of(ProblemType.UNAVAILABLE, "Another change held what this request"
                            + " needed; nothing was changed. Retry after the time given").toResponse())
                    .header("Retry-After", "1").build();
        }
        // The error id lets an operator find the failure in the log without exposing it to the caller; the
        // log gets classes and frames only, since messages may quote submitted personal data.
        String errorId = UUID.randomUUID().toString();
        LOG.errorf("Unexpected error %s: %s", errorId, SafeFailure.describe(e));
        return Problem.of(ProblemType.INTERNAL_ERROR, "Error id " + errorId + "; an operator can look it up")
                .toResponse();
    }

    /** The body reader may wrap Jackson's exception; answer it as if it had arrived unwrapped. */
    private Response jsonProblem(JsonProcessingException e) {
        return e instanceof JsonMappingException mapping ? typeProblem(mapping) : malformed(e);
    }

    private static Response typeProblem(JsonMappingException e) {
        if (e instanceof UnrecognizedPropertyException unknown) {
            String field = pathOf(unknown);
            return Problem.of(ProblemType.UNKNOWN_FIELD, "Field '" + field + "' is not accepted by this endpoint",
                    List.of(new Problem.Violation(field, "unknown field"))).toResponse();
        }
        String field = pathOf(e);
        if (field.isEmpty()) {
            return Problem.of(ProblemType.MALFORMED_JSON, "The body does not have the expected JSON structure")
                    .toResponse();
        }
        return Problem.of(ProblemType.INVALID_FIELD_TYPE, "Field '" + field + "' has the wrong type or format",
                List.of(new Problem.Violation(field, "wrong type or format"))).toResponse();
    }

    private static String pathOf(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference reference : e.getPath()) {
            if (reference.getFieldName() != null) {
                if (path.length() > 0) {
                    path.append('.');
                }
                path.append(reference.getFieldName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    /** "create.request.parties[0].code" from method validation becomes "parties[0].code". */
    private static String fieldOf(ConstraintViolation<?> violation) {
        String path = violation.getPropertyPath().toString();
        String[] parts = path.split("\\.", 3);
        return parts.length == 3 ? parts[2] : parts.length == 2 ? parts[1] : path;
    }
}
