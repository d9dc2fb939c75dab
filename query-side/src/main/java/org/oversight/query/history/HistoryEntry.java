package org.oversight.query.history;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import org.oversight.query.calendar.England;

/**
 * One decision in a child's history: the event in plain words, where it is stored, who recorded it and when, and
 * beside it every later correction of it.
 *
 * @param stream      the event's stream (aggregate identifier)
 * @param sequence    its position in the stream
 * @param type        the event type's simple name
 * @param effectiveOn the day it takes effect, as corrected; the day it was recorded when it has no date of its own
 * @param dateCorrectedTo for a correction of a date, the date it now stands at; otherwise {@code null}
 * @param corrections later events that correct this one, in the order they were recorded
 */
public record HistoryEntry(String stream, long sequence, long globalIndex, String type, LocalDate effectiveOn,
        LocalDate originallyEffectiveOn, String headline, List<String> details, String recordedBy,
        String recordedByName, Instant recordedAt, String correlationId, LocalDate dateCorrectedTo,
        List<HistoryEntry> corrections) {

    static final ZoneId ENGLAND = England.ZONE;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", Locale.UK);

    public HistoryEntry {
        details = List.copyOf(details);
        corrections = List.copyOf(corrections);
    }

    static HistoryEntry of(RecordedEvent event, Description words, List<HistoryEntry> corrections) {
        return of(event, words, corrections, null);
    }

    /**
     * @param followsDate the latest corrected date of what this event's date follows (see
     *                    {@link Description#datedBy()}), or {@code null}
     */
    static HistoryEntry of(RecordedEvent event, Description words, List<HistoryEntry> corrections,
            LocalDate followsDate) {
        LocalDate recordedOn = LocalDate.ofInstant(event.recordedAt(), ENGLAND);
        LocalDate original = words.effectiveOn() == null ? recordedOn : words.effectiveOn();
        LocalDate effective = corrections.stream().map(HistoryEntry::dateCorrectedTo).filter(d -> d != null)
                .reduce((first, second) -> second).orElse(followsDate != null ? followsDate : original);
        return new HistoryEntry(event.stream(), event.sequence(), event.globalIndex(), event.type(), effective,
                original, words.headline(), words.details(), event.recordedBy(), event.recordedByName(),
                event.recordedAt(), event.correlationId(), words.correctedDate(), corrections);
    }

    /** Who recorded it and when, as a sentence ends: "recorded by J. Smith on 4 March 2026 at 09:12". */
    @JsonProperty("recorded")
    public String recorded() {
        LocalDateTime local = LocalDateTime.ofInstant(recordedAt, ENGLAND);
        return "recorded by " + (recordedByName != null ? recordedByName
                : recordedBy != null ? recordedBy : "someone not recorded") + " on "
                + PlainWords.day(local.toLocalDate()) + " at " + TIME.format(local);
    }

    /** The whole sentence: what happened, then who recorded it when. */
    @JsonProperty("sentence")
    public String sentence() {
        return headline + " \u2014 " + recorded();
    }

    /** The day it took effect, as a person writes it ("3 March 2026"). */
    public String effectiveOnText() {
        return PlainWords.day(effectiveOn);
    }

    /** Where the event is stored, for someone checking it against the store. */
    public String where() {
        return type + ", stream " + stream + ", position " + sequence;
    }

    public boolean corrected() {
        return !corrections.isEmpty();
    }

    /** The day it took effect differs from the day it was recorded: the fact was recorded later. */
    public boolean recordedLate() {
        return LocalDate.ofInstant(recordedAt, ENGLAND).isAfter(originallyEffectiveOn);
    }
}
