package org.homeward.local.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
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
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

/**
 * One Homeward service running as its own JVM from its packaged Quarkus application, with its output in
 * a log file. Configuration is passed as system properties (loopback-only local credentials).
 */
public final class ServiceProcess {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    /**
     * A small initial heap that grows with use and is given back when a load passes (in a pod the heap starts
     * at 1.5625% of the container's limit and the image's start script sets free-heap ratios of its own).
     * Without -Xms the JVM would start with 1/64 of this machine's memory (320 MB here, the cap), and every
     * page of it the young generation touched would stay resident.
     *
     * <p>The client compiler only ({@code TieredStopAtLevel=1}): here four services, the broker and the database
     * share the machine, and the server compiler's background compilations of each service's framework code
     * took about 40% of its CPU for the whole of a 4-minute intake (Java Flight Recorder: one compiler thread
     * busy throughout, 21,000 compilations) and never caught up. A long-lived pod with its own CPU keeps the
     * image's default, both compilers. The client compiler alone gets a 48 MB code cache by default, of which
     * an intake used up to 25 MB; 128 MB of address space keeps compiling from ever stopping for lack of it.
     */
    public static final List<String> JVM_OPTIONS = List.of("-Xmx320m", "-Xms32m", "-XX:MinHeapFreeRatio=10",
            "-XX:MaxHeapFreeRatio=40", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-XX:ReservedCodeCacheSize=128m");

    /**
     * glibc gives each thread that allocates its own malloc arena (up to 8 per core) and keeps what was freed
     * in them: memory the JIT compilers and the Kafka clients freed stays resident that way. Two suffice.
     */
    public static final Map<String, String> ENVIRONMENT = Map.of("MALLOC_ARENA_MAX", "2");

    private final String name;
    private final Path application;
    private final int port;
    private Map<String, String> config;
    private final Path log;
    private Process process;

    ServiceProcess(String name, Path application, int port, Map<String, String> config, Path log) {
        this.name = name;
        this.application = application;
        this.port = port;
        this.config = Map.copyOf(config);
        this.log = log;
    }

    public String name() {
        return name;
    }

    public int port() {
        return port;
    }

    public String baseUrl() {
        return "http://localhost:" + port;
    }

    public Path log() {
        return log;
    }

    /** Changes settings for every later start (a service moved to a restored database). */
    synchronized void reconfigure(Map<String, String> changed) {
        Map<String, String> merged = new TreeMap<>(config);
        merged.putAll(changed);
        config = Map.copyOf(merged);
    }

    public synchronized void start() {
        start(Map.of());
    }

    /** Starts with configuration for this run only on top of the service's own (the fault tests' failpoints). */
    public synchronized void start(Map<String, String> extra) {
        if (!Files.exists(application)) {
            throw new IllegalStateException(application + " does not exist: build first (mvn -DskipTests package)");
        }
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(JVM_OPTIONS);
        command.add("-Dquarkus.http.port=" + port);
        Map<String, String> effective = new TreeMap<>(config);
        effective.putAll(extra);
        effective.forEach((key, value) -> command.add("-D" + key + "=" + value));
        command.add("-jar");
        command.add(application.toString());
        try {
            Files.createDirectories(log.getParent());
            ProcessBuilder builder = new ProcessBuilder(command);
            builder.environment().putAll(ENVIRONMENT);
            process = builder
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start " + name, e);
        }
    }

    /** Waits until /q/health/ready answers UP; fails early if the process dies. */
    public void awaitReady(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        HttpRequest ready = HttpRequest.newBuilder(URI.create(baseUrl() + "/q/health/ready"))
                .timeout(Duration.ofSeconds(5)).build();
        while (System.nanoTime() < deadline) {
            if (!isAlive()) {
                throw new IllegalStateException(name + " exited with " + process.exitValue() + "; see " + log);
            }
            try {
                if (HTTP.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            sleep(500);
        }
        throw new IllegalStateException(name + " was not ready within " + timeout + "; see " + log);
    }

    /** Waits for the process to end by itself (a failpoint halted it); whether it did within the timeout. */
    public boolean awaitExit(Duration timeout) {
        Process running;
        synchronized (this) {
            running = process;
        }
        try {
            return running == null || running.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** The exit code of a process that ended (137 when a failpoint halted it). */
    public synchronized int exitValue() {
        return process.exitValue();
    }

    /** The operating system's id of the running process (to read its memory from /proc, say). */
    public synchronized long pid() {
        if (process == null) {
            throw new IllegalStateException(name + " was never started");
        }
        return process.pid();
    }

    public synchronized boolean isAlive() {
        return process != null && process.isAlive();
    }

    /** SIGKILL: the process gets no chance to finish anything (a crash, for fault tests). */
    public synchronized void kill() {
        if (process != null) {
            process.destroyForcibly();
            waitFor(Duration.ofSeconds(30));
        }
    }

    /** SIGTERM, then SIGKILL if it does not stop in time. */
    public synchronized void stop() {
        if (process != null && process.isAlive()) {
            process.destroy();
            if (!waitFor(Duration.ofSeconds(20))) {
                kill();
            }
        }
    }

    private boolean waitFor(Duration timeout) {
        try {
            return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
