package org.homeward.local.launcher;

import org.homeward.local.infra.JwtIssuer;
import org.homeward.local.launcher.story.HomewardApi;
import org.homeward.local.launcher.story.SeedStory;
import org.homeward.local.launcher.story.SignedWebhookSubscriber;
import org.homeward.local.launcher.story.StoryReport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code homeward-local.jar demo}: the seed story on the platform the launcher runs (when its services
 * answer on their local ports), or on a throw-away platform started for the occasion and stopped after it.
 */
public final class Demo {

    private Demo() {
    }

    static void play(Path root) {
        Platform.Settings local = Platform.Settings.local(root);
        String run = LocalDateTime.now().format(DateTimeFormatter.ofPattern("MMddHHmmss"));
        if (running(local)) {
            System.out.println("Playing the seed story on the running platform (" + local.workDirectory() + ") ...");
            Map<String, String> urls = new LinkedHashMap<>();
            local.servicePorts().forEach((service, port) -> urls.put(service, "http://localhost:" + port));
            play(root, new HomewardApi(urls, JwtIssuer.loadOrCreate(local.workDirectory().resolve("jwt"))), run);
            System.out.printf("%nSee it in the console: http://localhost:%d (sign in as organisation org-ua-coordination, "
                    + "party UA, role coordinator; or as examiner-hnatiuk of lab-ua-kyiv, role forensic-examiner)%n",
                    local.consolePort());
            return;
        }
        Path work;
        try {
            work = Files.createTempDirectory("homeward-demo-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        System.out.println("No platform is running: starting a throw-away one in " + work + " (deleted at the end) ...");
        Platform platform = Platform.start(Platform.Settings.ephemeral(root, work));
        // Ctrl-C mid-story stops the services and removes the data and keys as a normal end does.
        Thread cleanUp = new Thread(() -> {
            platform.close();
            deleteRecursively(work);
        }, "homeward-demo-stop");
        Runtime.getRuntime().addShutdownHook(cleanUp);
        try {
            play(root, api(platform), run);
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(cleanUp);
                cleanUp.run();
            } catch (IllegalStateException shuttingDown) {
                // Ctrl-C: the hook is already cleaning up.
            }
        }
    }

    private static void deleteRecursively(Path folder) {
        try (var paths = Files.walk(folder)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            System.err.println("Could not delete " + folder + ": " + e.getMessage());
        }
    }

    /** The public APIs of a platform this process started. */
    public static HomewardApi api(Platform platform) {
        Map<String, String> urls = new LinkedHashMap<>();
        Platform.SERVICES.forEach(service -> urls.put(service, platform.service(service).baseUrl()));
        return new HomewardApi(urls, platform.jwtIssuer());
    }

    private static void play(Path root, HomewardApi api, String run) {
        try (SignedWebhookSubscriber subscriber = new SignedWebhookSubscriber("demo", System.out)) {
            StoryReport report = new SeedStory(api, System.out, root, run).play(subscriber);
            report.print(System.out);
        }
    }

    private static boolean running(Platform.Settings local) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        for (int port : local.servicePorts().values()) {
            try {
                HttpResponse<Void> ready = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/q/health/ready"))
                        .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.discarding());
                if (ready.statusCode() != 200) {
                    return false;
                }
            } catch (IOException e) {
                return false;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return true;
    }
}
