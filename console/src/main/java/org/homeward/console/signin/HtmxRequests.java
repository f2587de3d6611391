package org.homeward.console.signin;

import io.quarkus.oidc.JavaScriptRequestChecker;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Tells quarkus-oidc which requests come from htmx: for those an ended session is answered 499 rather than with
 * a redirect the browser's XMLHttpRequest would follow to the identity provider and fail on.
 */
@ApplicationScoped
public class HtmxRequests implements JavaScriptRequestChecker {

    @Override
    public boolean isJavaScriptRequest(RoutingContext context) {
        return "true".equals(context.request().getHeader("HX-Request"));
    }
}
