package org.homeward.notification.delivery;

import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import org.homeward.platform.crypto.FieldCipher;
import org.homeward.platform.crypto.FieldKeys;
import org.homeward.platform.idempotency.ReplaySecrets;

import java.security.SecureRandom;
import java.util.Base64;

/**
 * Seals webhook signing secrets at rest (the platform's AES-256-GCM field cipher, each value bound to its
 * place), and the stored copy of a creation response that shows a new secret, kept for idempotent replay.
 * Built at start-up, so a missing or wrong key stops the service before readiness, not at first use.
 */
@Startup
@ApplicationScoped
public class SecretCipher implements ReplaySecrets {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final FieldCipher cipher;

    public SecretCipher(WebhookConfig config) {
        this.cipher = new FieldCipher(FieldKeys.of(config.encryptionKeyId(), config.encryptionKey(),
                config.retiredEncryptionKeys(), "homeward.webhooks.encryption-key",
                "homeward.webhooks.retired-encryption-keys"), config.acceptUnboundValues());
    }

    public String seal(String secret, String place) {
        return cipher.seal(secret, place);
    }

    public String open(String sealed, String place) {
        return cipher.open(sealed, place);
    }

    /** What values sealed with the current key start with; the others are sealed again (SecretKeyRotation). */
    public String currentPrefix() {
        return cipher.currentPrefix();
    }

    @Override
    public String encrypt(String plaintext, String place) {
        return cipher.seal(plaintext, place);
    }

    @Override
    public String decrypt(String ciphertext, String place) {
        return cipher.open(ciphertext, place);
    }

    /** A new Standard Webhooks secret: "whsec_" and 32 random bytes in base64. */
    public static String newSecret() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return "whsec_" + Base64.getEncoder().encodeToString(bytes);
    }
}
