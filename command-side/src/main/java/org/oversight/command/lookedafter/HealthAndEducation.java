package org.oversight.command.lookedafter;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static org.oversight.command.lookedafter.JourneyDates.notInFuture;
import static org.oversight.command.lookedafter.PeriodsOfCare.notBeforeStart;
import static org.oversight.command.rules.DecisionDates.spoken;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.oversight.command.directory.Chair;
import org.oversight.command.lookedafter.PeriodsOfCare.Period;
import org.oversight.command.rules.RuleViolation;
import org.oversight.events.lookedafter.EducationPlanRecorded;
import org.oversight.events.lookedafter.HealthCheck;
import org.oversight.events.lookedafter.HealthCheckRecorded;

/**
 * The child's health assessments, dental checks and personal education plan, as the IRO records them to monitor
 * the health plan and the PEP between reviews. A member of the {@link LookedAfterJourney}: it keeps, per period of
 * care, the day of the initial health assessment and of the earliest review assessment, which its ordering rules
 * read. When each next check is due is worked out on the query side, where the clocks are.
 */
final class HealthAndEducation {

    /** How far before the placement an assessment may stand as the initial one (reg 7(2) of SI 2010/959). */
    static final int INITIAL_ASSESSMENT_MONTHS_BEFORE_START = 3;

    private final Map<String, LocalDate> initialAssessments = new HashMap<>();
    private final Map<String, LocalDate> earliestReviewAssessments = new HashMap<>();

    void recordHealthCheck(RecordHealthCheck command, Chair iro, LocalDate today, PeriodsOfCare periods) {
        Period period = periods.open("heldOn", "a health check");
        LocalDate heldOn = command.heldOn();
        notInFuture(heldOn, today, "heldOn", "A health check");
        if (command.check() == HealthCheck.INITIAL_HEALTH_ASSESSMENT) {
            initial(period, heldOn);
        } else {
            notBeforeStart(period, heldOn, "heldOn", "A " + command.check().title().toLowerCase(Locale.UK));
        }
        if (command.check() == HealthCheck.REVIEW_HEALTH_ASSESSMENT) {
            LocalDate initial = initialAssessments.get(period.id());
            if (initial != null && heldOn.isBefore(initial)) {
                throw new RuleViolation(HealthAndEducationRule.ASSESSMENTS_IN_ORDER, "heldOn",
                        "The initial health assessment was on " + spoken(initial)
                                + "; a review health assessment is not dated before it");
            }
        }
        apply(new HealthCheckRecorded(command.childId(), period.id(), command.check(), heldOn, iro.username()));
    }

    void recordEducationPlan(RecordEducationPlan command, Chair iro, LocalDate today, PeriodsOfCare periods) {
        Period period = periods.open("heldOn", "a personal education plan");
        notInFuture(command.heldOn(), today, "heldOn", "A PEP meeting");
        notBeforeStart(period, command.heldOn(), "heldOn", "A PEP meeting");
        apply(new EducationPlanRecorded(command.childId(), period.id(), command.heldOn(), iro.username()));
    }

    private void initial(Period period, LocalDate heldOn) {
        LocalDate recorded = initialAssessments.get(period.id());
        if (recorded != null) {
            throw new RuleViolation(HealthAndEducationRule.INITIAL_ASSESSMENT_ONCE, "check",
                    "The initial health assessment of this period of care is recorded, on " + spoken(recorded)
                            + "; record a later assessment as a review health assessment");
        }
        LocalDate earliest = period.startedOn().minusMonths(INITIAL_ASSESSMENT_MONTHS_BEFORE_START);
        if (heldOn.isBefore(earliest)) {
            throw new RuleViolation(HealthAndEducationRule.INITIAL_ASSESSMENT_WITHIN_THREE_MONTHS, "heldOn",
                    "An assessment counts as the initial health assessment if made within the three months before "
                            + "the period of care started, on " + spoken(period.startedOn())
                            + ": on or after " + spoken(earliest));
        }
        LocalDate review = earliestReviewAssessments.get(period.id());
        if (review != null && heldOn.isAfter(review)) {
            throw new RuleViolation(HealthAndEducationRule.ASSESSMENTS_IN_ORDER, "heldOn",
                    "A review health assessment is recorded on " + spoken(review)
                            + "; the initial assessment is not dated after it");
        }
    }

    @EventSourcingHandler
    void on(HealthCheckRecorded event) {
        if (event.check() == HealthCheck.INITIAL_HEALTH_ASSESSMENT) {
            initialAssessments.put(event.periodId(), event.heldOn());
        } else if (event.check() == HealthCheck.REVIEW_HEALTH_ASSESSMENT) {
            earliestReviewAssessments.merge(event.periodId(), event.heldOn(),
                    (a, b) -> a.isBefore(b) ? a : b);
        }
    }
}
