package org.oversight.command.lookedafter;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static org.oversight.command.lookedafter.JourneyDates.notInFuture;
import static org.oversight.command.rules.DecisionDates.spoken;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.oversight.command.rules.RuleViolation;
import org.oversight.events.lookedafter.LegalStatus;
import org.oversight.events.lookedafter.LegalStatusChanged;
import org.oversight.events.lookedafter.PeriodOfCareEnded;
import org.oversight.events.lookedafter.PeriodOfCareStarted;
import org.oversight.events.lookedafter.PermanencePlan;
import org.oversight.events.lookedafter.PermanencePlanRecorded;
import org.oversight.events.lookedafter.PlacementChanged;

/**
 * The child's periods of care, one after another: each starts, changes legal status or placement, gains a
 * permanence plan and ends. A member of the {@link LookedAfterJourney}; everything else the journey records
 * belongs to a period, so the other parts ask here for the open one.
 */
final class PeriodsOfCare {

    private final Map<String, Period> periods = new HashMap<>();
    private String openPeriodId;
    private LocalDate lastEndedOn;

    void start(StartPeriodOfCare command, LocalDate dateOfBirth, LocalDate today) {
        LocalDate startedOn = command.startedOn();
        if (periods.containsKey(command.periodId())) {
            throw new RuleViolation(LookedAfterRule.IDENTIFIER_NOT_REUSED, "periodId",
                    "This period of care is already recorded; reload the page to see it");
        }
        if (openPeriodId != null) {
            throw new RuleViolation(LookedAfterRule.ONE_OPEN_PERIOD, "startedOn",
                    "The child is still looked after in the period that started on "
                            + spoken(periods.get(openPeriodId).startedOn())
                            + "; end that period before starting another");
        }
        notInFuture(startedOn, today, "startedOn", "A period of care");
        if (startedOn.isBefore(dateOfBirth)) {
            throw new RuleViolation(LookedAfterRule.PERIOD_NOT_BEFORE_BIRTH, "startedOn",
                    "A period of care cannot start before the child was born, on " + spoken(dateOfBirth));
        }
        LocalDate eighteenth = dateOfBirth.plusYears(18);
        if (!startedOn.isBefore(eighteenth)) {
            throw new RuleViolation(LookedAfterRule.PERIOD_STARTS_BEFORE_EIGHTEEN, "startedOn",
                    "The child turned 18 on " + spoken(eighteenth)
                            + "; a period of care starts before the 18th birthday");
        }
        if (lastEndedOn != null && !startedOn.isAfter(lastEndedOn)) {
            throw new RuleViolation(LookedAfterRule.NEW_PERIOD_AFTER_PREVIOUS_ENDED, "startedOn",
                    "The previous period of care ended on " + spoken(lastEndedOn)
                            + "; a new period starts on a later day (a change on the same day is a change of"
                            + " legal status or placement)");
        }
        apply(new PeriodOfCareStarted(command.childId(), command.periodId(), startedOn, command.legalStatus(),
                Placements.normalise(command.placement())));
    }

    void changeLegalStatus(ChangeLegalStatus command, LocalDate today) {
        Period period = open("changedOn", "a change of legal status");
        episodeMayChange(period, command.changedOn(), today, "A change of legal status");
        if (period.legalStatus() == command.legalStatus()) {
            throw new RuleViolation(LookedAfterRule.MUST_DIFFER_FROM_CURRENT, "legalStatus",
                    "The child is already looked after under " + command.legalStatus() + " ("
                            + command.legalStatus().title() + ")");
        }
        apply(new LegalStatusChanged(command.childId(), period.id(), command.changedOn(), period.legalStatus(),
                command.legalStatus()));
    }

    void changePlacement(ChangePlacement command, LocalDate today) {
        Period period = open("changedOn", "a change of placement");
        episodeMayChange(period, command.changedOn(), today, "A change of placement");
        String placement = Placements.normalise(command.placement());
        // the same placement type with another carer is a move (SSDA903 P); with the same carer it is none
        if (Objects.equals(period.placement(), placement) && !Boolean.TRUE.equals(command.carerChanged())) {
            throw new RuleViolation(LookedAfterRule.MUST_DIFFER_FROM_CURRENT, "placement",
                    "The child is already recorded in a " + placement + " placement");
        }
        apply(new PlacementChanged(command.childId(), period.id(), command.changedOn(), period.placement(),
                placement, command.carerChanged()));
    }

    private static void episodeMayChange(Period period, LocalDate changedOn, LocalDate today, String what) {
        notInFuture(changedOn, today, "changedOn", what);
        notBeforeStart(period, changedOn, "changedOn", what);
        if (changedOn.isBefore(period.latestChangeOn())) {
            throw new RuleViolation(LookedAfterRule.CHANGES_IN_ORDER, "changedOn",
                    "The latest change in this period is recorded on " + spoken(period.latestChangeOn())
                            + "; a change is recorded on or after it");
        }
    }

