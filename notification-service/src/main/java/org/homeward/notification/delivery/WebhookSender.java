package org.homeward.notification.delivery;

import io.quarkus.runtime.ShutdownEvent;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.net.SocketAddress;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Sends one webhook request with Vert.x, connecting to the address the {@link SsrfGuard} checked (the
 * URL's host only names the Host header and TLS SNI). Redirects are never followed; connect and response
 * timeouts bound every attempt so that a hanging endpoint only ever holds its own delivery.
 */
@ApplicationScoped
public class WebhookSender {

    /** The endpoint's answer: status and the first characters of its body. */
    public record Answer(int status, String bodyExcerpt, Map<String, String> headers) {
    }

    private static final int EXCERPT = 500;

    private final HttpClient client;
    private final Duration responseTimeout;

    public WebhookSender(Vertx vertx, WebhookConfig config) {
        this.responseTimeout = config.responseTimeout();
        this.client = vertx.createHttpClient(new HttpClientOptions()
                .setConnectTimeout((int) config.connectTimeout().toMillis())
                .setForceSni(true)
                .setTrustAll(false)
                .setMaxPoolSize(config.workers())
                .setKeepAlive(true));
    }

    public Answer post(SsrfGuard.Target target, Map<String, String> headers, String body)
            throws InterruptedException, ExecutionException, TimeoutException {
        RequestOptions options = new RequestOptions()
                .setMethod(HttpMethod.POST)
                .setServer(SocketAddress.inetSocketAddress(target.port(), target.address().getHostAddress()))
                .setHost(target.host())
                .setPort(target.port())
                .setSsl(target.https())
                .setURI(target.pathAndQuery())
                .setFollowRedirects(false)
                .setIdleTimeout(responseTimeout.toMillis());
        headers.forEach(options::putHeader);
        return client.request(options)
                .compose(request -> request.send(Buffer.buffer(body)))
                .compose(response -> response.body().map(buffer -> {
                    String text = buffer.toString();
                    Map<String, String> answerHeaders = new java.util.HashMap<>();
                    response.headers().forEach(h -> answerHeaders.putIfAbsent(h.getKey().toLowerCase(), h.getValue()));
                    return new Answer(response.statusCode(), text.length() > EXCERPT ? text.substring(0, EXCERPT) : text,
                            answerHeaders);
                }))
                .toCompletionStage().toCompletableFuture()
                .get(responseTimeout.toMillis() + 1000, TimeUnit.MILLISECONDS);
    }

    void close(@Observes ShutdownEvent event) {
        client.close();
    }
}
