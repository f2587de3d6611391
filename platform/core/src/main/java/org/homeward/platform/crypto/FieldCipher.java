package org.homeward.platform.crypto;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;

/**
 * Seals one stored value at a time with AES-256-GCM and a random 96-bit nonce (so equal values never look
 * equal at rest), for columns that must not be readable from a database dump: webhook signing secrets, DNA
 * genotypes and ratios. Three things beyond encryption:
 * <ul>
 *   <li>Each value is bound to its <em>place</em> (table, column, row, locus) as GCM associated data, so a
 *       sealed value copied to another row or locus does not open there.</li>
 *   <li>The plaintext is padded to a multiple of {@value #BLOCK} bytes before sealing, so the length of a
 *       sealed genotype does not tell "9/10" from "22.3/24.3".</li>
 *   <li>The sealed form names its key ({@code v1:<key id>:<base64>}), so keys rotate without downtime:
 *       new values take the current key, retired keys still open theirs until {@link #isCurrent} says a value
 *       was moved.</li>
 * </ul>
 * Values sealed before binding (bare base64, no place, no padding) still open, with any key of the ring,
 * while {@code acceptUnbound} allows it: until the owning service's re-encryption job has sealed them again.
 * Then turn it off, since an unbound value opens in any row it is copied to.
 */
public final class FieldCipher {

    static final int BLOCK = 32;
    private static final String VERSION = "v1:";
    private static final int NONCE_BYTES = 12;
    private static final byte PAD_MARK = (byte) 0x80;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final FieldKeys keys;
    private final boolean acceptUnbound;

    /** A cipher that also opens values sealed before binding (an upgrade in progress). */
    public FieldCipher(FieldKeys keys) {
        this(keys, true);
    }

    public FieldCipher(FieldKeys keys, boolean acceptUnbound) {
        this.keys = keys;
        this.acceptUnbound = acceptUnbound;
    }

    /** Seals {@code plain} for {@code place}: only the same place opens it again. */
    public String seal(String plain, String place) {
        byte[] nonce = new byte[NONCE_BYTES];
        RANDOM.nextBytes(nonce);
        byte[] sealed;
        try {
            sealed = run(Cipher.ENCRYPT_MODE, keys.current(), nonce, place, padded(plain.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Could not seal a value", e);
        }
        return VERSION + keys.currentId() + ":" + Base64.getEncoder().encodeToString(
                ByteBuffer.allocate(nonce.length + sealed.length).put(nonce).put(sealed).array());
    }

    /** Opens a value sealed for {@code place}; refuses one sealed for anywhere else, or damaged. */
    public String open(String sealed, String place) {
        try {
            if (!sealed.startsWith(VERSION)) {
                if (!acceptUnbound) {
                    throw new IllegalStateException("A value sealed before values were bound to their place, and"
                            + " unbound values are no longer accepted");
                }
                return openUnbound(sealed);
            }
            int colon = sealed.indexOf(':', VERSION.length());
            SecretKeySpec key = keys.byId(sealed.substring(VERSION.length(), colon));
            byte[] all = Base64.getDecoder().decode(sealed.substring(colon + 1));
            byte[] plain = run(Cipher.DECRYPT_MODE, key, Arrays.copyOf(all, NONCE_BYTES), place,
                    Arrays.copyOfRange(all, NONCE_BYTES, all.length));
            return new String(unpadded(plain), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException | RuntimeException e) {
            throw new IllegalStateException("Could not open a sealed value (a wrong or missing key, a damaged value,"
                    + " or a value copied from another place)", e);
        }
    }

    /** Whether a value is sealed with the current key and bound to its place (nothing left to re-encrypt). */
    public boolean isCurrent(String sealed) {
        return sealed.startsWith(currentPrefix());
    }

    /** What every value sealed with the current key starts with (for queries finding those left to move). */
    public String currentPrefix() {
        return VERSION + keys.currentId() + ":";
    }

    /** A value sealed before places and key ids: tried with each key of the ring. */
    private String openUnbound(String sealed) throws GeneralSecurityException {
        byte[] all = Base64.getDecoder().decode(sealed);
        GeneralSecurityException last = null;
        for (SecretKeySpec key : keys.all()) {
            try {
                return new String(run(Cipher.DECRYPT_MODE, key, Arrays.copyOf(all, NONCE_BYTES), null,
                        Arrays.copyOfRange(all, NONCE_BYTES, all.length)), StandardCharsets.UTF_8);
            } catch (GeneralSecurityException wrongKey) {
                last = wrongKey;
            }
        }
        throw last;
    }

    private static byte[] run(int mode, SecretKeySpec key, byte[] nonce, String place, byte[] input)
            throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(mode, key, new GCMParameterSpec(128, nonce));
        if (place != null) {
            cipher.updateAAD(place.getBytes(StandardCharsets.UTF_8));
        }
        return cipher.doFinal(input);
    }

    /** ISO/IEC 7816-4 padding: a 0x80 byte, then zeros to the next multiple of the block. */
    static byte[] padded(byte[] plain) {
        byte[] padded = new byte[(plain.length / BLOCK + 1) * BLOCK];
        System.arraycopy(plain, 0, padded, 0, plain.length);
        padded[plain.length] = PAD_MARK;
        return padded;
    }

    static byte[] unpadded(byte[] padded) {
        int end = padded.length - 1;
        while (end >= 0 && padded[end] == 0) {
            end--;
        }
        if (end < 0 || padded[end] != PAD_MARK) {
            throw new IllegalStateException("A sealed value without its padding");
        }
        return Arrays.copyOf(padded, end);
    }
}