    /** @param reviews asked last, whether a review of the period is recorded after the end */
    void end(EndPeriodOfCare command, LocalDate today, Reviews reviews) {
        Period period = open("endedOn", "an end");
        LocalDate endedOn = command.endedOn();
        notInFuture(endedOn, today, "endedOn", "The end of a period of care");
        if (endedOn.isBefore(period.startedOn())) {
            throw new RuleViolation(LookedAfterRule.END_NOT_BEFORE_START, "endedOn",
                    "This period of care started on " + spoken(period.startedOn()) + "; it cannot end before that");
        }
        if (endedOn.isBefore(period.latestChangeOn())) {
            throw new RuleViolation(LookedAfterRule.END_NOT_BEFORE_LATEST_RECORD, "endedOn",
                    "A change of legal status or placement is recorded on " + spoken(period.latestChangeOn())
                            + "; the period cannot end before it");
        }
        reviews.periodMayEndOn(period, endedOn);
        apply(new PeriodOfCareEnded(command.childId(), period.id(), endedOn, command.reason()));
    }

    void recordPermanencePlan(RecordPermanencePlan command, LocalDate today) {
        Period period = open("recordedOn", "a permanence plan");
        notInFuture(command.recordedOn(), today, "recordedOn", "A permanence plan");
        notBeforeStart(period, command.recordedOn(), "recordedOn", "A permanence plan");
        if (period.permanencePlanOn() != null && command.recordedOn().isBefore(period.permanencePlanOn())) {
            // the plan in force is the latest made; one dated earlier would be recorded as current yet be older
            throw new RuleViolation(LookedAfterRule.PERMANENCE_PLANS_IN_ORDER, "recordedOn",
                    "The current permanence plan was made on " + spoken(period.permanencePlanOn())
                            + "; a new plan is made on or after that day");
        }
        if (period.permanencePlan() == command.plan()) {
            throw new RuleViolation(LookedAfterRule.MUST_DIFFER_FROM_CURRENT, "plan",
                    "The permanence plan is already recorded as " + command.plan().title().toLowerCase(Locale.UK));
        }
        apply(new PermanencePlanRecorded(command.childId(), period.id(), command.recordedOn(), command.plan(),
                period.permanencePlan()));
    }

    /** The period the child is looked after in now; what belongs to a period is recorded in it. */
    Period open(String field, String what) {
        if (openPeriodId == null) {
            throw new RuleViolation(LookedAfterRule.NEEDS_OPEN_PERIOD, field, lastEndedOn == null
                    ? "The child has no period of care recorded; start one first"
                    : "The child's last period of care ended on " + spoken(lastEndedOn)
                            + "; start a new period to record " + what);
        }
        return periods.get(openPeriodId);
    }

    Period period(String periodId) {
        return periods.get(periodId);
    }

    static void notBeforeStart(Period period, LocalDate date, String field, String what) {
        if (date.isBefore(period.startedOn())) {
            throw new RuleViolation(LookedAfterRule.NOT_BEFORE_PERIOD_START, field,
                    what + " cannot be dated before the period of care started, on " + spoken(period.startedOn()));
        }
    }

    @EventSourcingHandler
    void on(PeriodOfCareStarted event) {
        periods.put(event.periodId(), Period.started(event));
        openPeriodId = event.periodId();
    }

    @EventSourcingHandler
    void on(LegalStatusChanged event) {
        periods.computeIfPresent(event.periodId(), (id, period) -> period.withStatus(event.changedOn(), event.to()));
    }

    @EventSourcingHandler
    void on(PlacementChanged event) {
        periods.computeIfPresent(event.periodId(), (id, period) -> period.withPlacement(event.changedOn(), event.to()));
    }

    @EventSourcingHandler
    void on(PeriodOfCareEnded event) {
        periods.computeIfPresent(event.periodId(), (id, period) -> period.ended(event.endedOn()));
        openPeriodId = null;
        lastEndedOn = event.endedOn();
    }

    @EventSourcingHandler
    void on(PermanencePlanRecorded event) {
        periods.computeIfPresent(event.periodId(), (id, period) -> period.withPermanencePlan(event.plan(),
                event.recordedOn()));
    }

    /** A legal status and the day it took effect inside a period. */
    private record StatusFrom(LocalDate from, LegalStatus status) {
    }

    /** A period of care as it stands; replaced, never changed, as events arrive. */
    record Period(String id, LocalDate startedOn, List<StatusFrom> statuses, String placement,
            LocalDate latestChangeOn, LocalDate endedOn, PermanencePlan permanencePlan, LocalDate permanencePlanOn) {

        Period {
            statuses = List.copyOf(statuses);
        }

        private static Period started(PeriodOfCareStarted event) {
            return new Period(event.periodId(), event.startedOn(),
                    List.of(new StatusFrom(event.startedOn(), event.legalStatus())), event.placement(),
                    event.startedOn(), null, null, null);
        }

        private LegalStatus legalStatus() {
            return statuses.get(statuses.size() - 1).status();
        }

        private Period withStatus(LocalDate on, LegalStatus status) {
            List<StatusFrom> changed = new ArrayList<>(statuses);
            changed.add(new StatusFrom(on, status));
            return new Period(id, startedOn, changed, placement, on, endedOn, permanencePlan, permanencePlanOn);
        }

        private Period withPlacement(LocalDate on, String to) {
            return new Period(id, startedOn, statuses, to, on, endedOn, permanencePlan, permanencePlanOn);
        }

        private Period ended(LocalDate on) {
            return new Period(id, startedOn, statuses, placement, latestChangeOn, on, permanencePlan,
                    permanencePlanOn);
        }

        private Period withPermanencePlan(PermanencePlan plan, LocalDate on) {
            return new Period(id, startedOn, statuses, placement, latestChangeOn, endedOn, plan, on);
        }
    }
}
