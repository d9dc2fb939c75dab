package org.oversight.query.lookedafter;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.oversight.events.lookedafter.AdvocacyStep;
import org.oversight.events.lookedafter.ChildChairing;
import org.oversight.events.lookedafter.ParentalResponsibility;
import org.oversight.events.lookedafter.ParentsWishesOutcome;

/**
 * The child's voice and the people around the child, and the other meetings the IRO chaired, as the child's page
 * and the as-at view read them, newest first.
 */
public record ChildVoiceRecord(List<Advocacy> advocacy, List<ParentsWishes> parentsWishes,
        List<Chairing> chairing, List<Meeting> meetings) {

    public record Advocacy(LocalDate on, AdvocacyStep step, String iroName) {
    }

    public record ParentsWishes(LocalDate soughtOn, ParentalResponsibility whose, ParentsWishesOutcome outcome,
            String iroName) {
    }

    public record Chairing(String reviewId, ChildChairing chairing) {
    }

    public record Meeting(String meetingId, LocalDate heldOn, String meetingType, String meetingTitle,
            List<String> attendeeRoles, String outcome, String iroName) {
    }

    public static ChildVoiceRecord empty() {
        return new ChildVoiceRecord(List.of(), List.of(), List.of(), List.of());
    }

    public boolean isEmpty() {
        return advocacy.isEmpty() && parentsWishes.isEmpty() && chairing.isEmpty() && meetings.isEmpty();
    }

    /** The child's part in chairing the review, if recorded. */
    public Optional<ChildChairing> chairingOf(String reviewId) {
        return chairing.stream().filter(c -> c.reviewId().equals(reviewId)).map(Chairing::chairing).findFirst();
    }

    /** The latest advocacy step, if any. */
    public Optional<Advocacy> latestAdvocacy() {
        return advocacy.stream().findFirst();
    }
}
