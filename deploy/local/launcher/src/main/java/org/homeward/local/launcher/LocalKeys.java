package org.homeward.local.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;

/** Keys the local platform generates once and keeps with its data (git-ignored). */
final class LocalKeys {

    private LocalKeys() {
    }

    /** A 256-bit AES key, base64, read from the file or generated into it. */
    static String loadOrCreateAesKey(Path file) {
        try {
            if (Files.exists(file)) {
                return Files.readString(file, StandardCharsets.UTF_8).trim();
            }
            Files.createDirectories(file.getParent());
            byte[] key = new byte[32];
            new SecureRandom().nextBytes(key);
            String encoded = Base64.getEncoder().encodeToString(key);
            Files.writeString(file, encoded, StandardCharsets.UTF_8);
            return encoded;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
