package org.oversight.query.audit;

import org.oversight.events.StreamIds;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.oversight.events.audit.EventChainHash;
import org.oversight.events.audit.EventChainHash.StoredEvent;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Checks a child's record against its seals: every stream that holds decisions about the child (the case,
 * the child protection and looked-after journeys, and escalations naming the child) is read straight from
 * the event store and each event's seal recomputed with the key. Reports the first event that was altered,
 * deleted, moved or added behind the platform's back; and, where the chain is anchored outside the database
 * ({@link ChainAnchor}), that no stream is shorter than it was, or rewritten, at the latest anchor.
 */
@Component
public class ChainVerifier {

    private final JdbcClient jdbc;
    private final EventChainHash chain;
    private final ChainAnchor anchor;
    private final EscalationsOfChild escalations;

    public ChainVerifier(JdbcClient jdbc, EventChainHash chain, ChainAnchor anchor, EscalationsOfChild escalations) {
        this.jdbc = jdbc;
        this.chain = chain;
        this.anchor = anchor;
        this.escalations = escalations;
    }

    /** Where the chain broke: which stream, which position, what was found, and the event's type if known. */
    public record Break(String stream, long sequence, String problem, String eventType) {
    }

    public record Verification(boolean intact, int events, int streams, Break broken) {

        public String summary() {
            return intact ? "Verified: " + events + " events in " + streams + (streams == 1 ? " stream" : " streams")
                    + ", chain intact"
                    : "Chain broken at event " + broken.sequence() + " of stream " + broken.stream() + ": "
                            + broken.problem();
        }
    }

    public List<String> streamsOf(String childId) {
        List<String> streams = new ArrayList<>(StreamIds.ofChild(childId));
        // the escalations about the child, from the escalations projection's index rather than by reading every
        // escalation ever raised: the seals of each stream found are then checked in the event store itself
        streams.addAll(escalations.idsOfChild(childId));
        return streams;
    }

    public Verification verifyChild(String childId) {
        int events = 0;
        int streams = 0;
        ChainAnchor.Anchored anchored = anchor.latest().orElse(null);
        if (anchored != null && !anchored.authentic()) {
            return new Verification(false, 0, 0, new Break("chain anchor", 0,
                    "the anchor file kept outside the database no longer matches its own seal (altered or damaged)",
                    null));
        }
        for (String stream : streamsOf(childId)) {
            StreamResult result = verifyStream(stream, anchored);
            if (result.events() == 0 && result.broken() == null && StreamIds.isEscalation(stream)) {
                // the escalation was projected from its events, so its stream existed: it has been removed
                return new Verification(false, events, streams + 1, new Break(stream, 0,
                        "every event of this escalation is missing from the event store", null));
            }
            if (result.events() == 0 && result.broken() == null) {
                continue;
            }
            streams++;
            events += result.events();
            if (result.broken() != null) {
                return new Verification(false, events, streams, result.broken());
            }
        }
        return new Verification(true, events, streams, null);
    }

    private record Seal(String eventIdentifier, long sequence, byte[] seal, String keyId) {
    }

    private record StreamResult(int events, Break broken) {
    }

    StreamResult verifyStream(String stream) {
        return verifyStream(stream, null);
    }

    StreamResult verifyStream(String stream, ChainAnchor.Anchored anchored) {
        List<StoredEvent> stored = jdbc.sql("""
                SELECT globalindex, aggregateidentifier, sequencenumber, eventidentifier, payloadtype, payloadrevision,
                       timestamp, payload, metadata
                  FROM domainevententry WHERE aggregateidentifier = :stream ORDER BY sequencenumber
                """).param("stream", stream).query((rs, i) -> new StoredEvent(rs.getLong(1), rs.getString(2),
                        rs.getLong(3), rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7),
                        rs.getBytes(8), rs.getBytes(9)))
                .list();
        List<Seal> seals = jdbc.sql("SELECT event_identifier, sequence, seal, key_id FROM event_chain "
                        + "WHERE aggregate_id = :stream ORDER BY sequence")
                .param("stream", stream)
                .query((rs, i) -> new Seal(rs.getString(1), rs.getLong(2), rs.getBytes(3), rs.getString(4)))
                .list();
        Map<String, StoredEvent> byIdentifier = new HashMap<>();
        stored.forEach(e -> byIdentifier.put(e.eventIdentifier(), e));
        byte[] previous = EventChainHash.GENESIS;
        for (Seal seal : seals) {
            StoredEvent event = byIdentifier.remove(seal.eventIdentifier());
            if (event == null) {
                return new StreamResult(seals.size(), new Break(stream, seal.sequence(),
                        "the event sealed at this position is missing from the event store (deleted)", null));
            }
            if (event.sequence() != seal.sequence()) {
                return new StreamResult(seals.size(), new Break(stream, seal.sequence(),
                        "the event sealed at this position now stands at position " + event.sequence() + " (moved)",
                        shortType(event)));
            }
            if (!chain.holds(seal.keyId())) {
                return new StreamResult(seals.size(), new Break(stream, seal.sequence(),
                        "the event was sealed under chain key '" + seal.keyId() + "', which this service does not "
                                + "hold: add it to the earlier chain keys to check this seal", shortType(event)));
            }
            if (!EventChainHash.same(chain.sealUnder(seal.keyId(), previous, event), seal.seal())) {
                return new StreamResult(seals.size(), new Break(stream, seal.sequence(),
                        "the stored event no longer matches its seal (altered, or moved in the store)",
                        shortType(event)));
            }
            previous = seal.seal();
        }
        if (!byIdentifier.isEmpty()) {
            StoredEvent unsealed = byIdentifier.values().stream()
                    .min((a, b) -> Long.compare(a.sequence(), b.sequence())).orElseThrow();
            return new StreamResult(stored.size(), new Break(stream, unsealed.sequence(),
                    "this event has no seal: it was written outside the platform", shortType(unsealed)));
        }
        ChainAnchor.Head head = anchored == null ? null : anchored.heads().get(stream);
        if (head != null) {
            Seal at = seals.stream().filter(s -> s.sequence() == head.sequence()).findFirst().orElse(null);
            if (at == null) {
                return new StreamResult(stored.size(), new Break(stream, head.sequence(),
                        "the stream ends before this position, its last when anchored outside the database at "
                                + anchored.at() + ": its newest events were deleted with their seals", null));
            }
            if (!EventChainHash.same(at.seal(), head.seal())) {
                return new StreamResult(stored.size(), new Break(stream, head.sequence(),
                        "the seal at this position differs from the one anchored outside the database at "
                                + anchored.at() + " (the stream was rewritten)", null));
            }
        }
        return new StreamResult(stored.size(), null);
    }

    private static String shortType(StoredEvent event) {
        String type = event.payloadType();
        return type == null ? null : type.substring(type.lastIndexOf('.') + 1);
    }
}
