package org.oversight.command.lookedafter;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Optional;
import java.util.function.Function;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.modelling.command.Aggregate;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.Repository;
import org.oversight.command.childcase.ChildCase;
import org.oversight.command.directory.Chair;
import org.oversight.command.directory.Directory;
import org.oversight.command.rules.Rule;
import org.oversight.command.rules.RuleViolation;
import org.oversight.events.childcase.ChairRole;
import org.springframework.stereotype.Component;

/**
 * Handles the looked-after commands: finds the child's {@link LookedAfterJourney} (creating it with the first
 * period of care) and hands it what it does not own: today's date from the injected {@link Clock}, the IRO from
 * the {@link Directory} and, where a rule needs the child's age, the date of birth from the child's
 * {@link ChildCase}.
 *
 * <p>Why the date of birth is read from the case on each command that needs it, rather than copied into the
 * journey when a period starts: the case owns it, and a birth recorded or corrected there is then seen by the
 * next review at once, with no second copy to keep in step. The case is loaded in the same unit of work and
 * never changed here. Each handler returns the sequence number of the journey's last event, for read-your-writes.
 */
@Component
public class LookedAfterCommandHandler {

    private final Repository<LookedAfterJourney> journeys;
    private final Repository<ChildCase> cases;

    public LookedAfterCommandHandler(Repository<LookedAfterJourney> journeys, Repository<ChildCase> cases) {
        this.journeys = journeys;
        this.cases = cases;
    }

    @CommandHandler
    public long handle(StartPeriodOfCare command, Clock clock) throws Exception {
        LocalDate dateOfBirth = dateOfBirth(command.childId());
        LocalDate today = LocalDate.now(clock);
        // a child's first period of care starts their journey: an empty one, given its identity by the event
        return journeys.loadOrCreate(LookedAfterIds.journeyOf(command.childId()), LookedAfterJourney::new)
                .invoke(j -> j.startPeriod(command, dateOfBirth, today));
    }

    @CommandHandler
    public long handle(ChangeLegalStatus command, Clock clock) {
        return inPeriod(command.childId(), "changedOn", j -> j.changeLegalStatus(command, LocalDate.now(clock)));
    }

    @CommandHandler
    public long handle(ChangePlacement command, Clock clock) {
        return inPeriod(command.childId(), "changedOn", j -> j.changePlacement(command, LocalDate.now(clock)));
    }

    @CommandHandler
    public long handle(EndPeriodOfCare command, Clock clock) {
        return inPeriod(command.childId(), "endedOn", j -> j.endPeriod(command, LocalDate.now(clock)));
    }

    @CommandHandler
    public long handle(RecordConsultation command, Clock clock, Directory directory) {
        Chair iro = iro(directory, command.iroId());
        return inPeriod(command.childId(), "consultedOn",
                j -> j.recordConsultation(command, iro, LocalDate.now(clock)));
    }

    @CommandHandler
    public long handle(RecordIroVisit command, Clock clock, Directory directory) {
        Chair iro = iro(directory, command.iroId());
        return inPeriod(command.childId(), "visitedOn", j -> j.recordVisit(command, iro, LocalDate.now(clock)));
    }

    @CommandHandler
    public long handle(RecordMidwayCheck command, Clock clock, Directory directory) {
        Chair iro = iro(directory, command.iroId());
        return inPeriod(command.childId(), "checkedOn",
                j -> j.recordMidwayCheck(command, iro, LocalDate.now(clock)));
    }

    @CommandHandler
    public long handle(RequestEarlyReview command, Clock clock, Directory directory) {
        Chair iro = iro(directory, command.iroId());
        return inPeriod(command.childId(), "requestedOn",
                j -> j.requestEarlyReview(command, iro, LocalDate.now(clock)));
    }

