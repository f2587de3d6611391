package org.homeward.notification.benchmark;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.homeward.local.infra.BenchmarkReport;
import org.homeward.local.infra.BenchmarkReport.Figure;
import org.homeward.local.infra.BenchmarkReport.Target;
import org.homeward.local.infra.HomewardTestInfrastructure;
import org.homeward.local.infra.KafkaTestClient;
import org.homeward.local.infra.TestTokens;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

/**
 * Not a test (only the benchmarks profile runs it): webhook deliveries per second to a local receiver and
 * the ratio to a bare JDK HTTP client posting the same bodies with the same concurrency, in the same run,
 * each side after a warm-up round of its own (800 deliveries), as a service that has run for a while.
 * Target: at least half of the bare client. Run alone with: mvn -B -Pbenchmarks -pl notification-service
 * test -Dtest=WebhookThroughputBenchmark (after mvn -B -DskipTests install).
 */
@QuarkusTest
@QuarkusTestResource(value = HomewardTestInfrastructure.class,
        initArgs = @ResourceArg(name = "service", value = "notification"))
class WebhookThroughputBenchmark {

    private static final int ENDPOINTS = 8;
    private static final int EVENTS = 250;
    private static final int WARM_UP_EVENTS = 100;

    @Inject
    EntityManager entityManager;

    @Test
    void deliveriesPerSecondAgainstABareHttpClient() throws Exception {
        AtomicInteger received = new AtomicInteger();
        com.sun.net.httpserver.HttpServer receiver = com.sun.net.httpserver.HttpServer.create(
                new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.setExecutor(Executors.newFixedThreadPool(ENDPOINTS * 2));
        receiver.createContext("/", exchange -> {
            exchange.getRequestBody().readAllBytes();
            received.incrementAndGet();
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        receiver.start();
        try {
            String admin = TestTokens.bearer("org-benchmark", "UA", "subscriber-admin");
            List<String> ids = new ArrayList<>();
            for (int i = 0; i < ENDPOINTS; i++) {
                String id = given().header("Authorization", admin).contentType(ContentType.JSON)
                        .body(Map.of("url", "http://127.0.0.1:" + receiver.getAddress().getPort() + "/e" + i,
                                "eventTypes", List.of("agreement.*"), "rateLimitPerSecond", 1000))
                        .post("/api/v1/subscriptions").then().statusCode(201).extract().path("id");
                given().header("Authorization", admin).post("/api/v1/subscriptions/" + id + "/pause").then().statusCode(200);
                ids.add(id);
            }
            // A warm-up round first, on both sides, so that both are measured compiled rather than compiling.
            List<String> warmUpBodies = queue(ids.size() * WARM_UP_EVENTS, WARM_UP_EVENTS);
            resumeAndAwait(ids, admin, received, warmUpBodies.size());
            bare(receiver.getAddress().getPort(), warmUpBodies);
            ids.forEach(id -> given().header("Authorization", admin).post("/api/v1/subscriptions/" + id + "/pause")
                    .then().statusCode(200));
            received.set(0);

            int total = ENDPOINTS * EVENTS;
            List<String> bodies = queue(total, EVENTS);
            long start = System.nanoTime();
            resumeAndAwait(ids, admin, received, total);
            double serviceSeconds = (System.nanoTime() - start) / 1e9;

            double bareSeconds = bare(receiver.getAddress().getPort(), bodies);
            double serviceRate = total / serviceSeconds;
            double bareRate = bodies.size() / bareSeconds;
            System.out.printf("%nWebhook deliveries: %d to %d endpoints in %.2f s (signed, SSRF-checked, recorded)%n",
                    total, ENDPOINTS, serviceSeconds);
            BenchmarkReport.record(new Figure("webhook delivery", ENDPOINTS + " endpoints, one request in flight each",
                    serviceRate, "deliveries/s", "bare JDK HttpClient, same bodies and concurrency", bareRate,
                    Target.ratioAtLeast(0.5)));
        } finally {
            receiver.stop(0);
        }
    }

    /** Publishes {@code events} events (one delivery per paused endpoint each) and returns the queued bodies. */
    private List<String> queue(int deliveries, int events) {
        KafkaTestClient kafka = KafkaTestClient.shared();
        for (int i = 0; i < events; i++) {
            UUID agreement = UUID.randomUUID();
            kafka.send("homeward.agreement.events", agreement.toString(), """
                    {"specversion": "1.0", "id": "%s", "source": "/bench", "type": "agreement.agreement.updated",
                     "subject": "%s", "time": "2025-06-02T10:00:00Z", "datacontenttype": "application/json",
                     "data": {"agreementId": "%s", "sequence": 1, "status": "ACTIVE",
                              "accessScope": {"parties": ["UA"], "organisations": []}}}""".formatted(UUID.randomUUID(), agreement, agreement));
        }
        await().atMost(Duration.ofMinutes(5)).until(() -> pending() >= deliveries);
        return QuarkusTransaction.requiringNew().call(() -> entityManager
                .createQuery("select d.payload from Delivery d where d.status = org.homeward.notification.DeliveryStatus.PENDING", String.class)
                .getResultList());
    }

    private static void resumeAndAwait(List<String> ids, String admin, AtomicInteger received, int expected) {
        ids.forEach(id -> given().header("Authorization", admin).post("/api/v1/subscriptions/" + id + "/resume")
                .then().statusCode(200));
        await().atMost(Duration.ofMinutes(10)).pollInterval(Duration.ofMillis(20)).until(() -> received.get() >= expected);
    }

    private long pending() {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) entityManager.createNativeQuery(
                "select count(*) from delivery where status = 'PENDING'").getSingleResult()).longValue());
    }

    /** The baseline: the same bodies posted by ENDPOINTS threads, one request in flight each. */
    private static double bare(int port, List<String> bodies) throws Exception {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        ExecutorService threads = Executors.newFixedThreadPool(ENDPOINTS);
        long start = System.nanoTime();
        List<Future<?>> done = new ArrayList<>();
        for (int t = 0; t < ENDPOINTS; t++) {
            int lane = t;
            done.add(threads.submit(() -> {
                for (int i = lane; i < bodies.size(); i += ENDPOINTS) {
                    try {
                        client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/bare" + lane))
                                .header("content-type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString(bodies.get(i))).build(),
                                HttpResponse.BodyHandlers.discarding());
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                }
            }));
        }
        for (Future<?> f : done) {
            f.get();
        }
        threads.shutdown();
        return (System.nanoTime() - start) / 1e9;
    }
}
