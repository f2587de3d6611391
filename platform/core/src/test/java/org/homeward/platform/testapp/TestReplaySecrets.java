package org.homeward.platform.testapp;

import jakarta.enterprise.context.ApplicationScoped;
import org.homeward.platform.crypto.FieldCipher;
import org.homeward.platform.crypto.FieldKeys;
import org.homeward.platform.idempotency.ReplaySecrets;

import java.util.Base64;

/** The platform's field cipher with a fixed test key: the test application's way of keeping secrets out of the replay table. */
@ApplicationScoped
public class TestReplaySecrets implements ReplaySecrets {

    private final FieldCipher cipher = new FieldCipher(FieldKeys.single("test",
            Base64.getEncoder().encodeToString(new byte[32]), "test.replay-key"));

    @Override
    public String encrypt(String plaintext, String place) {
        return cipher.seal(plaintext, place);
    }

    @Override
    public String decrypt(String ciphertext, String place) {
        return cipher.open(ciphertext, place);
    }
}
