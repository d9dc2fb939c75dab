package org.oversight.query.history;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.oversight.events.childcase.ChildRegistered;

/**
 * A child's whole decision history as read from the event store, each decision in plain words with its
 * corrections beside it, oldest first by the day it took effect.
 *
 * @param childName the name the child was registered under, or {@code null} if the registration is not stored
 * @param events    how many events were read, corrections included
 * @param streams   how many streams held them (case, child protection, looked after, each escalation)
 */
public record ChildHistory(String childId, String childName, int events, int streams, List<HistoryEntry> entries) {

    public ChildHistory {
        entries = List.copyOf(entries);
    }

    /** Describes the child's stored events (in stored order) and puts each correction beside what it corrects. */
    public static ChildHistory of(String childId, List<RecordedEvent> stored, PlainWords words) {
        PlainWords.Reading reading = words.reading(childId);
        List<RecordedEvent> events = new ArrayList<>(stored.size());
        List<Description> descriptions = new ArrayList<>(stored.size());
        Set<String> subjects = new HashSet<>();
        Map<String, List<Integer>> corrections = new HashMap<>();
        Set<String> streams = new HashSet<>();
        String name = null;
        for (RecordedEvent event : stored) {
            Description description = reading.describe(event);
            int index = events.size();
            events.add(event);
            descriptions.add(description);
            streams.add(event.stream());
            if (description.subject() != null) {
                subjects.add(description.subject());
            }
            if (description.corrects() != null && subjects.contains(description.corrects())) {
                corrections.computeIfAbsent(description.corrects(), s -> new ArrayList<>()).add(index);
            }
            if (event.payload() instanceof ChildRegistered registered && event.stream().equals(childId)) {
                name = org.oversight.query.web.ChildNames.of(registered.givenName(), registered.familyName());
            }
        }
        Set<Integer> attached = new HashSet<>();
        corrections.values().forEach(attached::addAll);
        Map<Integer, HistoryEntry> entries = new LinkedHashMap<>();
        for (int i = 0; i < events.size(); i++) {
            if (attached.contains(i)) {
                continue;
            }
            Description description = descriptions.get(i);
            List<HistoryEntry> beside = description.subject() == null ? List.of()
                    : corrections.getOrDefault(description.subject(), List.of()).stream()
                            .map(c -> HistoryEntry.of(events.get(c), descriptions.get(c), List.of())).toList();
            entries.put(i, HistoryEntry.of(events.get(i), description, beside,
                    description.datedBy() == null ? null : latestDate(corrections.get(description.datedBy()),
                            descriptions)));
        }
        List<HistoryEntry> ordered = new ArrayList<>(entries.values());
        ordered.sort(Comparator.comparing(HistoryEntry::effectiveOn).thenComparing(HistoryEntry::globalIndex));
        return new ChildHistory(childId, name, stored.size(), streams.size(), ordered);
    }

    private static LocalDate latestDate(List<Integer> corrections, List<Description> descriptions) {
        return corrections == null ? null : corrections.stream().map(i -> descriptions.get(i).correctedDate())
                .filter(d -> d != null).reduce((first, second) -> second).orElse(null);
    }

    /** The entries that took effect on or before a day (by their corrected dates). */
    public List<HistoryEntry> effectiveBy(LocalDate day) {
        return entries.stream().filter(e -> !e.effectiveOn().isAfter(day)).toList();
    }
}
