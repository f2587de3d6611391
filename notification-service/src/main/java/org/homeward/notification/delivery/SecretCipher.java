package org.homeward.notification.delivery;

import jakarta.enterprise.context.ApplicationScoped;
import org.homeward.platform.crypto.FieldCipher;
import org.homeward.platform.idempotency.ReplaySecrets;

import java.security.SecureRandom;
import java.util.Base64;

/**
 * Encrypts webhook signing secrets at rest (the platform's AES-256-GCM field cipher), and the stored copy of
 * a creation response that shows a new secret, kept for idempotent replay.
 */
@ApplicationScoped
public class SecretCipher implements ReplaySecrets {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final FieldCipher cipher;

    public SecretCipher(WebhookConfig config) {
        this.cipher = new FieldCipher(config.encryptionKey(), "homeward.webhooks.encryption-key");
    }

    public String encrypt(String secret) {
        return cipher.encrypt(secret);
    }

    public String decrypt(String encrypted) {
        return cipher.decrypt(encrypted);
    }

    /** A new Standard Webhooks secret: "whsec_" and 32 random bytes in base64. */
    public static String newSecret() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return "whsec_" + Base64.getEncoder().encodeToString(bytes);
    }
}
