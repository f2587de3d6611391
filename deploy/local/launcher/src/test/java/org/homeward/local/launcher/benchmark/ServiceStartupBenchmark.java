package org.homeward.local.launcher.benchmark;

import org.homeward.local.infra.BenchmarkReport;
import org.homeward.local.infra.BenchmarkReport.Figure;
import org.homeward.local.infra.BenchmarkReport.Target;
import org.homeward.local.infra.EmbeddedKafkaServer;
import org.homeward.local.launcher.Platform;
import org.homeward.local.launcher.ServiceProcess;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;

/**
 * Not a test (only the benchmarks profile runs it): each service started alone on a running database and
 * broker, the time until its readiness check answers UP and its resident memory after a warm-up of 1,000
 * authenticated list requests, held to the budgets (3 s, 300 MB; identification-service's kinship
 * index is empty here) and beside the floor: the same JVM settings serving the same requests with the
 * JDK's HTTP server. Each service is started once first, so its
 * migrations have run: what is timed is a restart, as a pod's replacement does it.
 * Run alone with: mvn -B -Pbenchmarks -pl deploy/local/launcher test -Dtest=ServiceStartupBenchmark
 * (after mvn -B -DskipTests install).
 */
class ServiceStartupBenchmark {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private static final int WARM_UP_REQUESTS = 1_000;
    private static final double READY_BUDGET_MS = 3_000;
    private static final double MEMORY_BUDGET_MB = 300;

    /** What each service is warmed up with: a list its callers read often, and who may read it. */
    private static final Map<String, List<String>> WARM_UP = Map.of(
            "agreement", List.of("/api/v1/agreements", "coordinator"),
            "transfer", List.of("/api/v1/transfers", "coordinator"),
            "identification", List.of("/api/v1/cases", "coordinator"),
            "notification", List.of("/api/v1/subscriptions", "subscriber-admin"));

    @Test
    void eachServiceAloneIsReadyAndServesWithinItsBudget() throws Exception {
        Path root = Platform.findRepositoryRoot(Path.of(System.getProperty("homeward.root", ".")));
        Path work = Path.of("target", "bench-startup-" + System.currentTimeMillis()).toAbsolutePath();
        Measured floor = floor();
        System.out.printf("%nFloor (JDK HTTP server, %s %s): ready in %.0f ms, %.0f MB after %d requests%n",
                ServiceProcess.ENVIRONMENT.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                        .collect(Collectors.joining(" ")), String.join(" ", ServiceProcess.JVM_OPTIONS), floor.readyMillis(),
                floor.residentMegabytes(), WARM_UP_REQUESTS);
        try (Platform platform = Platform.prepare(Platform.Settings.ephemeral(root, work))) {
            for (String name : Platform.SERVICES) {
                ServiceProcess service = platform.service(name);
                service.start();
                service.awaitReady(Duration.ofMinutes(3));
                service.stop();

                long started = System.nanoTime();
                service.start();
                awaitReady(service.baseUrl(), service);
                double readyMillis = (System.nanoTime() - started) / 1e6;
                List<String> warmUp = WARM_UP.get(name);
                String token = "Bearer " + platform.jwtIssuer().mint("bench-" + name, "org-ua-coordination", "UA",
                        List.of(warmUp.get(1)), Duration.ofMinutes(30));
                load(service.baseUrl() + warmUp.get(0), token);
                double megabytes = residentMegabytes(service.pid());
                service.stop();

                BenchmarkReport.record(new Figure("startup, " + name + "-service", "time to ready, alone", readyMillis,
                        "ms", "JDK HTTP server, same JVM settings", floor.readyMillis(),
                        Target.valueAtMost(READY_BUDGET_MS, "ms")));
                BenchmarkReport.record(new Figure("startup, " + name + "-service",
                        String.format("resident memory after %,d requests", WARM_UP_REQUESTS), megabytes, "MB",
                        "JDK HTTP server, same JVM settings", floor.residentMegabytes(),
                        Target.valueAtMost(MEMORY_BUDGET_MB, "MB")));
            }
        }
    }

    private record Measured(double readyMillis, double residentMegabytes) {
    }

    /** The same JVM settings as the services (ServiceProcess), serving the same number of requests. */
    private static Measured floor() throws Exception {
        int port = EmbeddedKafkaServer.freeTcpPort();
        Path classes = Path.of(ReadyFloor.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        long started = System.nanoTime();
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(ServiceProcess.JVM_OPTIONS);
        command.addAll(List.of("-cp", classes.toString(), ReadyFloor.class.getName(), String.valueOf(port)));
        ProcessBuilder builder = new ProcessBuilder(command).inheritIO();
        builder.environment().putAll(ServiceProcess.ENVIRONMENT);
        Process process = builder.start();
        try {
            String base = "http://127.0.0.1:" + port;
            awaitReady(base, null);
            double readyMillis = (System.nanoTime() - started) / 1e6;
            load(base + "/api", "Bearer none");
            return new Measured(readyMillis, residentMegabytes(process.pid()));
        } finally {
            process.destroyForcibly().waitFor();
        }
    }

    /** Polls readiness every 20 ms, so the time measured is the service's and not the poll's. */
    private static void awaitReady(String base, ServiceProcess service) throws InterruptedException {
        HttpRequest ready = HttpRequest.newBuilder(URI.create(base + "/q/health/ready")).timeout(Duration.ofSeconds(5)).build();
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        while (System.nanoTime() < deadline) {
            if (service != null && !service.isAlive()) {
                throw new IllegalStateException(service.name() + " exited; see " + service.log());
            }
            try {
                if (HTTP.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(20);
        }
        throw new IllegalStateException(base + " was not ready within 3 minutes");
    }

    /** WARM_UP_REQUESTS GETs from four threads; every answer must be a 200, or the warm-up measured nothing. */
    private static void load(String url, String token) throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                done.add(threads.submit(() -> {
                    for (int i = 0; i < WARM_UP_REQUESTS / 4; i++) {
                        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(url))
                                .header("Authorization", token).build(), HttpResponse.BodyHandlers.ofString());
                        if (response.statusCode() != 200) {
                            throw new IllegalStateException(url + " answered " + response.statusCode() + ": "
                                    + response.body());
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            threads.shutdownNow();
        }
    }

    /** VmRSS of /proc/<pid>/status, in MB. */
    private static double residentMegabytes(long pid) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(pid), "status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024.0;
            }
        }
        throw new IllegalStateException("No VmRSS for process " + pid);
    }
}
