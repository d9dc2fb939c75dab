package org.oversight.query.clocks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.oversight.query.clocks.StatutoryClock.Status.HAPPENED_IN_TIME;
import static org.oversight.query.clocks.StatutoryClock.Status.HAPPENED_LATE;
import static org.oversight.query.clocks.StatutoryClock.Status.NOT_NEEDED;
import static org.oversight.query.clocks.StatutoryClock.Status.OVERDUE;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.oversight.events.protection.CategoryOfAbuse;
import org.oversight.query.calendar.BankHolidays;
import org.oversight.query.calendar.WorkingDayCalendar;
import org.oversight.query.protection.ProtectionRecord;
import org.oversight.query.protectionplan.CoreGroupTimescales;
import org.oversight.query.protectionplan.PlanBetweenConferencesRecord;
import org.oversight.query.protectionplan.PlanBetweenConferencesRecord.Action;
import org.oversight.query.protectionplan.PlanBetweenConferencesRecord.CoreGroup;

/**
 * The clocks of a child protection plan between conferences, every expected date worked out by hand against the
 * 2026 calendar of England (Good Friday 3 April, Easter Monday 6 April, early May 4 May, spring 25 May).
 */
class PlanBetweenConferencesClocksTest {

    private static final WorkingDayCalendar CALENDAR = BankHolidays.shipped().toCalendar();
    /** Tuesday 31 March 2026: the initial conference starts the plan. */
    private static final LocalDate ICPC = LocalDate.of(2026, 3, 31);

    private static ProtectionRecord planFrom(LocalDate start, LocalDate end) {
        return new ProtectionRecord(List.of(), List.of(), List.of(new ProtectionRecord.Plan("p1", start,
                CategoryOfAbuse.NEG, CategoryOfAbuse.NEG, 0, null, 0, end, end == null ? null : "NO_LONGER_AT_RISK")),
                List.of());
    }

    private static PlanBetweenConferencesRecord coreGroupsOn(LocalDate... days) {
        return new PlanBetweenConferencesRecord(List.of(), List.of(), Arrays.stream(days)
                .map(d -> new CoreGroup("cg-" + d, "p1", d, List.of("School"), List.of(), null)).toList(),
                List.of(), List.of());
    }

    private static List<StatutoryClock> coreGroupClocks(ProtectionRecord plan, PlanBetweenConferencesRecord between,
            LocalDate asAt) {
        return PlanBetweenConferencesClocks.clocks(plan, between, CALENDAR, asAt).stream()
                .filter(c -> c.kind().equals("core-group")).toList();
    }

    @Test
    void theFirstCoreGroupIsDueOnTheTenthWorkingDayAfterTheConferenceSkippingEaster() {
        // Wed 1, Thu 2 April; Good Friday and Easter Monday are not counted; Tue 7 to Fri 10, Mon 13 to Thu 16
        List<StatutoryClock> clocks = coreGroupClocks(planFrom(ICPC, null), coreGroupsOn(), LocalDate.of(2026, 4, 1));
        assertThat(clocks).hasSize(1);
        assertThat(clocks.get(0).name()).isEqualTo("First core group meeting");
        assertThat(clocks.get(0).due().date()).isEqualTo(LocalDate.of(2026, 4, 16));
    }

    @Test
    void aFirstCoreGroupOnTheDueDayIsInTimeAndTheDayAfterIsLate() {
        LocalDate thu16April = LocalDate.of(2026, 4, 16);
        LocalDate fri17April = LocalDate.of(2026, 4, 17);
        assertThat(coreGroupClocks(planFrom(ICPC, null), coreGroupsOn(thu16April), thu16April).get(0)
                .statusOn(thu16April, CALENDAR)).isEqualTo(HAPPENED_IN_TIME);
        assertThat(coreGroupClocks(planFrom(ICPC, null), coreGroupsOn(fri17April), fri17April).get(0)
                .statusOn(fri17April, CALENDAR)).isEqualTo(HAPPENED_LATE);
        assertThat(coreGroupClocks(planFrom(ICPC, null), coreGroupsOn(), fri17April).get(0)
                .statusOn(fri17April, CALENDAR)).isEqualTo(OVERDUE);
    }

