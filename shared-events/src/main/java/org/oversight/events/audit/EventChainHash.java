package org.oversight.events.audit;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * How each stored event is sealed into its stream's chain: HMAC-SHA256, under a key kept outside the database,
 * over the previous event's seal and every stored column of the event (position, identity, type, time,
 * payload and metadata bytes exactly as stored). Editing, deleting or reordering any event in the database
 * breaks the chain from that event on, and without the key nobody can seal a forged history.
 *
 * <p>Fields are length-prefixed so that no two different events can present the same input.
 *
 * <p>The key can be rotated. Every seal is stored with the id of the key that made it; new seals are made under the
 * current key, and a seal is checked under the key its id names, so an older key is kept (for checking only) as
 * long as seals made under it are kept, which is as long as the events. A chain may change key anywhere: the next
 * seal covers the previous seal's bytes, whichever key made them.
 */
public final class EventChainHash {

    /** The seal before a stream's first event. */
    public static final byte[] GENESIS = new byte[32];

    private static final String ALGORITHM = "HmacSHA256";

    /** The id given to the key of a deployment that never rotated, and to every seal made before ids existed. */
    public static final String FIRST_KEY_ID = "1";

    /** A key id: what the {@code key_id} columns hold, so the same rule as their width. */
    private static final Pattern KEY_ID = Pattern.compile("[A-Za-z0-9_-]{1,32}");

    private final String currentKeyId;
    private final Map<String, SecretKeySpec> keys;

    /** A chain under one key, with the first id: a deployment that has never rotated its key. */
    public EventChainHash(byte[] key) {
        this(FIRST_KEY_ID, key, Map.of());
    }

    /**
     * @param currentKeyId the id new seals are stored with
     * @param currentKey the key new seals are made under
     * @param previousKeys earlier keys by id, kept to check the seals they made; never used to make a seal
     */
    public EventChainHash(String currentKeyId, byte[] currentKey, Map<String, byte[]> previousKeys) {
        Map<String, SecretKeySpec> ring = new LinkedHashMap<>();
        ring.put(checkedId(currentKeyId), spec(currentKey));
        previousKeys.forEach((id, key) -> {
            if (ring.putIfAbsent(checkedId(id), spec(key)) != null) {
                throw new IllegalArgumentException("An earlier event chain key has the current key's id");
            }
        });
        this.currentKeyId = currentKeyId;
        this.keys = Map.copyOf(ring);
    }

    /**
     * Reads earlier keys written as {@code id:base64} pairs separated by commas (the form of the
     * {@code oversight.audit.previous-chain-keys} setting); blank means none.
     */
    public static Map<String, byte[]> previousKeys(String written) {
        Map<String, byte[]> keys = new LinkedHashMap<>();
        if (written == null || written.isBlank()) {
            return keys;
        }
        for (String pair : written.split(",")) {
            int colon = pair.indexOf(':');
            if (colon < 0) {
                throw new IllegalArgumentException("Each earlier event chain key is written as id:base64-key");
            }
            String id = pair.substring(0, colon).strip();
            byte[] key;
            try {
                key = Base64.getDecoder().decode(pair.substring(colon + 1).strip());
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("An earlier event chain key is not valid base64");
            }
            if (keys.put(checkedId(id), key) != null) {
                throw new IllegalArgumentException("Two earlier event chain keys have the same id");
            }
        }
        return keys;
    }

    private static String checkedId(String id) {
        if (id == null || !KEY_ID.matcher(id).matches()) {
            throw new IllegalArgumentException(
                    "An event chain key id is 1 to 32 letters, digits, hyphens or underscores");
        }
        return id;
    }

    private static SecretKeySpec spec(byte[] key) {
        if (key == null || key.length < 32) {
            throw new IllegalArgumentException("The event chain key must be at least 32 bytes");
        }
        return new SecretKeySpec(key.clone(), ALGORITHM);
    }

    /** The id stored beside every seal made now. */
    public String currentKeyId() {
        return currentKeyId;
    }

    /** Whether a seal stored with this key id can be checked here. */
    public boolean holds(String keyId) {
        return keyId != null && keys.containsKey(keyId);
    }

    /** The stored columns of one event, as the chain covers them. */
    public record StoredEvent(long globalIndex, String aggregateId, long sequence, String eventIdentifier,
            String payloadType, String payloadRevision, String timestamp, byte[] payload, byte[] metadata) {
    }

    /** The seal made now, under the current key. */
    public byte[] seal(byte[] previous, StoredEvent event) {
        return sealUnder(currentKeyId, previous, event);
    }

    /** The seal under the key with this id, to check one stored with it; see {@link #holds(String)}. */
    public byte[] sealUnder(String keyId, byte[] previous, StoredEvent event) {
        try {
            Mac mac = mac(keyId);
            field(mac, previous);
            field(mac, ByteBuffer.allocate(16).putLong(event.globalIndex()).putLong(event.sequence()).array());
            field(mac, text(event.aggregateId()));
            field(mac, text(event.eventIdentifier()));
            field(mac, text(event.payloadType()));
            field(mac, text(event.payloadRevision()));
            field(mac, text(event.timestamp()));
            field(mac, event.payload());
            field(mac, event.metadata());
            return mac.doFinal();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is unavailable", e);
        }
    }

    /**
     * Seals a record that is not an event (a read of a child's record, say) into a chain of its own: under the same
     * key, over the previous seal of that chain, the chain's kind and each of the record's fields, length-prefixed
     * as an event's are. The kind comes first, so a seal of one chain never stands for a seal of another.
     */
    public byte[] seal(byte[] previous, String kind, String... fields) {
        return sealUnder(currentKeyId, previous, kind, fields);
    }

    /** A record's seal under the key with this id, to check one stored with it. */
    public byte[] sealUnder(String keyId, byte[] previous, String kind, String... fields) {
        try {
            Mac mac = mac(keyId);
            field(mac, text("chain:" + kind));
            field(mac, previous);
            for (String value : fields) {
                field(mac, text(value));
            }
            return mac.doFinal();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is unavailable", e);
        }
    }

    private Mac mac(String keyId) throws GeneralSecurityException {
        SecretKeySpec key = keyId == null ? null : keys.get(keyId);
        if (key == null) {
            throw new IllegalArgumentException("No event chain key with this id is held here");
        }
        Mac mac = Mac.getInstance(ALGORITHM);
        mac.init(key);
        return mac;
    }

    /** Compares seals in constant time. */
    public static boolean same(byte[] a, byte[] b) {
        return a != null && b != null && MessageDigest.isEqual(a, b);
    }

    private static void field(Mac mac, byte[] value) {
        byte[] bytes = value == null ? new byte[0] : value;
        mac.update(ByteBuffer.allocate(5).put((byte) (value == null ? 0 : 1)).putInt(bytes.length).array());
        mac.update(bytes);
    }

    private static byte[] text(String value) {
        return value == null ? null : value.getBytes(StandardCharsets.UTF_8);
    }
}