    @CommandHandler
    public long handle(HoldLookedAfterReview command, Clock clock, Directory directory) {
        Chair iro = iro(directory, command.iroId());
        LocalDate dateOfBirth = dateOfBirth(command.childId());
        return inPeriod(command.childId(), "heldOn",
                j -> j.holdReview(command, iro, dateOfBirth, LocalDate.now(clock)));
    }

    @CommandHandler
    public long handle(CompleteAction command, Clock clock) {
        return withAction(command.childId(), j -> j.completeAction(command, LocalDate.now(clock)));
    }

    @CommandHandler
    public long handle(ChangeAction command, Clock clock) {
        return withAction(command.childId(), j -> j.changeAction(command, LocalDate.now(clock)));
    }

    @CommandHandler
    public long handle(CancelAction command, Clock clock) {
        return withAction(command.childId(), j -> j.cancelAction(command, LocalDate.now(clock)));
    }

    @CommandHandler
    public long handle(RecordPermanencePlan command, Clock clock) {
        return inPeriod(command.childId(), "recordedOn",
                j -> j.recordPermanencePlan(command, LocalDate.now(clock)));
    }

    @CommandHandler
    public long handle(RecordReviewDistribution command, Clock clock) {
        return withReview(command.childId(), j -> j.recordDistribution(command, LocalDate.now(clock)));
    }

    @CommandHandler
    public long handle(RecordDecisionsSent command, Clock clock) {
        return withReview(command.childId(), j -> j.recordDecisionsSent(command, LocalDate.now(clock)));
    }

    @CommandHandler
    public long handle(CorrectReviewDate command, Clock clock) {
        LocalDate dateOfBirth = dateOfBirth(command.childId());
        return withReview(command.childId(),
                j -> j.correctReviewDate(command, dateOfBirth, LocalDate.now(clock)));
    }

    @CommandHandler
    public long handle(CorrectParticipation command) {
        LocalDate dateOfBirth = dateOfBirth(command.childId());
        return withReview(command.childId(), j -> j.correctParticipation(command, dateOfBirth));
    }

    /**
     * The child's date of birth from their case. Only a registered, born child can be looked after: an unborn
     * child has no date of birth and so no period of care.
     */
    private LocalDate dateOfBirth(String childId) {
        // an unknown child is the record the request addresses: not found (404), like any other unknown record
        LocalDate dateOfBirth = cases.load(childId).invoke(ChildCase::dateOfBirth);
        if (dateOfBirth == null) {
            throw new RuleViolation(LookedAfterRule.CHILD_MUST_BE_BORN, "childId",
                    "The child is not yet born, so cannot be looked after; record the birth on the child's case first");
        }
        return dateOfBirth;
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

    private long inPeriod(String childId, String field, Function<LookedAfterJourney, Long> decision) {
        return on(childId, decision, LookedAfterRule.NEEDS_OPEN_PERIOD, field,
                "The child has no period of care recorded; start one first");
    }

    private long withReview(String childId, Function<LookedAfterJourney, Long> decision) {
        return on(childId, decision, LookedAfterRule.REVIEW_MUST_EXIST, "reviewId",
                "No review is recorded under this reference for this child");
    }

    private long withAction(String childId, Function<LookedAfterJourney, Long> decision) {
        return on(childId, decision, LookedAfterRule.ACTION_MUST_EXIST, "actionId",
                "No care plan action is recorded under this reference for this child");
    }

    /** A child who was never looked after has no journey: the refusal is the one the command would meet inside it. */
    private long on(String childId, Function<LookedAfterJourney, Long> decision, Rule ifNone, String field,
            String message) {
        Aggregate<LookedAfterJourney> journey = existing(childId)
                .orElseThrow(() -> new RuleViolation(ifNone, field, message));
        return journey.invoke(decision);
    }

    private Optional<Aggregate<LookedAfterJourney>> existing(String childId) {
        try {
            return Optional.of(journeys.load(LookedAfterIds.journeyOf(childId)));
        } catch (AggregateNotFoundException e) {
            return Optional.empty();
        }
    }
}
