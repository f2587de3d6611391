package org.homeward.console.pages;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.WebApplicationException;
import io.vertx.core.http.HttpServerRequest;
import org.jboss.logging.Logger;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.homeward.console.services.ServiceRefusal;
import org.homeward.console.signin.NotSignedIn;
import org.homeward.console.signin.SignInMode;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.net.URI;
import java.util.List;
import java.util.UUID;

/**
 * What a person sees when a service says no: the service's own status (a case outside one's scope is "not
 * found" here as in the API) and its problem's title, detail and field errors, never a stack trace.
 */
public class RefusalPages {

    public enum Kind { NOT_FOUND, FORBIDDEN, REFUSED, UNAVAILABLE, FAILED }

    private static final Logger LOG = Logger.getLogger(RefusalPages.class);

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance refusal(Kind kind, String title, String detail, List<ServiceRefusal.FieldError> errors);

        /** For requests no page answers (a mistyped address, a favicon): outside the pages, so without their forms. */
        static native TemplateInstance missing(int status);

        /** A form without its CSRF token, or with one that expired: outside the pages, so without their forms. */
        static native TemplateInstance formExpired();
    }

    private final Pages pages;
    private final SignInMode mode;
    private final HttpServerRequest request;

    RefusalPages(Pages pages, SignInMode mode, HttpServerRequest request) {
        this.pages = pages;
        this.mode = mode;
        this.request = request;
    }

    @ServerExceptionMapper
    public Response refused(ServiceRefusal refusal) {
        if (refusal.status() == 401) {
            // The token ended before the session did: sign in again.
            return notSignedIn(new NotSignedIn());
        }
        Kind kind = switch (refusal.status()) {
            case 404 -> Kind.NOT_FOUND;
            case 403 -> Kind.FORBIDDEN;
            case 502, 503, 504 -> Kind.UNAVAILABLE;
            default -> Kind.REFUSED;
        };
        return page(refusal.status(), kind, refusal.title(), refusal.detail(), refusal.errors());
    }

    /** No page at this address (or a request this console cannot take): its status, and no more. */
    @ServerExceptionMapper
    public Response unsupported(WebApplicationException e) {
        int status = e.getResponse().getStatus();
        return Response.status(status).type(MediaType.TEXT_HTML_TYPE).entity(pages.localised(Templates.missing(status)))
                .build();
    }

    /** The console's own fault: logged with an id, shown as that id only. */
    @ServerExceptionMapper
    public Response failed(RuntimeException e) {
        String id = UUID.randomUUID().toString();
        LOG.errorf(e, "Page failed (error %s)", id);
        return page(500, Kind.FAILED, id, null, List.of());
    }

    @ServerExceptionMapper
    public Response notSignedIn(NotSignedIn e) {
        if (mode.local()) {
            if (fromHtmx()) {
                // A partial update cannot show a sign-in page in a table: the whole page goes there.
                return Response.ok().header("HX-Redirect", "/sign-in").build();
            }
            return Response.seeOther(URI.create("/sign-in")).build();
        }
        return page(401, Kind.FORBIDDEN, null, null, List.of());
    }

    /**
     * The refusal as a whole page; for a partial update (htmx), its main part replaces the page's main part
     * rather than the table the update was for (htmx-config in the layout swaps error answers).
     */
    private Response page(int status, Kind kind, String title, String detail, List<ServiceRefusal.FieldError> errors) {
        Response.ResponseBuilder answer = Response.status(status).type(MediaType.TEXT_HTML_TYPE)
                .entity(pages.localised(Templates.refusal(kind, title, detail, errors)));
        if (fromHtmx()) {
            answer.header("HX-Retarget", "main").header("HX-Reselect", "main").header("HX-Reswap", "outerHTML")
                    .header("HX-Push-Url", "false");
        }
        return answer.build();
    }

    private boolean fromHtmx() {
        return "true".equals(request.getHeader("HX-Request"));
    }
}
