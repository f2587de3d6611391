package org.homeward.notification.delivery;

import io.quarkus.runtime.ShutdownEvent;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.net.SocketAddress;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Sends one webhook request with Vert.x, connecting to the address the {@link SsrfGuard} checked (the
 * URL's host only names the Host header and TLS SNI). Redirects are never followed.
 *
 * <p>An endpoint cannot hold a request open or make us buffer without limit: connecting is bounded by the
 * connect timeout, and the whole answer by the response timeout, a total deadline at which the request is
 * reset (closing its connection) however steadily the endpoint trickles bytes. Of the body only the excerpt
 * kept in the attempt log is read; the connection is then closed rather than drained.
 */
@ApplicationScoped
public class WebhookSender {

    /** The endpoint's answer: status and the first characters of its body. */
    public record Answer(int status, String bodyExcerpt, Map<String, String> headers) {
    }

    /** Characters of the body kept in the attempt log (the column's size). */
    static final int EXCERPT_CHARS = 500;
    /** Bytes read of the body: enough for the excerpt in any UTF-8, and no more. */
    static final int EXCERPT_BYTES = EXCERPT_CHARS * 4;
    /** The caller's own bound, should the deadline timer somehow not fire: never wait for ever. */
    private static final Duration SAFETY_MARGIN = Duration.ofSeconds(1);

    private final Vertx vertx;
    private final HttpClient client;
    private final AttemptBudget budget;

    public WebhookSender(Vertx vertx, WebhookConfig config) {
        this.vertx = vertx;
        this.budget = AttemptBudget.of(config);
        this.client = vertx.createHttpClient(new HttpClientOptions()
                .setConnectTimeout((int) config.connectTimeout().toMillis())
                .setForceSni(true)
                .setTrustAll(false)
                .setMaxPoolSize(Math.max(1, config.workers()))
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
                // Bounds getting a connection, from the pool or a new one.
                .setConnectTimeout(budget.connect().toMillis());
        headers.forEach(options::putHeader);
        Promise<Answer> answer = Promise.promise();
        AtomicReference<HttpClientRequest> inFlight = new AtomicReference<>();
        client.request(options).onFailure(answer::tryFail).onSuccess(request -> {
            inFlight.set(request);
            long deadline = vertx.setTimer(budget.response().toMillis(), expired -> {
                // Timed out first, so that the reset's own failure does not stand in for the reason.
                answer.tryFail(new TimeoutException("No complete answer within the response timeout"));
                // Resetting closes the connection: the endpoint holds nothing once its time is up.
                request.reset();
            });
            answer.future().onComplete(done -> vertx.cancelTimer(deadline));
            request.send(Buffer.buffer(body))
                    .onFailure(answer::tryFail)
                    .onSuccess(response -> readExcerpt(request, response, answer));
        });
        try {
            return answer.future().toCompletionStage().toCompletableFuture()
                    .get(budget.longest().plus(SAFETY_MARGIN).toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof TimeoutException timeout) {
                throw timeout;
            }
            throw e;
        } finally {
            // Whatever ended the wait (an answer, a failure, an interrupt at shutdown), no request stays open.
            HttpClientRequest request = inFlight.get();
            if (request != null && !answer.future().succeeded()) {
                request.reset();
            }
        }
    }

    /** Reads the body up to the excerpt's size; a longer body is cut off by closing the connection. */
    private static void readExcerpt(HttpClientRequest request, HttpClientResponse response, Promise<Answer> answer) {
        Map<String, String> answerHeaders = new HashMap<>();
        response.headers().forEach(h -> answerHeaders.putIfAbsent(h.getKey().toLowerCase(), h.getValue()));
        Buffer excerpt = Buffer.buffer();
        Runnable complete = () -> answer.tryComplete(new Answer(response.statusCode(), excerptOf(excerpt), answerHeaders));
        response.exceptionHandler(answer::tryFail);
        response.endHandler(end -> complete.run());
        response.handler(chunk -> {
            if (answer.future().isComplete()) {
                return;
            }
            int room = EXCERPT_BYTES - excerpt.length();
            excerpt.appendBuffer(chunk.length() <= room ? chunk : chunk.getBuffer(0, room));
            if (excerpt.length() >= EXCERPT_BYTES) {
                complete.run();
                request.reset();
            }
        });
    }

    private static String excerptOf(Buffer bytes) {
        String text = new String(bytes.getBytes(), StandardCharsets.UTF_8);
        return text.length() > EXCERPT_CHARS ? text.substring(0, EXCERPT_CHARS) : text;
    }

    void close(@Observes ShutdownEvent event) {
        client.close();
    }
}
