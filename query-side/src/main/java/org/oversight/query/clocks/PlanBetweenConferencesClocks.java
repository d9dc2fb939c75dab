package org.oversight.query.clocks;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.oversight.query.calendar.DueDate;
import org.oversight.query.calendar.WorkingDayCalendar;
import org.oversight.events.policy.CoreGroupSettingsSet;
import org.oversight.query.protection.ProtectionRecord;
import org.oversight.query.protectionplan.CoreGroupTimescales;
import org.oversight.query.protectionplan.PlanBetweenConferencesRecord;

/**
 * The clocks of a child protection plan between its conferences, beside the conference clocks, as they stood on a
 * given day (facts dated after it are ignored):
 *
 * <ul>
 *   <li>First core group meeting: within 10 working days of the initial conference that started the plan (Working
 *       Together to Safeguard Children 2023, chapter 4, the paragraph on the core group and the child protection
 *       plan; the paragraph number is unchecked here).</li>
 *   <li>Each later core group meeting: within the local authority's interval of the previous one, as its core
 *       group settings had it on the day of the previous one. Working Together asks for the core group to meet
 *       regularly and leaves the frequency to local procedures; until an authority sets its own, the default of
 *       {@link CoreGroupSettingsSet#DEFAULT_LATER_INTERVAL_WORKING_DAYS} working days (six weeks) stands.</li>
 *   <li>A plan whose initial conference came before the date the authority's core groups are recorded from
 *       ({@link CoreGroupTimescales#recordedFrom()}) has its core groups on paper or in another system: no first
 *       core group clock, and no clock at all until a meeting of it is recorded here; from the first recorded,
 *       each later meeting runs to the local interval as above.</li>
 *   <li>Each SMART action of the plan: by the date the conference set for it; met when done, closed when cancelled
 *       or when the plan ended with it still open.</li>
 * </ul>
 */
public final class PlanBetweenConferencesClocks {

    /** Working Together 2023, chapter 4: the core group first meets within 10 working days of the conference. */
    static final int FIRST_CORE_GROUP_WORKING_DAYS = 10;

    private PlanBetweenConferencesClocks() {
    }

    /** The clocks under the default settings: every plan's core groups held here, six weeks apart. */
    public static List<StatutoryClock> clocks(ProtectionRecord protection, PlanBetweenConferencesRecord between,
            WorkingDayCalendar calendar, LocalDate asAt) {
        return clocks(protection, between, calendar, asAt, CoreGroupTimescales.defaults());
    }

    public static List<StatutoryClock> clocks(ProtectionRecord protection, PlanBetweenConferencesRecord between,
            WorkingDayCalendar calendar, LocalDate asAt, CoreGroupTimescales settings) {
        List<StatutoryClock> clocks = new ArrayList<>();
        for (ProtectionRecord.Plan plan : protection.plans()) {
            if (plan.startDate().isAfter(asAt)) {
                continue;
            }
            boolean openOnDay = plan.endDate() == null || plan.endDate().isAfter(asAt);
            List<LocalDate> meetings = between.coreGroupsOf(plan.planId()).stream()
                    .map(PlanBetweenConferencesRecord.CoreGroup::heldOn)
                    .filter(d -> !d.isAfter(asAt)).sorted().toList();
            boolean heldHere = settings.heldHere(plan.startDate());
            LocalDate previous = heldHere ? plan.startDate() : null;
            boolean first = heldHere;
            for (LocalDate meeting : meetings) {
                if (previous != null) {
                    clocks.add(coreGroupClock(calendar, previous, first, settings.laterIntervalOn(previous), meeting));
                }
                previous = meeting;
                first = false;
            }
            if (openOnDay && previous != null) {
                clocks.add(coreGroupClock(calendar, previous, first, settings.laterIntervalOn(previous), null));
            }
            for (PlanBetweenConferencesRecord.Action action : between.actionsOf(plan.planId())) {
                if (action.agreedOn().isAfter(asAt)) {
                    continue;
                }
                LocalDate done = action.completedOn() != null && !action.completedOn().isAfter(asAt)
                        ? action.completedOn() : null;
                boolean cancelled = action.cancelledOn() != null && !action.cancelledOn().isAfter(asAt);
                boolean leftWithThePlan = done == null && !cancelled && !openOnDay;
                clocks.add(new StatutoryClock("cp-plan-action", "Child protection plan action",
                        "By the date the conference set for it (child protection plan)", action.agreedOn(),
                        new DueDate(action.dueOn(), false), done, cancelled || leftWithThePlan));
            }
        }
        clocks.sort(Comparator.comparing((StatutoryClock c) -> c.due().date()));
        return clocks;
    }

    private static StatutoryClock coreGroupClock(WorkingDayCalendar calendar, LocalDate previous, boolean first,
            int intervalWorkingDays, LocalDate held) {
        return first
                ? new StatutoryClock("core-group", "First core group meeting",
                        "Within 10 working days of the initial conference (Working Together 2023)", previous,
                        calendar.dueWithinWorkingDays(previous, FIRST_CORE_GROUP_WORKING_DAYS), held, false)
                : new StatutoryClock("core-group", "Core group meeting",
                        "Within " + intervalWorkingDays + " working days of the previous core group (local timescale)",
                        previous, calendar.dueWithinWorkingDays(previous, intervalWorkingDays), held, false);
    }
}
