package org.oversight.command.lookedafter;

import static org.axonframework.modelling.command.AggregateLifecycle.getVersion;

import java.time.Clock;
import java.time.LocalDate;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateMember;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;
import org.oversight.command.childcase.ChildRegister;
import org.oversight.command.directory.Chair;
import org.oversight.command.directory.Directory;
import org.oversight.command.policy.MeetingTypeRegister;
import org.oversight.command.rules.RuleViolation;
import org.oversight.command.snapshots.JourneySnapshots;
import org.oversight.events.childcase.ChairRole;
import org.oversight.events.lookedafter.PeriodOfCareStarted;

/**
 * A child's looked-after journey: their periods of care one after another, what changed inside each, the IRO's
 * reviews and monitoring, and the care plan actions agreed at reviews. One per child, identified by
 * {@link LookedAfterIds#journeyOf(String)}; kept apart from the child's case and protection journey so that
 * each stays a small consistency boundary.
 *
 * <p>The journey is drawn in four parts (see the package diagram), each the one place for its own rules and
 * state: {@link PeriodsOfCare}, {@link IroMonitoring}, {@link Reviews} and {@link CarePlanActions}, with
 * {@link SocialWork} (the social worker and their statutory visits), {@link HealthAndEducation} and
 * {@link ChildsVoice} beside them. The first,
 * third and fourth are aggregate members, rebuilt from the events that concern them; monitoring keeps no state.
 * A part that needs another's facts (a review needs the open period, an action the day its review was held) is
 * handed that part, so every rule reads the state it checks from where that state is kept.
 *
 * <p>Commands are handled here, as on every aggregate; each command names its journey through its
 * {@code journeyId()}. What the journey does not own reaches the handlers as parameters: today's date from the
 * {@link Clock}, the IRO from the {@link Directory} and the child's date of birth from their case through the
 * {@link ChildRegister}, which loads the case in the same unit of work and never changes it. Every rule is
 * checked before any event is applied, so a refused command records nothing.
 *
 * <p>Every handler may meet a journey that does not exist yet ({@link AggregateCreationPolicy#CREATE_IF_MISSING}):
 * a child's first period of care starts it, and any other command about a child never looked after meets, in the
 * empty journey, the refusal it would meet in one without that period, review or action. A refused command
 * applies no event, so no empty journey is ever stored. Every handler returns the journey's version after its
 * events, the sequence number of the last event it recorded, for read-your-writes on the query side.
 */
@Aggregate(snapshotTriggerDefinition = JourneySnapshots.TRIGGER)
public class LookedAfterJourney {

    @AggregateIdentifier
    private String journeyId;
    @AggregateMember
    private final PeriodsOfCare periods = new PeriodsOfCare();
    @AggregateMember
    private final Reviews reviews = new Reviews();
    @AggregateMember
    private final CarePlanActions actions = new CarePlanActions();
    @AggregateMember
    private final SocialWork socialWork = new SocialWork();
    @AggregateMember
    private final HealthAndEducation healthAndEducation = new HealthAndEducation();
    @AggregateMember
    private final ChildsVoice voice = new ChildsVoice();

    /**
     * For Axon: the journey is rebuilt from its events; for a child's first period of care Axon creates an empty
     * journey this way, which the {@link PeriodOfCareStarted} event then names.
     */
    protected LookedAfterJourney() {
    }

