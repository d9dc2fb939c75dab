package org.oversight.query.history;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.oversight.query.lookedafter.ChildVoiceRecord;
import org.oversight.query.clocks.DriftSignal;
import org.oversight.query.clocks.TimelinePage;

/**
 * A child's state on one day, reconstructed from the event store in one of two ways.
 *
 * @param view             {@code FACTS_ON}: what had happened by {@code day}, from everything recorded up to now
 *                         (corrections applied); {@code RECORDED_AT}: what the platform held at {@code knownAt},
 *                         leaving out facts recorded later and later corrections
 * @param label            the view's heading, in words
 * @param explanation      what the view includes and leaves out, in words
 * @param knownAt          the moment up to which recorded events were used
 * @param eventsConsidered how many stored events were folded into this state
 * @param voice            the child's voice, the people around the child and other meetings chaired, by the day
 */
public record ChildState(String view, String label, String explanation, LocalDate day, Instant knownAt,
        int eventsConsidered, List<Chair> chairs, List<Enquiry> enquiries, List<Plan> plans, List<Period> periods,
        List<Review> reviews, List<Action> actions, List<Escalation> openEscalations,
        List<TimelinePage.Entry> clocks, List<DriftSignal> signals, ChildVoiceRecord voice) {

    public record Chair(String role, String name, LocalDate since) {
    }

    /** A section 47 enquiry and where it stood. */
    public record Enquiry(LocalDate strategyDiscussionOn, String standing) {
    }

    /** A child protection plan that had started by the day. */
    public record Plan(LocalDate startDate, String initialCategory, String latestCategory, int reviewsHeld,
            LocalDate lastReviewOn, boolean open, LocalDate endDate, String endReason) {
    }

    /** A period of care that had started by the day, with the legal status and placement it then had. */
    public record Period(LocalDate startedOn, String legalStatus, String placement, boolean open, LocalDate endedOn,
            String endReason) {
    }

    public record Review(LocalDate heldOn, String participation, boolean consultedBefore, String chairedBy) {
    }

    /** A care plan action agreed by the day and its status on the day. */
    public record Action(String action, String owner, LocalDate dueOn, String status) {
    }

    /** An escalation open on the day, at the level it had reached. */
    public record Escalation(LocalDate raisedOn, String level, String concern, String raisedBy,
            boolean referredToCafcass) {
    }

    public boolean empty() {
        return plans.isEmpty() && enquiries.isEmpty() && periods.isEmpty() && openEscalations.isEmpty();
    }
}
