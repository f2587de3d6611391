package org.homeward.notification.delivery;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real HTTP webhook receiver on loopback. Each path answers as told: a fixed status, a sequence of
 * statuses (then 200), a redirect, or one of the hostile behaviours below. It counts how many requests each
 * path holds open at once, and notices when the sender gives up on a request (closes the connection), so
 * that tests can assert what an endpoint really saw, not what the sender believes it sent.
 */
final class Receiver implements AutoCloseable {

    /** Answers nothing for 5 seconds, longer than the sender's response timeout, then 200. */
    static final int HANG = -1;
    /** Answers 200 at once, then trickles one byte of body every 100 ms for 30 seconds. */
    static final int TRICKLE = -2;
    /** Answers 200 at once, then a body of 64 KiB every 5 ms without end (stopping after 20 MiB). */
    static final int FLOOD = -3;

    /** Answers 200 after 1.5 seconds, within the sender's response timeout: an attempt caught in flight. */
    static final int SLOW = -4;

    static final long FLOOD_LIMIT_BYTES = 20L * 1024 * 1024;

    /** One received request. */
    record Received(String path, Map<String, String> headers, String body) {
    }

    /** How one request ended: how long it was open, whether the sender closed it first, and bytes sent back. */
    record Ended(String path, Duration open, boolean abandonedBySender, long bytesWritten) {
    }

    private final Vertx vertx = Vertx.vertx();
    private final HttpServer server;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final List<Ended> ended = new CopyOnWriteArrayList<>();
    private final Map<String, List<Integer>> scripts = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> open = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> mostOpen = new ConcurrentHashMap<>();

    Receiver() {
        try {
            server = vertx.createHttpServer().requestHandler(this::handle).listen(0, "127.0.0.1")
                    .toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("The test receiver did not start", e);
        }
    }

    String url(String path) {
        return "http://127.0.0.1:" + port() + path;
    }

    int port() {
        return server.actualPort();
    }

    /** The path answers these statuses in turn, then 200; HANG, TRICKLE and FLOOD behave as described; 302 redirects to /trap. */
    void script(String path, Integer... statuses) {
        scripts.put(path, List.of(statuses));
    }

    List<Received> at(String path) {
        return received.stream().filter(r -> r.path().equals(path)).toList();
    }

    /** The paths of every request received, in the order they arrived. */
    List<String> paths() {
        return received.stream().map(Received::path).toList();
    }

    List<Ended> endedAt(String path) {
        return ended.stream().filter(e -> e.path().equals(path)).toList();
    }

    /** The most requests this path has held open at the same time. */
    int maxConcurrent(String path) {
        AtomicInteger most = mostOpen.get(path);
        return most == null ? 0 : most.get();
    }

    private void handle(HttpServerRequest request) {
        String path = request.path();
        Map<String, String> headers = new ConcurrentHashMap<>();
        request.headers().forEach(h -> headers.merge(h.getKey().toLowerCase(), h.getValue(), (a, b) -> a + "," + b));
        request.body().onSuccess(body -> {
            received.add(new Received(path, headers, body.toString(StandardCharsets.UTF_8)));
            int call = calls.computeIfAbsent(path, p -> new AtomicInteger()).getAndIncrement();
            List<Integer> script = scripts.getOrDefault(path, List.of());
            int status = call < script.size() ? script.get(call) : 200;
            answer(path, request.response(), status);
        });
    }

    private void answer(String path, HttpServerResponse response, int status) {
        long arrived = System.nanoTime();
        int now = open.computeIfAbsent(path, p -> new AtomicInteger()).incrementAndGet();
        mostOpen.computeIfAbsent(path, p -> new AtomicInteger()).accumulateAndGet(now, Math::max);
        AtomicBoolean closed = new AtomicBoolean();
        AtomicBoolean finished = new AtomicBoolean();
        Runnable finish = () -> {
            if (finished.compareAndSet(false, true)) {
                open.get(path).decrementAndGet();
                // Not ended by us: the sender closed the connection first.
                ended.add(new Ended(path, Duration.ofNanos(System.nanoTime() - arrived), !response.ended(),
                        response.bytesWritten()));
            }
        };
        response.closeHandler(gone -> {
            closed.set(true);
            finish.run();
        });
        // Called when the response is disposed of, whether it ended or its connection closed.
        response.endHandler(done -> {
            closed.set(closed.get() || !response.ended());
            finish.run();
        });
        switch (status) {
            case HANG -> vertx.setTimer(5000, t -> {
                if (!closed.get()) {
                    response.setStatusCode(200).end("answer 200");
                }
            });
            case SLOW -> vertx.setTimer(1500, t -> {
                if (!closed.get()) {
                    response.setStatusCode(200).end("answer 200");
                }
            });
            case TRICKLE -> trickle(response, closed);
            case FLOOD -> flood(response, closed, Buffer.buffer("x".repeat(64 * 1024)));
            default -> {
                response.setStatusCode(status);
                if (status == 302) {
                    response.putHeader("Location", url("/trap"));
                }
                if (status == 503) {
                    response.putHeader("Retry-After", "1");
                }
                response.end("answer " + status);
            }
        }
    }

    private void trickle(HttpServerResponse response, AtomicBoolean closed) {
        response.setStatusCode(200).setChunked(true).write("x");
        long started = System.nanoTime();
        vertx.setPeriodic(100, timer -> {
            if (closed.get()) {
                vertx.cancelTimer(timer);
            } else if (System.nanoTime() - started > TimeUnit.SECONDS.toNanos(30)) {
                vertx.cancelTimer(timer);
                response.end();
            } else {
                response.write("x");
            }
        });
    }

    private void flood(HttpServerResponse response, AtomicBoolean closed, Buffer chunk) {
        response.setStatusCode(200).setChunked(true);
        vertx.setPeriodic(5, timer -> {
            if (closed.get()) {
                vertx.cancelTimer(timer);
            } else if (response.bytesWritten() >= FLOOD_LIMIT_BYTES) {
                vertx.cancelTimer(timer);
                response.end();
            } else if (!response.writeQueueFull()) {
                response.write(chunk);
            }
        });
    }

    @Override
    public void close() {
        try {
            vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            // The JVM ends soon after; nothing to release beyond it.
        }
    }
}
