package org.homeward.transfer.handover;

import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.BodyHandler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The floor of an upload in this service for {@link ManifestUploadBenchmark}: {@code PUT /bench/bare} reads
 * the whole body on the same HTTP server and answers 204, nothing else (no token, no parsing). It exists
 * only in the benchmark's profile ({@code homeward.benchmark.bare-upload=true}), so no other test sees it.
 */
@ApplicationScoped
public class BareUploadRoute {

    static final String PATH = "/bench/bare";

    void register(@Observes Router router,
                  @ConfigProperty(name = "homeward.benchmark.bare-upload", defaultValue = "false") boolean enabled) {
        if (enabled) {
            router.put(PATH).handler(BodyHandler.create().setBodyLimit(16 * 1024 * 1024))
                    .handler(context -> context.response().setStatusCode(context.body().length() > 0 ? 204 : 400).end());
        }
    }
}
