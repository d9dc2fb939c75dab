package org.oversight.command.policy;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static org.oversight.command.rules.DecisionDates.spoken;

import java.time.LocalDate;
import java.util.Objects;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.oversight.command.rules.RuleViolation;
import org.oversight.events.policy.CoreGroupSettingsSet;

/**
 * How one local authority's core groups are held in Oversight, and its history: an aggregate member of
 * {@link LocalAuthorityPolicy}. The interval is a timescale like the others (a change takes effect today or later,
 * in order, within a sensible range, and changes something). The date core groups are recorded from is a fact
 * about the authority's records, not a timescale, so it may lie in the past; it may not lie in the future, where
 * it would hide the clocks of plans being recorded now.
 */
final class CoreGroupSettings {

    private int laterIntervalWorkingDays = CoreGroupSettingsSet.DEFAULT_LATER_INTERVAL_WORKING_DAYS;
    private LocalDate recordedFrom;
    private LocalDate latestEffectiveFrom;

    void set(SetCoreGroupSettings command, LocalDate today) {
        if (command.effectiveFrom().isBefore(today)) {
            throw new RuleViolation(PolicyRule.EFFECTIVE_FROM_NOT_IN_PAST, "effectiveFrom",
                    "New settings take effect today or later: clocks already running keep the interval they started under");
        }
        if (latestEffectiveFrom != null && command.effectiveFrom().isBefore(latestEffectiveFrom)) {
            throw new RuleViolation(PolicyRule.EFFECTIVE_IN_ORDER, "effectiveFrom",
                    "The settings already change on " + spoken(latestEffectiveFrom)
                            + "; a new change takes effect on that date or later");
        }
        if (command.recordedFrom() != null && command.recordedFrom().isAfter(today)) {
            throw new RuleViolation(PolicyRule.CORE_GROUPS_RECORDED_FROM_NOT_IN_FUTURE, "recordedFrom",
                    "Core group meetings are recorded in Oversight from today or an earlier date, not a future one");
        }
        if (command.laterIntervalWorkingDays() < 5 || command.laterIntervalWorkingDays() > 60) {
            throw new RuleViolation(PolicyRule.WITHIN_RANGE, "laterIntervalWorkingDays",
                    "The time between core group meetings must be between 5 and 60 working days");
        }
        if (command.laterIntervalWorkingDays() == laterIntervalWorkingDays
                && Objects.equals(command.recordedFrom(), recordedFrom) && latestEffectiveFrom != null) {
            throw new RuleViolation(PolicyRule.SOMETHING_CHANGES,
                    "These are the settings already recorded; change at least one of them");
        }
        apply(new CoreGroupSettingsSet(command.localAuthority().strip(), command.effectiveFrom(),
                command.recordedFrom(), command.laterIntervalWorkingDays(), command.reason().strip()));
    }

    @EventSourcingHandler
    void on(CoreGroupSettingsSet event) {
        laterIntervalWorkingDays = event.laterIntervalWorkingDays();
        recordedFrom = event.recordedFrom();
        latestEffectiveFrom = event.effectiveFrom();
    }
}
