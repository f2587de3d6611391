package org.homeward.platform.messaging.failpoint;

import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * {@code POST /e2e/failpoints} with a body such as {@code inbox.after-commit@some-consumer=250} arms crash
 * points in a running service. The route exists only in the end-to-end profile (refused in a Kubernetes pod),
 * answers callers on the loopback interface only (403 otherwise), is not part of the API (no OpenAPI entry,
 * no token), and answers 204, or 400 for a malformed body.
 */
@ApplicationScoped
public class FailpointRoute {

    public static final String PATH = "/e2e/failpoints";

    void register(@Observes Router router, Failpoints failpoints) {
        if (!failpoints.armable()) {
            return;
        }
        router.post(PATH).handler(BodyHandler.create().setBodyLimit(4096)).handler(context -> arm(context, failpoints));
    }

    private static void arm(RoutingContext context, Failpoints failpoints) {
        // The test runs on the same machine; nothing else may halt the service, not even another host's test.
        if (context.request().remoteAddress() == null || !isLoopback(context.request().remoteAddress().hostAddress())) {
            context.response().setStatusCode(403).end();
            return;
        }
        try {
            String pairs = context.body().asString();
            failpoints.arm(pairs == null ? "" : pairs);
            context.response().setStatusCode(204).end();
        } catch (IllegalArgumentException malformed) {
            context.response().setStatusCode(400).putHeader("Content-Type", "text/plain").end(malformed.getMessage());
        }
    }

    private static boolean isLoopback(String address) {
        try {
            return address != null && InetAddress.getByName(address).isLoopbackAddress();
        } catch (UnknownHostException notAnAddress) {
            return false;
        }
    }
}
