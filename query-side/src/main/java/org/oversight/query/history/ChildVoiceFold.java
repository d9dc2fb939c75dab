package org.oversight.query.history;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.oversight.events.lookedafter.AdvocacyRecorded;
import org.oversight.events.lookedafter.ChildChairedReview;
import org.oversight.events.lookedafter.MeetingChaired;
import org.oversight.events.lookedafter.ParentsWishesSought;
import org.oversight.query.lookedafter.ChildVoiceRecord;
import org.oversight.query.lookedafter.LookedAfterRecord;

/**
 * Builds a child's {@link ChildVoiceRecord} in memory from events read from the event store, in the order the
 * projection's queries give it, for the as-at views (and so that the agreement test can hold the two together).
 */
public final class ChildVoiceFold {

    private ChildVoiceFold() {
    }

    /** Everything recorded in {@code events}, as the projection holds it. */
    public static ChildVoiceRecord fold(List<RecordedEvent> events, Function<String, String> names) {
        List<ChildVoiceRecord.Advocacy> advocacy = new ArrayList<>();
        List<ChildVoiceRecord.ParentsWishes> wishes = new ArrayList<>();
        List<ChildVoiceRecord.Chairing> chairing = new ArrayList<>();
        List<ChildVoiceRecord.Meeting> meetings = new ArrayList<>();
        Set<String> reviewsChaired = new java.util.HashSet<>();
        Set<String> meetingIds = new java.util.HashSet<>();
        for (RecordedEvent recorded : events) {
            Object event = recorded.payload();
            if (event instanceof AdvocacyRecorded e) {
                advocacy.add(0, new ChildVoiceRecord.Advocacy(e.on(), e.step(), names.apply(e.iroId())));
            } else if (event instanceof ParentsWishesSought e) {
                wishes.add(0, new ChildVoiceRecord.ParentsWishes(e.soughtOn(), e.whose(), e.outcome(),
                        names.apply(e.iroId())));
            } else if (event instanceof ChildChairedReview e && reviewsChaired.add(e.reviewId())) {
                chairing.add(new ChildVoiceRecord.Chairing(e.reviewId(), e.chairing()));
            } else if (event instanceof MeetingChaired e && meetingIds.add(e.meetingId())) {
                meetings.add(new ChildVoiceRecord.Meeting(e.meetingId(), e.heldOn(), e.meetingType(),
                        e.meetingTitle(), e.attendeeRoles(), e.outcome(), names.apply(e.iroId())));
            }
        }
        // newest first; of two on one day the one recorded later first (the lists were built latest-first)
        advocacy.sort(Comparator.comparing(ChildVoiceRecord.Advocacy::on).reversed());
        wishes.sort(Comparator.comparing(ChildVoiceRecord.ParentsWishes::soughtOn).reversed());
        chairing.sort(Comparator.comparing(ChildVoiceRecord.Chairing::reviewId));
        meetings.sort(Comparator.comparing(ChildVoiceRecord.Meeting::heldOn).reversed()
                .thenComparing(ChildVoiceRecord.Meeting::meetingId));
        return new ChildVoiceRecord(List.copyOf(advocacy), List.copyOf(wishes), List.copyOf(chairing),
                List.copyOf(meetings));
    }

    /** What had happened by {@code day}: steps, wishes and meetings dated by then, and reviews held by then. */
    public static ChildVoiceRecord on(ChildVoiceRecord all, LookedAfterRecord care, LocalDate day) {
        Set<String> heldByThen = care.reviews().stream().filter(r -> !r.heldOn().isAfter(day))
                .map(LookedAfterRecord.Review::reviewId).collect(Collectors.toSet());
        return new ChildVoiceRecord(
                all.advocacy().stream().filter(a -> !a.on().isAfter(day)).toList(),
                all.parentsWishes().stream().filter(w -> !w.soughtOn().isAfter(day)).toList(),
                all.chairing().stream().filter(c -> heldByThen.contains(c.reviewId())).toList(),
                all.meetings().stream().filter(m -> !m.heldOn().isAfter(day)).toList());
    }
}
