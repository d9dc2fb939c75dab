package org.oversight.events.audit;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * How each stored event is sealed into its stream's chain: HMAC-SHA256, under a key kept outside the database,
 * over the previous event's seal and every stored column of the event (position, identity, type, time,
 * payload and metadata bytes exactly as stored). Editing, deleting or reordering any event in the database
 * breaks the chain from that event on, and without the key nobody can seal a forged history.
 *
 * <p>Fields are length-prefixed so that no two different events can present the same input.
 */
public final class EventChainHash {

    /** The seal before a stream's first event. */
    public static final byte[] GENESIS = new byte[32];

    private static final String ALGORITHM = "HmacSHA256";

    private final SecretKeySpec key;

    public EventChainHash(byte[] key) {
        if (key == null || key.length < 32) {
            throw new IllegalArgumentException("The event chain key must be at least 32 bytes");
        }
        this.key = new SecretKeySpec(key.clone(), ALGORITHM);
    }

    /** The stored columns of one event, as the chain covers them. */
    public record StoredEvent(long globalIndex, String aggregateId, long sequence, String eventIdentifier,
            String payloadType, String payloadRevision, String timestamp, byte[] payload, byte[] metadata) {
    }

    public byte[] seal(byte[] previous, StoredEvent event) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
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
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
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
