package org.oversight.query.audit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.oversight.events.audit.EventChainHash;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Anchors the event chain outside the database. The seals alone cannot show that the newest events of a stream
 * were deleted together with their seals: what remains is still a valid chain. So every stream's head (its last
 * position and that position's seal) is written, periodically and on demand, to a file outside the database,
 * itself sealed with the chain key (its last line names the key's id); verification then requires each anchored
 * head to still be there, unchanged.
 * Whoever can change the database but not the file, or not the key, cannot shorten a stream unseen.
 *
 * <p>The read log's chain ({@code ReadLogSeals}) is anchored in the same file, under {@value #READ_LOG}: a name no
 * stream can have, so it is never taken for one.
 *
 * <p>Off unless {@code oversight.audit.anchor-file} names the file (the embedded demo keeps it beside its data
 * directory). Events recorded after the latest anchor are protected by the seals only, until the next anchor.
 */
@Component
public class ChainAnchor {

    private static final String HEADER = "oversight-chain-anchor 1";
    private static final String MAC = "mac";
    /** The read log's line in the anchor file. */
    public static final String READ_LOG = "#read-log";

    private final JdbcClient jdbc;
    private final EventChainHash chain;
    private final Clock clock;
    private final Path file;
    private volatile Cached cached;

    public ChainAnchor(JdbcClient jdbc, EventChainHash chain, Clock clock,
            @Value("${oversight.audit.anchor-file:}") String file) {
        this.jdbc = jdbc;
        this.chain = chain;
        this.clock = clock;
        this.file = file == null || file.isBlank() ? null : Path.of(file.strip());
    }

    /** A stream's head when anchored. */
    public record Head(long sequence, byte[] seal) {
    }

    /**
     * The latest anchor: when it was written, each stream's head then, the read log's head then ({@code null} if it
     * had none), and whether the file still matches its own seal (when it does not, none of its heads can be
     * trusted).
     */
    public record Anchored(Instant at, Map<String, Head> heads, Head readLog, boolean authentic) {

        Anchored(Instant at, Map<String, Head> heads, boolean authentic) {
            this(at, heads, null, authentic);
        }
    }

    /** What an anchoring wrote. */
    public record Written(Instant at, int streams) {
    }

    /**
     * The anchor as last read, known by the file's identity (each anchoring moves a new file into place), time and
     * size, so that it is parsed again only when one of them changes.
     */
    private record Cached(Object file, FileTime modified, long size, Anchored anchored) {
    }

    public boolean enabled() {
        return file != null;
    }

    /** Writes every stream's head to the anchor file, replacing the previous anchor in one move. */
    public synchronized Written anchor() {
        if (file == null) {
            throw new IllegalStateException("No anchor file is configured (oversight.audit.anchor-file)");
        }
        Instant at = clock.instant();
        StringBuilder body = new StringBuilder(HEADER).append('\t').append(at).append('\n');
        int[] streams = {0};
        // each stream's head found by one step down the (stream, position) index from the head before it, rather
        // than by sorting every seal in the store, a sort that goes to disk at national size
        jdbc.sql("""
                WITH RECURSIVE head AS (
                    (SELECT aggregate_id, sequence FROM event_chain ORDER BY aggregate_id DESC, sequence DESC LIMIT 1)
                    UNION ALL
                    SELECT below.aggregate_id, below.sequence FROM head, LATERAL (
                        SELECT e.aggregate_id, e.sequence FROM event_chain e WHERE e.aggregate_id < head.aggregate_id
                         ORDER BY e.aggregate_id DESC, e.sequence DESC LIMIT 1) below)
                SELECT h.aggregate_id, h.sequence, c.seal FROM head h
                  JOIN event_chain c ON c.aggregate_id = h.aggregate_id AND c.sequence = h.sequence
                 ORDER BY h.aggregate_id
                """).query(rs -> {
                    body.append(rs.getString(1)).append('\t').append(rs.getLong(2)).append('\t')
                            .append(Base64.getEncoder().encodeToString(rs.getBytes(3))).append('\n');
                    streams[0]++;
                });
        jdbc.sql("SELECT position, seal FROM history_read_seal ORDER BY position DESC LIMIT 1").query(rs -> {
            body.append(READ_LOG).append('\t').append(rs.getLong(1)).append('\t')
                    .append(Base64.getEncoder().encodeToString(rs.getBytes(2))).append('\n');
        });
        String content = body.toString();
        String keyId = chain.currentKeyId();
        String mac = keyId + '\t' + Base64.getEncoder().encodeToString(mac(keyId, at.toString(), content));
        try {
            Path directory = file.toAbsolutePath().getParent();
            Files.createDirectories(directory);
            Path written = Files.createTempFile(directory, "chain-anchor", ".tmp");
            Files.writeString(written, content + MAC + '\t' + mac + '\n', StandardCharsets.UTF_8);
            Files.move(written, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            // the file just replaced may have had this one's size and, within the clock's tick, its time
            cached = null;
        } catch (IOException e) {
            throw new UncheckedIOException("The chain anchor could not be written", e);
        }
        return new Written(at, streams[0]);
    }

    @Scheduled(initialDelayString = "${oversight.audit.anchor-first-after:PT1M}",
            fixedDelayString = "${oversight.audit.anchor-every:PT15M}")
    void periodically() {
        if (enabled()) {
            anchor();
        }
    }

    /** The latest anchor, or empty when anchoring is off or nothing has been anchored yet. */
    public Optional<Anchored> latest() {
        if (file == null || !Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
            Cached known = cached;
            if (known != null && Objects.equals(known.file(), attributes.fileKey())
                    && known.modified().equals(attributes.lastModifiedTime()) && known.size() == attributes.size()) {
                return Optional.of(known.anchored());
            }
            Anchored anchored = parse(Files.readAllLines(file, StandardCharsets.UTF_8));
            cached = new Cached(attributes.fileKey(), attributes.lastModifiedTime(), attributes.size(), anchored);
            return Optional.of(anchored);
        } catch (IOException e) {
            return Optional.of(new Anchored(null, Map.of(), false));
        }
    }

    private Anchored parse(List<String> lines) {
        if (lines.size() < 2 || !lines.get(0).startsWith(HEADER + '\t')
                || !lines.get(lines.size() - 1).startsWith(MAC + '\t')) {
            return new Anchored(null, Map.of(), false);
        }
        Instant at;
        try {
            at = Instant.parse(lines.get(0).substring(HEADER.length() + 1));
        } catch (DateTimeParseException e) {
            return new Anchored(null, Map.of(), false);
        }
        StringBuilder content = new StringBuilder();
        Map<String, Head> heads = new HashMap<>();
        Head readLog = null;
        for (int i = 0; i < lines.size() - 1; i++) {
            String line = lines.get(i);
            content.append(line).append('\n');
            if (i == 0) {
                continue;
            }
            String[] fields = line.split("\t");
            if (fields.length != 3) {
                return new Anchored(at, Map.of(), false);
            }
            try {
                Head head = new Head(Long.parseLong(fields[1]), Base64.getDecoder().decode(fields[2]));
                if (READ_LOG.equals(fields[0])) {
                    readLog = head;
                } else {
                    heads.put(fields[0], head);
                }
            } catch (IllegalArgumentException e) {
                return new Anchored(at, Map.of(), false);
            }
        }
        // "mac <key id> <seal>"; a file written before the key could be rotated has no id: the first key made it
        String[] macLine = lines.get(lines.size() - 1).split("\t");
        String keyId = macLine.length == 3 ? macLine[1] : EventChainHash.FIRST_KEY_ID;
        byte[] recorded;
        try {
            recorded = Base64.getDecoder().decode(macLine[macLine.length - 1]);
        } catch (IllegalArgumentException e) {
            return new Anchored(at, Map.of(), false);
        }
        if (macLine.length > 3 || !chain.holds(keyId)) {
            return new Anchored(at, Map.of(), false);
        }
        boolean authentic = EventChainHash.same(mac(keyId, at.toString(), content.toString()), recorded);
        return authentic ? new Anchored(at, Map.copyOf(heads), readLog, true) : new Anchored(at, Map.of(), false);
    }

    /** The anchor's own seal: the chain key's HMAC over the file's content, under the key the file names. */
    private byte[] mac(String keyId, String at, String content) {
        return chain.sealUnder(keyId, EventChainHash.GENESIS, new EventChainHash.StoredEvent(0, "chain-anchor", 0, "chain-anchor",
                HEADER, null, at, content.getBytes(StandardCharsets.UTF_8), null));
    }
}
