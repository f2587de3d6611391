package org.homeward.platform.http;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * A request body read from its stream once and hashed (SHA-256) as it is read. Large uploads are taken this way
 * so that the hash stands for the body wherever the request must be recognised again (an idempotent retry),
 * instead of a second, textual copy of it. With a declared length the bytes are read straight into an array of
 * that size; without one (chunked) they are collected and copied once at the end.
 */
public record HashedBody(byte[] bytes, String sha256) {

    /** @param declaredLength the Content-Length, or a negative number when the body is chunked */
    public static HashedBody read(InputStream body, long declaredLength) {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is a required JDK algorithm", e);
        }
        if (body == null) {
            return new HashedBody(new byte[0], HexFormat.of().formatHex(digest.digest()));
        }
        try (DigestInputStream hashing = new DigestInputStream(body, digest)) {
            byte[] bytes;
            if (declaredLength >= 0 && declaredLength <= Integer.MAX_VALUE - 8) {
                bytes = new byte[(int) declaredLength];
                int read = hashing.readNBytes(bytes, 0, bytes.length);
                if (read < bytes.length) {
                    bytes = Arrays.copyOf(bytes, read);
                }
            } else {
                ByteArrayOutputStream received = new ByteArrayOutputStream();
                hashing.transferTo(received);
                bytes = received.toByteArray();
            }
            return new HashedBody(bytes, HexFormat.of().formatHex(digest.digest()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