    @Test
    void laterCoreGroupsAreDueThirtyWorkingDaysAfterThePreviousAcrossTheMayBankHolidays() {
        // from Thu 16 April: 10 working days to Thu 30 April, Fri 1 May the 11th, Mon 4 May not counted, the 20th
        // is Fri 15 May, the 25th Fri 22 May, Mon 25 May not counted, the 29th Fri 29 May, the 30th Mon 1 June
        LocalDate thu16April = LocalDate.of(2026, 4, 16);
        List<StatutoryClock> clocks = coreGroupClocks(planFrom(ICPC, null), coreGroupsOn(thu16April),
                LocalDate.of(2026, 4, 20));
        assertThat(clocks).hasSize(2);
        StatutoryClock next = clocks.get(1);
        assertThat(next.name()).isEqualTo("Core group meeting");
        assertThat(next.startedOn()).isEqualTo(thu16April);
        assertThat(next.due().date()).isEqualTo(LocalDate.of(2026, 6, 1));
        assertThat(next.metOn()).isNull();
    }

    @Test
    void theLocalIntervalIsTheAuthoritysOwn() {
        // 20 working days from Thu 16 April: the 11th Fri 1 May, Mon 4 May not counted, the 20th Fri 15 May
        List<StatutoryClock> clocks = PlanBetweenConferencesClocks.clocks(planFrom(ICPC, null),
                coreGroupsOn(LocalDate.of(2026, 4, 16)), CALENDAR, LocalDate.of(2026, 4, 20),
                new CoreGroupTimescales(null, List.of(new CoreGroupTimescales.Version(LocalDate.of(2026, 1, 5), 20))));
        assertThat(clocks.stream().filter(c -> c.kind().equals("core-group")).toList().get(1).due().date())
                .isEqualTo(LocalDate.of(2026, 5, 15));
    }

    @Test
    void aMeetingRecordedAfterTheDayIsNotKnownOnIt() {
        List<StatutoryClock> clocks = coreGroupClocks(planFrom(ICPC, null), coreGroupsOn(LocalDate.of(2026, 4, 16)),
                LocalDate.of(2026, 4, 15));
        assertThat(clocks).hasSize(1);
        assertThat(clocks.get(0).metOn()).isNull();
    }

    @Test
    void noCoreGroupFallsDueOnceThePlanHasEnded() {
        List<StatutoryClock> clocks = coreGroupClocks(planFrom(ICPC, LocalDate.of(2026, 4, 30)),
                coreGroupsOn(LocalDate.of(2026, 4, 16)), LocalDate.of(2026, 7, 1));
        assertThat(clocks).hasSize(1);
        assertThat(clocks.get(0).metOn()).isEqualTo(LocalDate.of(2026, 4, 16));
    }

    @Test
    void anActionIsDueOnItsDateDoneInTimeOrLateCancelledOrLeftWithThePlan() {
        LocalDate due = LocalDate.of(2026, 4, 30);
        PlanBetweenConferencesRecord between = new PlanBetweenConferencesRecord(List.of(), List.of(
                action("a-open", due, "OPEN", null, null),
                action("a-done-on-time", due, "COMPLETED", due, null),
                action("a-done-late", due, "COMPLETED", LocalDate.of(2026, 5, 1), null),
                action("a-cancelled", due, "CANCELLED", null, LocalDate.of(2026, 4, 20))), List.of(), List.of(),
                List.of());
        LocalDate fri1May = LocalDate.of(2026, 5, 1);
        List<StatutoryClock.Status> statuses = PlanBetweenConferencesClocks.clocks(planFrom(ICPC, null), between,
                CALENDAR, fri1May).stream().filter(c -> c.kind().equals("cp-plan-action"))
                .map(c -> c.statusOn(fri1May, CALENDAR)).toList();
        assertThat(statuses).containsExactly(OVERDUE, HAPPENED_IN_TIME, HAPPENED_LATE, NOT_NEEDED);
        assertThat(between.actions().get(0).overdueOn(due)).as("still in time on its due day").isFalse();
        assertThat(between.actions().get(0).overdueOn(fri1May)).isTrue();

        List<StatutoryClock> afterThePlan = PlanBetweenConferencesClocks.clocks(
                planFrom(ICPC, LocalDate.of(2026, 4, 29)), between, CALENDAR, fri1May).stream()
                .filter(c -> c.kind().equals("cp-plan-action")).toList();
        assertThat(afterThePlan.get(0).statusOn(fri1May, CALENDAR)).as("an open action ends with its plan")
                .isEqualTo(NOT_NEEDED);
    }

