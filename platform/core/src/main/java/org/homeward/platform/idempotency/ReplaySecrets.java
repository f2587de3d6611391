package org.homeward.platform.idempotency;

/**
 * Encrypts a stored response that carries a secret shown once (a webhook signing secret), so that nothing
 * secret rests unencrypted in the idempotency table. A service that creates such resources provides one
 * bean of this type, with a key from its configuration; without it such a response is refused storage.
 */
public interface ReplaySecrets {

    /** @param place the stored record it rests in; only the same place decrypts it (FieldCipher) */
    String encrypt(String plaintext, String place);

    String decrypt(String ciphertext, String place);
}
