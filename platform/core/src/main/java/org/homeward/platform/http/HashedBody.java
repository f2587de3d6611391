package org.homeward.platform.http;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A request body read from its stream once, hashed (SHA-256) as its bytes arrive. Large uploads are taken this
 * way so that the bytes are the only copy held: the hash stands for the body wherever the request must be
 * recognised again (an idempotent retry), instead of a second, textual copy of it.
 */
public record HashedBody(byte[] bytes, String sha256) {

    public static HashedBody read(InputStream body) {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is a required JDK algorithm", e);
        }
        ByteArrayOutputStream received = new ByteArrayOutputStream();
        if (body != null) {
            try (DigestInputStream hashing = new DigestInputStream(body, digest)) {
                hashing.transferTo(received);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return new HashedBody(received.toByteArray(), HexFormat.of().formatHex(digest.digest()));
    }
}
