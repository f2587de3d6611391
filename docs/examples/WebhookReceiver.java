import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A webhook subscriber in one file, for the subscribers' guide (docs/subscribers.md): it verifies every
 * request as Standard Webhooks v1 says and writes one line per request to {@code <folder>/received.log}.
 *
 * <pre>java docs/examples/WebhookReceiver.java FOLDER</pre>
 *
 * It listens on a free port of 127.0.0.1 and writes that port to {@code FOLDER/port}. It reads the signing
 * secrets ({@code whsec_...}, one a line) from {@code FOLDER/secrets} at every request, so that a rotated secret
 * can be added while it runs, and answers with the status in {@code FOLDER/answer} (200 when absent). Each
 * line of the log gives the time, the status answered, whether the signature verified, whether the
 * webhook-id is new (first), known (again) or was refused, the id, the event type, the number of signatures
 * and the body. It stops by itself after 15 minutes.
 */
public class WebhookReceiver {

    private static final long TOLERANCE_SECONDS = 5 * 60;
    private static final Pattern TYPE = Pattern.compile("\"type\"\\s*:\\s*\"([^\"]+)\"");

    private final Path folder;
    /** Webhook ids already received: a retried delivery carries the same id and is counted once. */
    private final Set<String> seen = ConcurrentHashMap.newKeySet();

    WebhookReceiver(Path folder) {
        this.folder = folder;
    }

    public static void main(String[] args) throws Exception {
        Path folder = Path.of(args[0]);
        Files.createDirectories(folder);
        WebhookReceiver receiver = new WebhookReceiver(folder);
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", receiver::handle);
        server.start();
        Files.writeString(folder.resolve("port"), Integer.toString(server.getAddress().getPort()));
        Thread.sleep(15 * 60 * 1000L);
        server.stop(0);
    }

    private void handle(HttpExchange exchange) throws IOException {
        byte[] body = exchange.getRequestBody().readAllBytes();
        int answer = 200;
        if ("POST".equals(exchange.getRequestMethod())) {
            answer = answer();
            String id = exchange.getRequestHeaders().getFirst("webhook-id");
            String timestamp = exchange.getRequestHeaders().getFirst("webhook-timestamp");
            String signatures = exchange.getRequestHeaders().getFirst("webhook-signature");
            String verdict = verify(id, timestamp, signatures, body) ? "verified" : "FAILED-VERIFICATION";
            // A request refused here will come again with the same webhook-id: only an accepted one counts.
            String receipt = answer / 100 != 2 ? "refused" : seen.add(String.valueOf(id)) ? "first" : "again";
            Matcher type = TYPE.matcher(new String(body, StandardCharsets.UTF_8));
            String line = String.join(" ", Instant.now().toString(), Integer.toString(answer), verdict,
                    receipt, String.valueOf(id), type.find() ? type.group(1) : "?",
                    (signatures == null ? 0 : signatures.split(" ").length) + "-signature(s)",
                    new String(body, StandardCharsets.UTF_8)) + "\n";
            Files.writeString(folder.resolve("received.log"), line, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        }
        exchange.sendResponseHeaders(answer, -1);
        exchange.close();
    }

    /**
     * Standard Webhooks v1: HMAC-SHA256, keyed with the base64-decoded secret after {@code whsec_}, over
     * {@code id.timestamp.body}, base64-encoded, compared with each space-separated {@code v1,} signature;
     * a timestamp more than five minutes away is refused (a replayed request).
     */
    boolean verify(String id, String timestamp, String signatures, byte[] body) {
        if (id == null || timestamp == null || signatures == null) {
            return false;
        }
        long sent;
        try {
            sent = Long.parseLong(timestamp);
        } catch (NumberFormatException e) {
            return false;
        }
        if (Math.abs(Instant.now().getEpochSecond() - sent) > TOLERANCE_SECONDS) {
            return false;
        }
        byte[] signed = concat((id + "." + timestamp + ".").getBytes(StandardCharsets.UTF_8), body);
        for (String secret : secrets()) {
            byte[] expected = hmac(Base64.getDecoder().decode(secret.substring("whsec_".length())), signed);
            for (String signature : signatures.split(" ")) {
                if (signature.startsWith("v1,") && MessageDigest.isEqual(expected,
                        Base64.getDecoder().decode(signature.substring(3)))) {
                    return true;
                }
            }
        }
        return false;
    }

    private List<String> secrets() {
        try {
            return Files.readAllLines(folder.resolve("secrets")).stream().map(String::strip)
                    .filter(line -> line.startsWith("whsec_")).toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    private int answer() {
        try {
            return Integer.parseInt(Files.readString(folder.resolve("answer")).strip());
        } catch (IOException | NumberFormatException e) {
            return 200;
        }
    }

    private static byte[] hmac(byte[] key, byte[] data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] joined = new byte[a.length + b.length];
        System.arraycopy(a, 0, joined, 0, a.length);
        System.arraycopy(b, 0, joined, a.length, b.length);
        return joined;
    }
}
