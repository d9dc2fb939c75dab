package org.oversight.deploy.platform.personal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import javax.crypto.SecretKey;
import org.oversight.events.StreamIds;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * A snapshot of a child's journey is the journey's whole state, the child's personal content included. It is kept
 * only as the child's events are: encrypted under the child's data key (AES-GCM), bound to the stream, the
 * sequence number, the journey's type and the code that wrote it, so that a snapshot altered, moved to another
 * stream or sequence, or left by other code opens as nothing and the journey is read from its events instead.
 * Once the child's key is destroyed no snapshot of the child opens, and none is written.
 *
 * <p>The code that wrote a snapshot is named by a digest of the compiled classes that decide what a journey's
 * state is: the command side's aggregates and rules, the events, and the store's own reading of them (upcasters
 * and personal content). A release that changes any of them reads no snapshot written before it; each journey is
 * read from its events once and snapshotted again.
 */
public final class SealedSnapshots {

    /** The compiled classes whose change makes every snapshot written before it unreadable. */
    static final List<String> CODE = List.of("org/oversight/command/**/*.class", "org/oversight/events/**/*.class",
            "org/oversight/deploy/platform/**/*.class");

    private static final Logger LOG = LoggerFactory.getLogger(SealedSnapshots.class);

    private final DataKeys keys;
    private final String revision;
    private final AtomicLong unopened = new AtomicLong();

    public SealedSnapshots(DataKeys keys) {
        this(keys, codeRevision());
    }

    /** Snapshots as the code named by {@code revision} writes and reads them. */
    public SealedSnapshots(DataKeys keys, String revision) {
        this.keys = keys;
        this.revision = revision;
    }

    /** The digest of the code that writes and reads snapshots now; stored as each snapshot's revision. */
    public String revision() {
        return revision;
    }

    /**
     * The snapshot encrypted under the child's key; empty for a stream that is not a child's journey, or a child
     * whose key is destroyed (or was never made).
     */
    public Optional<byte[]> seal(String streamId, String type, long sequence, byte[] plain) {
        return key(streamId).map(key -> KeyEncryptionKey.seal(key, plain, bound(streamId, type, sequence)));
    }

    /**
     * The snapshot opened; empty when it cannot be: the child's key is destroyed, the snapshot was written by other
     * code, or it was altered or moved.
     */
    public Optional<byte[]> open(String streamId, String type, long sequence, String writtenBy, byte[] sealed) {
        if (!revision.equals(writtenBy)) {
            return Optional.empty();
        }
        Optional<SecretKey> key = key(streamId);
        if (key.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(KeyEncryptionKey.open(key.get(), sealed, bound(streamId, type, sequence)));
        } catch (IllegalStateException unreadable) {
            // nothing about the stream or the child: only that the events were read instead
            unopened.incrementAndGet();
            LOG.warn("A journey's snapshot did not open under its child's key (altered, or moved from another "
                    + "stream); the journey was read from its events");
            return Optional.empty();
        }
    }

    /**
     * How many snapshots under a live key have failed to open since the start: each one altered in the database, or
     * moved there from another stream or sequence. Shown to operators as {@code oversight.snapshots.unopened}.
     */
    public long unopened() {
        return unopened.get();
    }

    private Optional<SecretKey> key(String streamId) {
        return StreamIds.childOf(streamId).flatMap(keys::forReading);
    }

    private byte[] bound(String streamId, String type, long sequence) {
        return String.join("\n", "snapshot", streamId, Long.toString(sequence), type, revision)
                .getBytes(StandardCharsets.UTF_8);
    }

    /**
     * A digest of {@link #CODE}: each class by its path within its package tree, in path order, so that the same
     * build gives the same digest from a jar or from a directory of classes.
     */
    static String codeRevision() {
        PathMatchingResourcePatternResolver resolver =
                new PathMatchingResourcePatternResolver(SealedSnapshots.class.getClassLoader());
        TreeMap<String, byte[]> classes = new TreeMap<>();
        try {
            for (String pattern : CODE) {
                for (Resource resource : resolver.getResources("classpath*:" + pattern)) {
                    String url = resource.getURL().toString();
                    String path = url.substring(url.lastIndexOf("org/oversight/"));
                    if (!classes.containsKey(path)) {
                        try (InputStream in = resource.getInputStream()) {
                            classes.put(path, in.readAllBytes());
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (classes.isEmpty()) {
            throw new IllegalStateException("The journeys' classes were not found to name the snapshots' code");
        }
        return digest(classes);
    }

    /** The digest of these classes, by path, in path order: any class added, removed, renamed or changed moves it. */
    static String digest(SortedMap<String, byte[]> classes) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            classes.forEach((path, bytes) -> {
                byte[] name = path.getBytes(StandardCharsets.UTF_8);
                // lengths first, so that no two different sets of classes can run together into the same bytes
                digest.update(ByteBuffer.allocate(8).putInt(name.length).putInt(bytes.length).array());
                digest.update(name);
                digest.update(bytes);
            });
            return HexFormat.of().formatHex(digest.digest(), 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }
}
