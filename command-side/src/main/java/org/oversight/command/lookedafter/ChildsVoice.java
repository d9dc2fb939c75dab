package org.oversight.command.lookedafter;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static org.oversight.command.lookedafter.JourneyDates.notInFuture;
import static org.oversight.command.lookedafter.PeriodsOfCare.notBeforeStart;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.oversight.command.directory.Chair;
import org.oversight.command.lookedafter.PeriodsOfCare.Period;
import org.oversight.command.rules.RuleViolation;
import org.oversight.events.lookedafter.AdvocacyRecorded;
import org.oversight.events.lookedafter.AdvocacyStep;
import org.oversight.events.lookedafter.ChildChairedReview;
import org.oversight.events.lookedafter.MeetingChaired;
import org.oversight.events.lookedafter.ParticipationCode;
import org.oversight.events.policy.MeetingTypes.MeetingType;
import org.oversight.events.lookedafter.ParentsWishesSought;

/**
 * The child's voice and the people around the child, beyond the consultation before each review: advocacy and
 * how to complain (sections 26 and 26A of the Children Act 1989), the wishes and feelings of the parents and others
 * with parental responsibility (reg 36 of SI 2010/959), the child chairing their own review, and the other
 * meetings the IRO chairs about the child. An aggregate member of the journey; it keeps only what its own rules
 * read.
 */
final class ChildsVoice {

    /** The participation codes of a child who attended their review (PN1 to PN4). */
    private static final Set<ParticipationCode> ATTENDED = EnumSet.of(ParticipationCode.PN1, ParticipationCode.PN2,
            ParticipationCode.PN3, ParticipationCode.PN4);

    /** The days the child was referred for advocacy, by period of care. */
    private final Map<String, TreeSet<LocalDate>> referrals = new HashMap<>();
    private final Set<String> chairedReviews = new HashSet<>();
    private final Set<String> meetings = new HashSet<>();

    void advocacy(RecordAdvocacy command, Chair iro, LocalDate today, PeriodsOfCare periods) {
        Period period = during(periods, command.on(), today, "on", "An advocacy step");
        if (command.step() == AdvocacyStep.ADVOCATE_APPOINTED) {
            TreeSet<LocalDate> referred = referrals.get(period.id());
            if (referred == null || referred.floor(command.on()) == null) {
                throw new RuleViolation(ChildVoiceRule.ADVOCATE_APPOINTED_AFTER_REFERRAL, "step",
                        "Record the referral to the advocacy service first: an advocate is appointed after the "
                                + "child is referred, in this period of care");
            }
        }
        apply(new AdvocacyRecorded(command.childId(), period.id(), command.step(), command.on(), iro.username()));
    }

    void parentsWishes(RecordParentsWishes command, Chair iro, LocalDate today, PeriodsOfCare periods) {
        Period period = during(periods, command.soughtOn(), today, "soughtOn", "Seeking a parent's wishes");
        apply(new ParentsWishesSought(command.childId(), period.id(), command.soughtOn(), command.whose(),
                command.outcome(), iro.username()));
    }

    void chairing(RecordChildChairing command, Chair iro, Reviews reviews) {
        ParticipationCode participation = reviews.participationIn(command.reviewId());
        if (!ATTENDED.contains(participation)) {
            throw new RuleViolation(ChildVoiceRule.CHAIRING_NEEDS_ATTENDANCE, "reviewId",
                    "The child did not attend this review (" + participation.name() + "), so did not chair it");
        }
        if (chairedReviews.contains(command.reviewId())) {
            throw new RuleViolation(ChildVoiceRule.CHAIRING_RECORDED_ONCE, "reviewId",
                    "The child's part in chairing this review is already recorded");
        }
        apply(new ChildChairedReview(command.childId(), command.reviewId(), command.chairing(), iro.username()));
    }

    void meeting(RecordMeetingChaired command, Chair iro, LocalDate today, PeriodsOfCare periods,
            Optional<MeetingType> type) {
        Period period = during(periods, command.heldOn(), today, "heldOn", "A meeting");
        MeetingType kept = type.orElseThrow(() -> new RuleViolation(ChildVoiceRule.MEETING_TYPE_MUST_BE_KNOWN,
                "meetingType", "Select a type of meeting the child's local authority keeps"));
        if (command.attendeeRoles().isEmpty()) {
            throw new RuleViolation(ChildVoiceRule.MEETING_NEEDS_ATTENDEES_AND_OUTCOME, "attendeeRoles",
                    "Select the roles of those who took part in the meeting");
        }
        if (meetings.contains(command.meetingId())) {
            throw new RuleViolation(ChildVoiceRule.MEETING_NOT_RECORDED_TWICE, "meetingId",
                    "This meeting is already recorded");
        }
        apply(new MeetingChaired(command.childId(), period.id(), command.meetingId(), kept.code(), kept.title(),
                command.heldOn(), command.attendeeRoles().stream().map(String::strip).distinct().toList(),
                command.outcome().strip(), iro.username()));
    }

    /** What belongs to the child's open period: recorded after it happens, not before the period started. */
    static Period during(PeriodsOfCare periods, LocalDate on, LocalDate today, String field, String what) {
        Period period = periods.open(field, what.toLowerCase(java.util.Locale.UK));
        notInFuture(on, today, field, what);
        notBeforeStart(period, on, field, what);
        return period;
    }

    @EventSourcingHandler
    void on(AdvocacyRecorded event) {
        if (event.step() == AdvocacyStep.REFERRED_FOR_ADVOCACY) {
            referrals.computeIfAbsent(event.periodId(), id -> new TreeSet<>()).add(event.on());
        }
    }

    @EventSourcingHandler
    void on(MeetingChaired event) {
        meetings.add(event.meetingId());
    }

    @EventSourcingHandler
    void on(ChildChairedReview event) {
        chairedReviews.add(event.reviewId());
    }
}
