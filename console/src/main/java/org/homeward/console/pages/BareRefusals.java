package org.homeward.console.pages;

import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.MediaType;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * A form refused before any page saw it (quarkus-rest-csrf answers a missing or stale token with a bare 400)
 * becomes a page that says so, instead of a blank one.
 */
public class BareRefusals {

    private final Pages pages;

    BareRefusals(Pages pages) {
        this.pages = pages;
    }

    @ServerResponseFilter
    public void explain(ContainerRequestContext request, ContainerResponseContext response) {
        if (response.getStatus() == 400 && !response.hasEntity() && "POST".equals(request.getMethod())) {
            TemplateInstance page = pages.localised(RefusalPages.Templates.formExpired());
            response.setEntity(page, null, MediaType.TEXT_HTML_TYPE);
        }
    }
}
