package org.homeward.platform.crypto;

import javax.crypto.spec.SecretKeySpec;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The keys of one {@link FieldCipher}: the current key, which seals every new value, and the retired keys
 * still read until the re-encryption job has moved every value they sealed to the current one. Every key is
 * checked when the ring is built (32 bytes, base64), so a wrong key stops the service at start-up instead of
 * failing at first use after readiness is green. Key ids are written in front of each value: short, plain.
 */
public final class FieldKeys {

    private static final Pattern KEY_ID = Pattern.compile("[A-Za-z0-9_-]{1,16}");

    private final String currentId;
    private final Map<String, SecretKeySpec> keys;

    private FieldKeys(String currentId, Map<String, SecretKeySpec> keys) {
        this.currentId = currentId;
        this.keys = Map.copyOf(keys);
    }

    /**
     * @param property the configuration property of the current key, named in every error; retired keys are
     *                 named {@code property}'s sibling {@code retiredProperty.<id>}
     */
    public static FieldKeys of(String currentId, String currentKey, Map<String, String> retired, String property,
                               String retiredProperty) {
        Map<String, SecretKeySpec> keys = new LinkedHashMap<>();
        keys.put(checkedId(currentId, property + "-id"), key(currentKey, property));
        retired.forEach((id, value) -> {
            String name = retiredProperty + "." + id;
            if (keys.containsKey(checkedId(id, name))) {
                throw new IllegalStateException(name + " has the id of the current key; give the new key a new id");
            }
            keys.put(id, key(value, name));
        });
        return new FieldKeys(currentId, keys);
    }

    /** One key and no retired ones (a test, or a value that is never rotated). */
    public static FieldKeys single(String id, String key, String property) {
        return of(id, key, Map.of(), property, property + "-retired");
    }

    String currentId() {
        return currentId;
    }

    SecretKeySpec current() {
        return keys.get(currentId);
    }

    SecretKeySpec byId(String id) {
        SecretKeySpec key = keys.get(id);
        if (key == null) {
            throw new IllegalStateException("Sealed with key '" + id + "', which is not configured");
        }
        return key;
    }

    Iterable<SecretKeySpec> all() {
        return keys.values();
    }

    private static String checkedId(String id, String property) {
        if (id == null || !KEY_ID.matcher(id).matches()) {
            throw new IllegalStateException(property + " must be 1 to 16 letters, digits, '-' or '_'");
        }
        return id;
    }

    private static SecretKeySpec key(String base64Key, String property) {
        byte[] raw;
        try {
            raw = Base64.getDecoder().decode(base64Key == null ? "" : base64Key.trim());
        } catch (IllegalArgumentException e) {
            raw = new byte[0];
        }
        if (raw.length != 32) {
            throw new IllegalStateException(property + " must be 32 bytes, base64-encoded");
        }
        return new SecretKeySpec(raw, "AES");
    }
}
