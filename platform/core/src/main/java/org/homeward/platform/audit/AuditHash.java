package org.homeward.platform.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * The hash of one link: SHA-256 over the previous link's hash and the entry's fields as a JSON array (an
 * unambiguous encoding: no separator inside a value can make two entries look alike).
 */
final class AuditHash {

    static final String GENESIS = "0".repeat(64);
    private static final ObjectMapper JSON = new ObjectMapper();

    private AuditHash() {
    }

    static String of(String previousHash, AuditEntry entry) {
        try {
            String canonical = JSON.writeValueAsString(Arrays.asList(entry.id, entry.occurredAt.toString(),
                    entry.actorSubject, entry.actorOrganisation, entry.actorParty, entry.action, entry.resourceType,
                    entry.resourceId, entry.purpose));
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            sha256.update(previousHash.getBytes(StandardCharsets.US_ASCII));
            sha256.update((byte) '\n');
            return HexFormat.of().formatHex(sha256.digest(canonical.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException | JsonProcessingException e) {
            throw new IllegalStateException("SHA-256 and JSON of plain values are always available", e);
        }
    }
}
