package org.homeward.local.infra;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * A closed-loop load generator for the read benchmarks: {@code clients} threads each send a GET, wait for the
 * answer and send the next, first for a warm-up and then for the measured period. Every target of a
 * comparison is driven by the same generator with the same settings, so what differs is the server.
 * Any answer but the expected status fails the run: a benchmark of errors measures nothing.
 */
public final class HttpLoad {

    /**
     * Requests per second over the measured period and latency percentiles in milliseconds; {@code requests}
     * were measured, {@code warmUpRequests} sent before (a benchmark that counts side effects needs both).
     */
    public record Result(long requests, long warmUpRequests, double perSecond, double p50Millis, double p99Millis) {
    }

    private final int clients;
    private final Duration warmUp;
    private final Duration measured;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    public HttpLoad(int clients, Duration warmUp, Duration measured) {
        this.clients = clients;
        this.warmUp = warmUp;
        this.measured = measured;
    }

    /** The two results of {@link #compare}, in the order the targets were given. */
    public record Comparison(Result first, Result second) {
    }

    public Result run(URI uri, Map<String, String> headers, int expectedStatus) throws Exception {
        HttpRequest request = request(uri, headers);
        long warmUpRequests = drive(request, expectedStatus, warmUp).latencies().length;
        return result(List.of(drive(request, expectedStatus, measured)), warmUpRequests);
    }

    /**
     * Two targets under the same load, each warmed up, then measured in {@code slices} alternating slices
     * (first, second, second, first, ...) that together last the measured period per target. Whatever drifts
     * during a run (the JIT, tables growing, a background job) then falls on both sides alike instead of on
     * whichever is measured second.
     */
    public Comparison compare(URI first, URI second, Map<String, String> headers, int expectedStatus, int slices)
            throws Exception {
        HttpRequest[] requests = {request(first, headers), request(second, headers)};
        long[] warmUpRequests = new long[2];
        for (int side = 0; side < 2; side++) {
            warmUpRequests[side] = drive(requests[side], expectedStatus, warmUp).latencies().length;
        }
        Duration slice = measured.dividedBy(slices);
        List<List<Slice>> measuredSlices = List.of(new ArrayList<>(), new ArrayList<>());
        for (int i = 0; i < slices; i++) {
            boolean firstLeads = i % 2 == 0;
            for (int side : firstLeads ? new int[] {0, 1} : new int[] {1, 0}) {
                measuredSlices.get(side).add(drive(requests[side], expectedStatus, slice));
            }
        }
        return new Comparison(result(measuredSlices.get(0), warmUpRequests[0]),
                result(measuredSlices.get(1), warmUpRequests[1]));
    }

    private static HttpRequest request(URI uri, Map<String, String> headers) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30)).GET();
        headers.forEach(builder::header);
        return builder.build();
    }

    /** The latencies (ns) of every request answered in one period, and how long the period took. */
    private record Slice(long[] latencies, double seconds) {
    }

    private static Result result(List<Slice> slices, long warmUpRequests) {
        long[] latencies = slices.stream().flatMapToLong(s -> Arrays.stream(s.latencies())).sorted().toArray();
        double seconds = slices.stream().mapToDouble(Slice::seconds).sum();
        return new Result(latencies.length, warmUpRequests, latencies.length / seconds, percentile(latencies, 0.50),
                percentile(latencies, 0.99));
    }

    private Slice drive(HttpRequest request, int expectedStatus, Duration period) throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(clients);
        try {
            long start = System.nanoTime();
            long end = start + period.toNanos();
            List<Future<long[]>> lanes = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                lanes.add(threads.submit(() -> lane(request, expectedStatus, end)));
            }
            List<long[]> all = new ArrayList<>();
            for (Future<long[]> lane : lanes) {
                all.add(lane.get());
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            return new Slice(all.stream().flatMapToLong(Arrays::stream).toArray(), seconds);
        } finally {
            threads.shutdownNow();
        }
    }

    private long[] lane(HttpRequest request, int expectedStatus, long end) throws IOException, InterruptedException {
        long[] latencies = new long[1024];
        int count = 0;
        while (System.nanoTime() < end) {
            long sent = System.nanoTime();
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            long took = System.nanoTime() - sent;
            if (response.statusCode() != expectedStatus) {
                throw new IllegalStateException(request.uri() + " answered " + response.statusCode() + " (expected "
                        + expectedStatus + "): " + response.body());
            }
            if (count == latencies.length) {
                latencies = Arrays.copyOf(latencies, count * 2);
            }
            latencies[count++] = took;
        }
        return Arrays.copyOf(latencies, count);
    }

    private static double percentile(long[] sorted, double p) {
        if (sorted.length == 0) {
            throw new IllegalStateException("No request completed in the measured period");
        }
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)] / 1e6;
    }
}
