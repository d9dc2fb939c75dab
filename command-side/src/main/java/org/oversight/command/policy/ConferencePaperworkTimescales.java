package org.oversight.command.policy;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static org.oversight.command.rules.DecisionDates.spoken;

import java.time.LocalDate;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.oversight.command.rules.RuleViolation;
import org.oversight.events.policy.ConferencePaperworkTimescalesSet;

/**
 * One local authority's timescales for a child protection conference's papers, and their history: an aggregate
 * member of {@link LocalAuthorityPolicy}, held to the same rules as the other settings (a change takes effect today
 * or later, in order, within a sensible range, and changes something).
 */
final class ConferencePaperworkTimescales {

    private int decisionsWorkingDays = ConferencePaperworkTimescalesSet.DEFAULT_DECISIONS_WORKING_DAYS;
    private int minutesWorkingDays = ConferencePaperworkTimescalesSet.DEFAULT_MINUTES_WORKING_DAYS;
    private LocalDate latestEffectiveFrom;

    void set(SetConferencePaperworkTimescales command, LocalDate today) {
        if (command.effectiveFrom().isBefore(today)) {
            throw new RuleViolation(PolicyRule.EFFECTIVE_FROM_NOT_IN_PAST, "effectiveFrom",
                    "New timescales take effect today or later: clocks already running keep the ones they started under");
        }
        if (latestEffectiveFrom != null && command.effectiveFrom().isBefore(latestEffectiveFrom)) {
            throw new RuleViolation(PolicyRule.EFFECTIVE_IN_ORDER, "effectiveFrom",
                    "The timescales already change on " + spoken(latestEffectiveFrom)
                            + "; a new change takes effect on that date or later");
        }
        if (command.decisionsWorkingDays() < 1 || command.decisionsWorkingDays() > 10) {
            throw new RuleViolation(PolicyRule.WITHIN_RANGE, "decisionsWorkingDays",
                    "The time to send the outcome letter and the decisions must be between 1 and 10 working days");
        }
        if (command.minutesWorkingDays() < command.decisionsWorkingDays() || command.minutesWorkingDays() > 40) {
            throw new RuleViolation(PolicyRule.WITHIN_RANGE, "minutesWorkingDays",
                    "The time to send the minutes must be between the time for the decisions and 40 working days");
        }
        if (command.decisionsWorkingDays() == decisionsWorkingDays && command.minutesWorkingDays() == minutesWorkingDays
                && latestEffectiveFrom != null) {
            throw new RuleViolation(PolicyRule.SOMETHING_CHANGES,
                    "These are the timescales already recorded; change at least one of them");
        }
        apply(new ConferencePaperworkTimescalesSet(command.localAuthority().strip(), command.effectiveFrom(),
                command.decisionsWorkingDays(), command.minutesWorkingDays(), command.reason().strip()));
    }

    @EventSourcingHandler
    void on(ConferencePaperworkTimescalesSet event) {
        decisionsWorkingDays = event.decisionsWorkingDays();
        minutesWorkingDays = event.minutesWorkingDays();
        latestEffectiveFrom = event.effectiveFrom();
    }
}