    // Periods of care.

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public long handle(StartPeriodOfCare command, Clock clock, ChildRegister children) {
        periods.start(command, dateOfBirth(children, command.childId()), LocalDate.now(clock));
        return getVersion();
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public long handle(ChangeLegalStatus command, Clock clock) {
        periods.changeLegalStatus(command, LocalDate.now(clock));
        return getVersion();
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public long handle(ChangePlacement command, Clock clock) {
        periods.changePlacement(command, LocalDate.now(clock));
        return getVersion();
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public long handle(EndPeriodOfCare command, Clock clock) {
        periods.end(command, LocalDate.now(clock), reviews);
        return getVersion();
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public long handle(RecordPermanencePlan command, Clock clock) {
        periods.recordPermanencePlan(command, LocalDate.now(clock));
        return getVersion();
    }

    // The IRO's monitoring between reviews.

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public long handle(RecordConsultation command, Clock clock, Directory directory) {
        IroMonitoring.consult(command, iro(directory, command.iroId()), LocalDate.now(clock), periods);
        return getVersion();
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public long handle(RecordIroVisit command, Clock clock, Directory directory) {
        IroMonitoring.visit(command, iro(directory, command.iroId()), LocalDate.now(clock), periods);
        return getVersion();
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public long handle(RecordMidwayCheck command, Clock clock, Directory directory) {
        IroMonitoring.checkMidway(command, iro(directory, command.iroId()), LocalDate.now(clock), periods);
        return getVersion();
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public long handle(RequestEarlyReview command, Clock clock, Directory directory) {
        IroMonitoring.requestEarlyReview(command, iro(directory, command.iroId()), LocalDate.now(clock), periods);
        return getVersion();
    }

    // The social worker and their statutory visits.

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public long handle(AllocateSocialWorker command, Clock clock) {
        socialWork.allocate(command, LocalDate.now(clock), periods);
        return getVersion();
    }

    // The child's health checks and education plan, which the IRO monitors.

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public long handle(RecordHealthCheck command, Clock clock, Directory directory) {
        healthAndEducation.recordHealthCheck(command, iro(directory, command.iroId()), LocalDate.now(clock), periods);
        return getVersion();
    }

    // The child's voice and the people around the child (ChildsVoice).

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public long handle(RecordAdvocacy command, Clock clock, Directory directory) {
        voice.advocacy(command, iro(directory, command.iroId()), LocalDate.now(clock), periods);
        return getVersion();
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public long handle(EndSocialWorkerAllocation command, Clock clock) {
        socialWork.endAllocation(command, LocalDate.now(clock), periods);
        return getVersion();
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public long handle(RecordParentsWishes command, Clock clock, Directory directory) {
        voice.parentsWishes(command, iro(directory, command.iroId()), LocalDate.now(clock), periods);
        return getVersion();
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public long handle(RecordSocialWorkerVisit command, Clock clock) {
        socialWork.visit(command, LocalDate.now(clock), periods);
        return getVersion();
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public long handle(RecordChildChairing command, Directory directory) {
        voice.chairing(command, iro(directory, command.iroId()), reviews);
        return getVersion();
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public long handle(RecordPlacementIntention command, Clock clock) {
        socialWork.recordIntention(command, LocalDate.now(clock), periods);
        return getVersion();
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public long handle(RecordEducationPlan command, Clock clock, Directory directory) {
        healthAndEducation.recordEducationPlan(command, iro(directory, command.iroId()), LocalDate.now(clock),
                periods);
        return getVersion();
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public long handle(RecordMeetingChaired command, Clock clock, Directory directory, ChildRegister children,
            MeetingTypeRegister meetingTypes) {
        Chair iro = iro(directory, command.iroId());
        String authority = children.find(command.childId()).map(ChildRegister.Registered::localAuthority)
                .orElseThrow(() -> new AggregateNotFoundException(command.childId(),
                        "No child is registered under this reference"));
        voice.meeting(command, iro, LocalDate.now(clock), periods, meetingTypes.find(authority,
                command.meetingType()));
        return getVersion();
    }

    // Reviews.

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public long handle(HoldLookedAfterReview command, Clock clock, Directory directory, ChildRegister children) {
        Chair iro = iro(directory, command.iroId());
        LocalDate dateOfBirth = dateOfBirth(children, command.childId());
        reviews.hold(command, iro, dateOfBirth, LocalDate.now(clock), periods, actions);
        return getVersion();
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public long handle(RecordReviewDistribution command, Clock clock) {
        reviews.recordDistribution(command, LocalDate.now(clock));
        return getVersion();
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public long handle(RecordDecisionsSent command, Clock clock) {
        reviews.recordDecisionsSent(command, LocalDate.now(clock));
        return getVersion();
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public long handle(CorrectReviewDate command, Clock clock, ChildRegister children) {
        reviews.correctDate(command, dateOfBirth(children, command.childId()), LocalDate.now(clock), periods,
                actions);
        return getVersion();
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public long handle(CorrectParticipation command, ChildRegister children) {
        reviews.correctParticipation(command, dateOfBirth(children, command.childId()));
        return getVersion();
    }

    // Care plan actions agreed at reviews.

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public long handle(CompleteAction command, Clock clock) {
        actions.complete(command, LocalDate.now(clock), reviews);
        return getVersion();
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public long handle(ChangeAction command, Clock clock) {
        actions.change(command, LocalDate.now(clock), reviews);
        return getVersion();
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public long handle(CancelAction command, Clock clock) {
        actions.cancel(command, LocalDate.now(clock), reviews);
        return getVersion();
    }

    // What the journey reads but does not own.

    /**
     * The child's date of birth from their case. Only a registered, born child can be looked after: an unborn
     * child has no date of birth and so no period of care. Read from the case on each command that needs it, not
     * copied into the journey: a birth recorded or corrected there is seen by the next decision at once.
     */
    private static LocalDate dateOfBirth(ChildRegister children, String childId) {
        // an unknown child is the record the request addresses: not found (404), like any other unknown record
        ChildRegister.Registered child = children.find(childId).orElseThrow(
                () -> new AggregateNotFoundException(childId, "No child is registered under this reference"));
        if (child.dateOfBirth() == null) {
            throw new RuleViolation(LookedAfterRule.CHILD_MUST_BE_BORN, "childId",
                    "The child is not yet born, so cannot be looked after; record the birth on the child's case first");
        }
        return child.dateOfBirth();
    }

    /** The person recorded as IRO must be registered with the service and able to act as an IRO. */
    private static Chair iro(Directory directory, String iroId) {
        Chair chair = directory.chair(iroId).orElseThrow(() -> new RuleViolation(
                LookedAfterRule.IRO_MUST_BE_REGISTERED_IRO, "iroId", "Select an IRO who is registered with the service"));
        if (!chair.canActAs(ChairRole.IRO)) {
            throw new RuleViolation(LookedAfterRule.IRO_MUST_BE_REGISTERED_IRO, "iroId",
                    "The selected person cannot act as an Independent Reviewing Officer");
        }
        return chair;
    }

    @EventSourcingHandler
    void on(PeriodOfCareStarted event) {
        if (journeyId == null) {
            journeyId = LookedAfterIds.journeyOf(event.childId());
        }
    }
}
