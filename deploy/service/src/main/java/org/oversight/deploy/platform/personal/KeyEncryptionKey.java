package org.oversight.deploy.platform.personal;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * The key that wraps every data key before it is stored. It lives outside the database (an environment variable
 * or a secret store; a file beside the embedded demo's data directory), so that a copy of the database alone
 * reads no personal content, and destroying a wrapped data key in the database destroys the only copy.
 */
public final class KeyEncryptionKey {

    static final int IV_BYTES = 12;
    static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();
    /**
     * One cipher object a thread, set up afresh (key and nonce) for every use: looking the algorithm up among the
     * providers each time cost as much as the encryption itself (a few per cent of a registration's time).
     */
    private static final ThreadLocal<Cipher> GCM = ThreadLocal.withInitial(() -> {
        try {
            return Cipher.getInstance("AES/GCM/NoPadding");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available", e);
        }
    });

    private final SecretKey key;

    public KeyEncryptionKey(byte[] key) {
        if (key.length != 32) {
            throw new IllegalArgumentException("The key-encryption key must be 32 bytes (AES-256)");
        }
        this.key = new SecretKeySpec(key, "AES");
    }

    /** A new random data key. */
    static SecretKey newDataKey() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return new SecretKeySpec(bytes, "AES");
    }

    /** The data key, encrypted and bound to its id (a wrapped key moved to another id does not unwrap). */
    byte[] wrap(String keyId, SecretKey dataKey) {
        return seal(key, dataKey.getEncoded(), keyId.getBytes(StandardCharsets.UTF_8));
    }

    SecretKey unwrap(String keyId, byte[] wrapped) {
        return new SecretKeySpec(open(key, wrapped, keyId.getBytes(StandardCharsets.UTF_8)), "AES");
    }

    /** AES-GCM with a random nonce written before the ciphertext. */
    static byte[] seal(SecretKey key, byte[] plain, byte[] associated) {
        try {
            byte[] iv = new byte[IV_BYTES];
            RANDOM.nextBytes(iv);
            Cipher cipher = GCM.get();
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, iv));
            cipher.updateAAD(associated);
            byte[] sealed = cipher.doFinal(plain);
            byte[] out = Arrays.copyOf(iv, IV_BYTES + sealed.length);
            System.arraycopy(sealed, 0, out, IV_BYTES, sealed.length);
            return out;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available", e);
        }
    }

    static byte[] open(SecretKey key, byte[] sealed, byte[] associated) {
        if (sealed == null || sealed.length < IV_BYTES + TAG_BITS / 8) {
            // shorter than a nonce and a tag: cut short, or never sealed at all
            throw new IllegalStateException("Stored personal content could not be opened with its key");
        }
        try {
            Cipher cipher = GCM.get();
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, sealed, 0, IV_BYTES));
            cipher.updateAAD(associated);
            return cipher.doFinal(sealed, IV_BYTES, sealed.length - IV_BYTES);
        } catch (GeneralSecurityException e) {
            // no message: nothing about the content or the key belongs in a log
            throw new IllegalStateException("Stored personal content could not be opened with its key", e);
        }
    }
}
