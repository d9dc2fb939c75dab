package org.oversight.query.subjectaccess;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.oversight.events.subjectaccess.ReviewedItem;
import org.oversight.events.subjectaccess.Whose;
import org.oversight.query.history.ChildHistory;
import org.oversight.query.history.HistoryEntry;
import org.oversight.query.history.PlainWords;
import org.oversight.query.history.RecordedEvent;

/**
 * A copy of a child's record for a subject access request: the auditor's history in plain words, up to a stored
 * event, each fact saying whose information it holds, with other people's information withheld unless the person
 * preparing the copy released it.
 *
 * @param historyThrough the store's global position of the last event the copy holds
 * @param prepared       whether this is the copy as prepared (false: a draft for review, with today's history)
 * @param facts          what the record says, oldest first, as released
 * @param items          every piece of other people's information found, with the decision that applies to it;
 *                       for the person preparing the copy, never for the requester
 */
public record SubjectAccessCopy(String childId, String childName, RequestView request, boolean prepared,
        long historyThrough, List<Fact> facts, List<Item> items) {

    /** What a withheld piece of a line reads as. */
    static final String WITHHELD = "[withheld]";

    /**
     * One fact of the record, as released.
     *
     * @param whose whose information the fact holds: always the child's, and anyone else's it mentions
     */
    public record Fact(LocalDate effectiveOn, String effectiveOnText, List<String> lines, Set<Whose> whose,
            boolean withholdsSomething) {

        /** Whose information the fact holds, as the copy says it. */
        public String whoseText() {
            return String.join("; ", whose.stream().map(Whose::title).toList());
        }
    }

    /**
     * One piece of other people's information, and what is decided about it.
     *
     * @param key         names the piece in a preparation, derived from whose it is and its words
     * @param appearances how many lines of the copy hold it
     * @param reviewed    whether the person preparing the copy decided it; if not, {@code released} is the default
     */
    public record Item(String key, Whose whose, String about, String value, boolean wholeLine, int appearances,
            boolean released, String reason, boolean reviewed) {

        public String whoseTitle() {
            return whose.title();
        }
    }

    public long withheldCount() {
        return items.stream().filter(item -> !item.released()).count();
    }

    /** How many pieces are withheld, by whose information they are, for the copy's own explanation. */
    public Map<Whose, Long> withheldByWhose() {
        Map<Whose, Long> counts = new EnumMap<>(Whose.class);
        items.stream().filter(item -> !item.released()).forEach(item -> counts.merge(item.whose(), 1L, Long::sum));
        return counts;
    }

    /**
     * Builds the copy from the child's stored events.
     *
     * @param events    the child's events in stored order; those after {@code through} are left out
     * @param decisions the reviewed pieces by key; a piece not among them gets its default
     */
    public static SubjectAccessCopy of(String childId, List<RecordedEvent> events, RequestView request,
            boolean prepared, long through, Map<String, ReviewedItem> decisions, PlainWords words,
            WhoseInformation whose) {
        List<RecordedEvent> held = events.stream().filter(e -> e.globalIndex() <= through).toList();
        ChildHistory history = ChildHistory.of(childId, held, words);
        Map<String, Found> found = new LinkedHashMap<>();
        for (RecordedEvent event : held) {
            List<Mention> mentions = new ArrayList<>(event.payload() == null ? List.of() : whose.of(event.payload()));
            if (event.recordedByName() != null) {
                mentions.add(Mention.of(Whose.PROFESSIONAL, event.recordedByName(),
                        "The name of the member of staff who recorded a decision"));
            }
            for (Mention mention : mentions) {
                Whose holder = mention.whose() == Whose.NAMED_PERSON && request != null
                        && mention.value().strip().equalsIgnoreCase(request.requesterName().strip())
                        ? Whose.REQUESTER : mention.whose();
                String key = key(holder, mention.value());
                found.putIfAbsent(key, new Found(key, holder, mention));
            }
        }
        // a longer piece is matched before a shorter one it may contain
        List<Found> matching = found.values().stream()
                .sorted(Comparator.comparing((Found f) -> f.mention.value().length()).reversed()).toList();
        Map<String, Integer> appearances = new LinkedHashMap<>();
        List<Fact> facts = new ArrayList<>();
        for (HistoryEntry entry : history.entries()) {
            List<String> raw = new ArrayList<>();
            raw.add(entry.headline());
            raw.addAll(entry.details());
            for (HistoryEntry correction : entry.corrections()) {
                raw.add("Corrected: " + correction.headline());
                raw.addAll(correction.details());
            }
            raw.add("Recorded" + entry.recorded().substring("recorded".length()));
            Set<Whose> holders = EnumSet.of(Whose.CHILD);
            List<String> lines = new ArrayList<>();
            boolean withholds = false;
            for (String line : raw) {
                String text = line;
                for (Found piece : matching) {
                    boolean released = released(piece, decisions);
                    if (piece.mention.wholeLine()) {
                        if (text.startsWith(piece.mention.value())) {
                            holders.add(piece.whose);
                            appearances.merge(piece.key, 1, Integer::sum);
                            if (!released) {
                                text = "[Withheld: " + piece.whose.title().toLowerCase(Locale.UK) + "]";
                                withholds = true;
                                break;
                            }
                        }
                        continue;
                    }
                    Matcher matcher = piece.pattern.matcher(text);
                    if (matcher.find()) {
                        holders.add(piece.whose);
                        appearances.merge(piece.key, 1, Integer::sum);
                        if (!released) {
                            text = matcher.replaceAll(Matcher.quoteReplacement(WITHHELD));
                            withholds = true;
                        }
                    }
                }
                lines.add(text);
            }
            facts.add(new Fact(entry.effectiveOn(), entry.effectiveOnText(), lines, holders, withholds));
        }
        List<Item> items = found.values().stream().filter(f -> appearances.containsKey(f.key)).map(f -> {
            ReviewedItem decided = decisions.get(f.key);
            return new Item(f.key, f.whose, f.mention.about(), f.mention.value(), f.mention.wholeLine(),
                    appearances.get(f.key), released(f, decisions), decided == null ? null : decided.reason(),
                    decided != null);
        }).sorted(Comparator.comparing(Item::released).thenComparing(Item::whose).thenComparing(Item::value))
                .toList();
        return new SubjectAccessCopy(childId, history.childName(), request, prepared, through, facts, items);
    }

    private static boolean released(Found piece, Map<String, ReviewedItem> decisions) {
        ReviewedItem decided = decisions.get(piece.key);
        return decided != null ? decided.released() : piece.whose.releasedUnlessWithheld();
    }

    /** A key that names the piece without holding it: the same words of the same person's always get the same. */
    static String key(Whose whose, String value) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest((whose.name() + "\n" + value.strip()).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 10);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    private static final class Found {
        private final String key;
        private final Whose whose;
        private final Mention mention;
        private final Pattern pattern;

        private Found(String key, Whose whose, Mention mention) {
            this.key = key;
            this.whose = whose;
            this.mention = mention;
            // whole words only: a short name is not found inside a longer word
            this.pattern = Pattern.compile("(?<![\\p{L}\\p{N}])" + Pattern.quote(mention.value().strip())
                    + "(?![\\p{L}\\p{N}])");
        }
    }
}
