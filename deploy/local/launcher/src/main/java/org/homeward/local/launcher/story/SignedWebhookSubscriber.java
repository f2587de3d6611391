package org.homeward.local.launcher.story;

import com.fasterxml.jackson.databind.JsonNode;
import com.standardwebhooks.Webhook;
import com.standardwebhooks.exceptions.WebhookVerificationException;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A subscriber's webhook endpoint on loopback, as a partner would write one: every request is verified with
 * the Standard Webhooks reference library (not with Homeward's own signer) and deduplicated on its
 * {@code webhook-id}, the same on every retry. It can go down and come back on the same address, to show that
 * nothing is lost meanwhile.
 */
public final class SignedWebhookSubscriber implements AutoCloseable {

    /** One event as received: its type and its (thin) data. */
    public record Received(String type, JsonNode data) {
    }

    /** What a subscriber saw: deduplicated events per type, requests received, duplicates and forgeries. */
    public record Tally(Map<String, Integer> eventsByType, int requests, int duplicates, int rejected) {

        public int events() {
            return eventsByType.values().stream().mapToInt(Integer::intValue).sum();
        }
    }

    private final String name;
    private final PrintStream log;
    private final int port;
    private final Map<String, Received> received = new ConcurrentHashMap<>();
    private final AtomicInteger requests = new AtomicInteger();
    private final AtomicInteger duplicates = new AtomicInteger();
    private final AtomicInteger rejected = new AtomicInteger();
    private final Map<String, AtomicInteger> printedByType = new ConcurrentHashMap<>();
    private volatile Webhook verifier;
    private HttpServer server;

    /** {@code log}: where the first few events of each type are printed (null: silent). */
    public SignedWebhookSubscriber(String name, PrintStream log) {
        this.name = name;
        this.log = log;
        this.server = listen(0);
        this.port = server.getAddress().getPort();
    }

    public String url() {
        return "http://127.0.0.1:" + port + "/hooks/" + name;
    }

    /** The signing secret the subscription answered with ({@code whsec_...}); until then requests get 503. */
    public void trust(String secret) {
        this.verifier = new Webhook(secret);
    }

    /** Stops listening: deliveries meet a refused connection, as when a partner's server is down. */
    public synchronized void goDown() {
        server.stop(0);
        server = null;
    }

    /** Listens again on the same address. */
    public synchronized void comeBack() {
        if (server == null) {
            server = listen(port);
        }
    }

    /** The deduplicated events received, by webhook-id. */
    public Map<String, Received> events() {
        return Map.copyOf(received);
    }

    public Tally tally() {
        Map<String, Integer> byType = new TreeMap<>();
        received.values().forEach(event -> byType.merge(event.type(), 1, Integer::sum));
        return new Tally(byType, requests.get(), duplicates.get(), rejected.get());
    }

    @Override
    public synchronized void close() {
        if (server != null) {
            server.stop(0);
            server = null;
        }
    }

    private HttpServer listen(int onPort) {
        try {
            HttpServer created = HttpServer.create(new InetSocketAddress("127.0.0.1", onPort), 64);
            created.createContext("/", this::receive);
            created.start();
            return created;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot listen on 127.0.0.1:" + onPort, e);
        }
    }

    private void receive(HttpExchange exchange) throws IOException {
        try (exchange) {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            requests.incrementAndGet();
            Webhook trusted = verifier;
            if (trusted == null) {
                exchange.sendResponseHeaders(503, -1);
                return;
            }
            // The library looks headers up by their lower-case names; the JDK server capitalises them.
            Map<String, List<String>> headers = new HashMap<>();
            exchange.getRequestHeaders().forEach((header, values) -> headers.put(header.toLowerCase(), values));
            try {
                trusted.verify(body, headers);
            } catch (WebhookVerificationException e) {
                rejected.incrementAndGet();
                exchange.sendResponseHeaders(401, -1);
                return;
            }
            String id = headers.get("webhook-id").get(0);
            JsonNode event = HomewardApi.json().readTree(body);
            String type = event.path("type").asText();
            if (received.putIfAbsent(id, new Received(type, event.path("data"))) != null) {
                duplicates.incrementAndGet();
            } else if (log != null && printedByType.computeIfAbsent(type, t -> new AtomicInteger()).getAndIncrement() < 2) {
                log.printf("    webhook to %s, signature verified: %s %s%n", name, type, event.path("data"));
            }
            exchange.sendResponseHeaders(204, -1);
        }
    }
}
