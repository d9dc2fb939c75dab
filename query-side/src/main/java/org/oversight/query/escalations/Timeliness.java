package org.oversight.query.escalations;

import java.time.LocalDate;
import org.oversight.query.calendar.DueDate;
import org.oversight.query.calendar.WorkingDayCalendar;

/**
 * How an escalation stands against its clocks on a given day. Derived when read, never stored: a late fact, a
 * new bank holiday or simply another day changes it.
 *
 * <ul>
 *   <li><b>Response deadline</b>: each formal level owes a response within the local authority's response time
 *       for that level (a local-authority setting, 5 by default, in force on the day the
 *       escalation reached the level) of the day the
 *       escalation reached that level. Moving up starts a new deadline; a rejected response does not: the
 *       level still owes an acceptable answer by the same day. An informal alert has no deadline, since the stage
 *       times belong to the formal stages (IRO Handbook §6.2).</li>
 *   <li><b>Overdue response</b>: open, still awaiting a response at its level, and the deadline has passed
 *       (on the deadline itself it is not yet overdue).</li>
 *   <li><b>Formal process target</b>: the whole formal process within {@value #FORMAL_PROCESS_WORKING_DAYS}
 *       working days of becoming formal (IRO Handbook §6.2), met by a resolution on or before that day.</li>
 *   <li><b>Age</b> and <b>time to resolution</b>: working days after the day it was raised, up to and including
 *       today (open) or the day it closed, so an escalation resolved the day it was raised took 0.</li>
 * </ul>
 *
 * @param responseDue               the current level's response deadline; {@code null} for an informal alert
 * @param responseOverdue           see above
 * @param workingDaysResponseOverdue how many working days past the deadline, when overdue
 * @param formalProcessDue          the 20-working-day target; {@code null} if never formal
 * @param pastFormalProcessTarget   open and past that target
 * @param workingDaysOpen           working days from raised to today, or to the day it closed
 * @param workingDaysToResolution   working days from raised to resolved; {@code null} unless resolved
 * @param resolvedWithinTarget      for a resolved formal escalation, whether it met the 20-day target
 * @param ageBand                   for an open escalation, its age band
 * @param raisedQuarter             the financial quarter it was raised in
 * @param resolvedQuarter           the financial quarter it was resolved in; {@code null} unless resolved
 */
public record Timeliness(DueDate responseDue, boolean responseOverdue, int workingDaysResponseOverdue,
        DueDate formalProcessDue, boolean pastFormalProcessTarget, int workingDaysOpen,
        Integer workingDaysToResolution, Boolean resolvedWithinTarget, AgeBand ageBand,
        FinancialQuarter raisedQuarter, FinancialQuarter resolvedQuarter) {

    /** The whole formal process, IRO Handbook §6.2. National guidance, so not a setting. */
    public static final int FORMAL_PROCESS_WORKING_DAYS = 20;

    public static Timeliness of(EscalationSummary escalation, WorkingDayCalendar calendar, LocalDate today,
            int responseWorkingDays) {
        EscalationProgress progress = escalation.progress();
        boolean open = progress.open();
        boolean resolved = progress.status() == EscalationStatus.RESOLVED;
        DueDate responseDue = progress.level() == null ? null
                : calendar.dueWithinWorkingDays(progress.levelReachedOn(), responseWorkingDays);
        boolean overdue = open && progress.awaitingResponse() && responseDue != null && responseDue.isOverdueOn(today);
        DueDate formalDue = progress.formalSince() == null ? null
                : calendar.dueWithinWorkingDays(progress.formalSince(), FORMAL_PROCESS_WORKING_DAYS);
        int workingDaysOpen = calendar.workingDaysBetween(escalation.raisedOn(), open ? today : progress.closedOn());
        return new Timeliness(responseDue, overdue,
                overdue ? calendar.workingDaysBetween(responseDue.date(), today) : 0,
                formalDue, open && formalDue != null && formalDue.isOverdueOn(today),
                workingDaysOpen,
                resolved ? workingDaysOpen : null,
                resolved && formalDue != null ? formalDue.isMetBy(progress.closedOn()) : null,
                open ? AgeBand.of(workingDaysOpen) : null,
                FinancialQuarter.of(escalation.raisedOn()),
                resolved ? FinancialQuarter.of(progress.closedOn()) : null);
    }
}
