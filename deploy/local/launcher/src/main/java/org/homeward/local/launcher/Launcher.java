package org.homeward.local.launcher;

import org.homeward.local.infra.JwtIssuer;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * {@code java -jar deploy/local/launcher/target/homeward-local.jar [run]} starts everything and keeps
 * running until Ctrl-C; {@code ... token --org ORG [--party UA] --roles a,b [--minutes N]} prints a token;
 * {@code ... demo} plays the seed story on the running platform, or on a throw-away one it starts.
 */
public final class Launcher {

    private Launcher() {
    }

    public static void main(String[] args) throws InterruptedException {
        String command = args.length == 0 ? "run" : args[0];
        Map<String, String> options = options(Arrays.copyOfRange(args, Math.min(1, args.length), args.length));
        Path root = Platform.findRepositoryRoot(Path.of(options.getOrDefault("root", ".")));
        switch (command) {
            case "run" -> run(root);
            case "token" -> System.out.println(token(root, options));
            case "demo" -> Demo.play(root);
            default -> {
                System.err.println("usage: homeward-local.jar [run] | demo | token --org ORG [--party CC] --roles r1,r2 [--minutes N]");
                System.exit(2);
            }
        }
    }

    private static void run(Path root) throws InterruptedException {
        Platform.Settings settings = Platform.Settings.local(root);
        System.out.println("Starting PostgreSQL, Kafka, the four services and the console (data in " + settings.workDirectory() + ") ...");
        Platform platform = Platform.start(settings);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("Stopping Homeward ...");
            platform.close();
            stopped.countDown();
        }, "homeward-stop"));

        String token = platform.jwtIssuer().mint("demo-ua-coordinator", "org-ua-coordination", "UA",
                List.of("coordinator"), Duration.ofHours(8));
        StringBuilder banner = new StringBuilder("\nHomeward is running.\n");
        for (String service : Platform.SERVICES) {
            ServiceProcess process = platform.service(service);
            banner.append(String.format("  %-24s %s   (swagger: %s/q/swagger-ui, log: %s)%n", process.name(),
                    process.baseUrl(), process.baseUrl(), process.log()));
        }
        banner.append(String.format("  %-24s %s   (sign in on its page: any organisation, party and roles)%n",
                "console", platform.console().baseUrl()));
        banner.append(String.format("  %-24s localhost:%d%n", "PostgreSQL", platform.postgresPort()));
        banner.append(String.format("  %-24s %s%n", "Kafka", platform.kafkaBootstrapServers()));
        banner.append("\nA token for a coordinator of party UA (organisation org-ua-coordination), valid 8 hours:\n\n");
        banner.append("export TOKEN=").append(token).append("\n\nPress Ctrl-C to stop.\n");
        System.out.println(banner);
        stopped.await();
    }

    private static String token(Path root, Map<String, String> options) {
        String organisation = required(options, "org");
        List<String> roles = List.of(required(options, "roles").split(","));
        JwtIssuer issuer = JwtIssuer.loadOrCreate(Platform.Settings.local(root).workDirectory().resolve("jwt"));
        Duration ttl = Duration.ofMinutes(Long.parseLong(options.getOrDefault("minutes", "480")));
        return issuer.mint(options.getOrDefault("sub", "demo-" + organisation), organisation, options.get("party"),
                roles, ttl);
    }

    private static String required(Map<String, String> options, String name) {
        String value = options.get(name);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("--" + name + " is required");
        }
        return value;
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            if (!args[i].startsWith("--")) {
                throw new IllegalArgumentException("Expected an option, got " + args[i]);
            }
            options.put(args[i].substring(2), args[i + 1]);
        }
        return options;
    }
}