    @Test
    void withoutTheSettingAPlanRecordedLongAfterItsConferenceShowsItsFirstCoreGroupOverdue() {
        // an ICPC of Mon 2 March 2026 recorded in July: due Mon 16 March, overdue on Wed 1 July with no meeting held
        LocalDate mon2March = LocalDate.of(2026, 3, 2);
        LocalDate wed1July = LocalDate.of(2026, 7, 1);
        List<StatutoryClock> clocks = coreGroupClocks(planFrom(mon2March, null), coreGroupsOn(), wed1July);
        assertThat(clocks).hasSize(1);
        assertThat(clocks.get(0).due().date()).isEqualTo(LocalDate.of(2026, 3, 16));
        assertThat(clocks.get(0).statusOn(wed1July, CALENDAR)).isEqualTo(OVERDUE);
    }

    @Test
    void aPlanWhoseConferenceCameBeforeTheRecordedFromDateHasNoCoreGroupClockUntilAMeetingIsRecorded() {
        // core groups recorded from Wed 1 April 2026; the ICPC of Tue 31 March is the day before
        CoreGroupTimescales fromApril = new CoreGroupTimescales(LocalDate.of(2026, 4, 1), List.of());
        LocalDate wed1July = LocalDate.of(2026, 7, 1);
        assertThat(core(PlanBetweenConferencesClocks.clocks(planFrom(ICPC, null), coreGroupsOn(), CALENDAR, wed1July,
                fromApril))).isEmpty();

        // the first meeting recorded here, Thu 16 April, is not judged; the next runs 30 working days from it to
        // Mon 1 June across the May bank holidays, as worked out above
        List<StatutoryClock> fromTheFirstRecorded = core(PlanBetweenConferencesClocks.clocks(planFrom(ICPC, null),
                coreGroupsOn(LocalDate.of(2026, 4, 16)), CALENDAR, LocalDate.of(2026, 4, 20), fromApril));
        assertThat(fromTheFirstRecorded).hasSize(1);
        assertThat(fromTheFirstRecorded.get(0).name()).isEqualTo("Core group meeting");
        assertThat(fromTheFirstRecorded.get(0).startedOn()).isEqualTo(LocalDate.of(2026, 4, 16));
        assertThat(fromTheFirstRecorded.get(0).due().date()).isEqualTo(LocalDate.of(2026, 6, 1));
    }

    @Test
    void aPlanWhoseConferenceIsOnTheRecordedFromDateKeepsItsFirstCoreGroupClock() {
        CoreGroupTimescales fromIcpc = new CoreGroupTimescales(ICPC, List.of());
        List<StatutoryClock> clocks = core(PlanBetweenConferencesClocks.clocks(planFrom(ICPC, null), coreGroupsOn(),
                CALENDAR, LocalDate.of(2026, 4, 1), fromIcpc));
        assertThat(clocks).hasSize(1);
        assertThat(clocks.get(0).name()).isEqualTo("First core group meeting");
        assertThat(clocks.get(0).due().date()).isEqualTo(LocalDate.of(2026, 4, 16));
    }

    @Test
    void aLaterCoreGroupRunsToTheIntervalInForceOnTheDayOfThePreviousMeeting() {
        // 20 working days from Mon 1 June 2026 (effective that day): Mon 29 June; the 30 in force on Thu 16 April
        // gave the meeting of Mon 1 June its due date of Mon 1 June, met on the day
        CoreGroupTimescales changed = new CoreGroupTimescales(null,
                List.of(new CoreGroupTimescales.Version(LocalDate.of(2026, 6, 1), 20)));
        List<StatutoryClock> clocks = core(PlanBetweenConferencesClocks.clocks(planFrom(ICPC, null),
                coreGroupsOn(LocalDate.of(2026, 4, 16), LocalDate.of(2026, 6, 1)), CALENDAR,
                LocalDate.of(2026, 6, 2), changed));
        assertThat(clocks).extracting(c -> c.due().date()).containsExactly(LocalDate.of(2026, 4, 16),
                LocalDate.of(2026, 6, 1), LocalDate.of(2026, 6, 29));
    }

    private static List<StatutoryClock> core(List<StatutoryClock> clocks) {
        return clocks.stream().filter(c -> c.kind().equals("core-group")).toList();
    }

    private static Action action(String id, LocalDate due, String state, LocalDate completed, LocalDate cancelled) {
        return new Action(id, "p1", "icpc", "An action", "Owner", due, ICPC, state, completed, cancelled, 0, null);
    }
}
