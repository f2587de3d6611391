package org.homeward.local.launcher;

import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/** A loopback webhook receiver that fails its first requests, then accepts, and remembers what it answered. */
final class WebhookReceiver implements AutoCloseable {

    /** A request body and the status it was answered with. */
    record Answered(String body, int status) {
    }

    private final HttpServer server;
    private final List<Answered> answered = new CopyOnWriteArrayList<>();
    private final AtomicInteger calls = new AtomicInteger();

    WebhookReceiver(int failFirst) {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            int status = calls.getAndIncrement() < failFirst ? 500 : 200;
            answered.add(new Answered(body, status));
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hooks";
    }

    List<Answered> answered() {
        return answered;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
