package org.oversight.query.clocks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.oversight.query.clocks.StatutoryClock.Status.DUE_WITHIN_20_WORKING_DAYS;
import static org.oversight.query.clocks.StatutoryClock.Status.DUE_WITHIN_5_WORKING_DAYS;
import static org.oversight.query.clocks.StatutoryClock.Status.HAPPENED_IN_TIME;
import static org.oversight.query.clocks.StatutoryClock.Status.HAPPENED_LATE;
import static org.oversight.query.clocks.StatutoryClock.Status.NOT_NEEDED;
import static org.oversight.query.clocks.StatutoryClock.Status.ON_TRACK;
import static org.oversight.query.clocks.StatutoryClock.Status.OVERDUE;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.oversight.events.protection.CategoryOfAbuse;
import org.oversight.query.calendar.BankHolidays;
import org.oversight.query.calendar.WorkingDayCalendar;
import org.oversight.query.protection.ProtectionRecord;
import org.oversight.query.protection.ProtectionRecord.Conference;
import org.oversight.query.protection.ProtectionRecord.Enquiry;
import org.oversight.query.protection.ProtectionRecord.Plan;

/** The child protection clocks, with every expected date worked out by hand against the 2026 calendar. */
class ProtectionClocksTest {

    private static final WorkingDayCalendar CALENDAR = BankHolidays.shipped().toCalendar();
    private static final LocalDate MON_2_MARCH = LocalDate.of(2026, 3, 2);

    private static ProtectionRecord enquiryOnly(LocalDate strategy, LocalDate icpc, LocalDate notRequired) {
        List<Conference> conferences = icpc == null ? List.of()
                : List.of(conference("icpc", "INITIAL", icpc, null, CategoryOfAbuse.NEG));
        return new ProtectionRecord(
                List.of(new Enquiry("e1", strategy, icpc == null ? null : "icpc", notRequired,
                        notRequired == null ? null : "threshold not met")),
                conferences, List.of(), List.of());
    }

    private static Conference conference(String id, String type, LocalDate on, String planId, CategoryOfAbuse category) {
        return new Conference(id, type, on, planId, true, "PLAN", category, List.of(), true, "NOT_CONVEYED", "Chair",
                List.of());
    }

    private static ProtectionRecord plan(LocalDate start, List<LocalDate> reviews, LocalDate end, int previous,
            CategoryOfAbuse category) {
        List<Conference> conferences = new ArrayList<>();
        conferences.add(conference("icpc", "INITIAL", start, "p1", category));
        for (int i = 0; i < reviews.size(); i++) {
            conferences.add(conference("r" + i, "REVIEW", reviews.get(i), "p1", category));
        }
        return new ProtectionRecord(List.of(), conferences, List.of(new Plan("p1", start, category, category, previous,
                null, reviews.size(), end, end == null ? null : "NO_LONGER_AT_RISK")), List.of());
    }

    private static StatutoryClock only(ProtectionRecord record, LocalDate asAt) {
        List<StatutoryClock> clocks = ProtectionClocks.clocks(record, CALENDAR, asAt);
        assertThat(clocks).hasSize(1);
        return clocks.get(0);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            strategy discussion Mon 2 Mar 2026: the 15th working day is Mon 23 Mar, seen on Fri 13 Mar with 6 working days left | 2026-03-13 | DUE_WITHIN_20_WORKING_DAYS
            strategy discussion Mon 2 Mar 2026: on Mon 16 Mar there are 5 working days left (17, 18, 19, 20, 23 Mar) | 2026-03-16 | DUE_WITHIN_5_WORKING_DAYS
            strategy discussion Mon 2 Mar 2026: on the due day itself, Mon 23 Mar, it is still in time | 2026-03-23 | DUE_WITHIN_5_WORKING_DAYS
            strategy discussion Mon 2 Mar 2026: from Tue 24 Mar no conference is overdue | 2026-03-24 | OVERDUE
            strategy discussion Mon 2 Mar 2026: seen the same day, 15 working days left | 2026-03-02 | DUE_WITHIN_20_WORKING_DAYS
            """)
    void anInitialConferenceIsDueWithin15WorkingDaysOfTheStrategyDiscussion(String reasoning, LocalDate asAt,
            StatutoryClock.Status expected) {
        StatutoryClock icpc = only(enquiryOnly(MON_2_MARCH, null, null), asAt);

        assertThat(icpc.due().date()).isEqualTo(LocalDate.of(2026, 3, 23));
        assertThat(icpc.statusOn(asAt, CALENDAR)).as(reasoning).isEqualTo(expected);
    }

    @Test
    @DisplayName("an initial conference on day 15 (Mon 23 Mar 2026) is in time; on Tue 24 Mar it is 1 working day late")
    void dayFifteenIsInTimeAndDaySixteenIsLate() {
        LocalDate later = LocalDate.of(2026, 6, 1);
        StatutoryClock onTime = only(enquiryOnly(MON_2_MARCH, LocalDate.of(2026, 3, 23), null), later);
        StatutoryClock late = only(enquiryOnly(MON_2_MARCH, LocalDate.of(2026, 3, 24), null), later);

        assertThat(onTime.statusOn(later, CALENDAR)).isEqualTo(HAPPENED_IN_TIME);
        assertThat(late.statusOn(later, CALENDAR)).isEqualTo(HAPPENED_LATE);
        assertThat(late.workingDaysLate(later, CALENDAR)).isEqualTo(1);
    }

    @Test
    @DisplayName("strategy discussion Mon 30 Mar 2026: 31 Mar, 1 and 2 Apr are days 1-3; Good Friday 3 Apr and Easter Monday 6 Apr do not count; 7-10 Apr are 4-7, 13-17 Apr 8-12, 20-22 Apr 13-15: Wed 22 Apr")
    void easterIsNotAWorkingDay() {
        StatutoryClock icpc = only(enquiryOnly(LocalDate.of(2026, 3, 30), null, null), LocalDate.of(2026, 3, 30));

        assertThat(icpc.due().date()).isEqualTo(LocalDate.of(2026, 4, 22));
    }

    @Test
    @DisplayName("an enquiry concluded with no initial conference needed stops the clock")
    void noConferenceNeededStopsTheClock() {
        StatutoryClock icpc = only(enquiryOnly(MON_2_MARCH, null, LocalDate.of(2026, 3, 10)), LocalDate.of(2026, 4, 1));

        assertThat(icpc.statusOn(LocalDate.of(2026, 4, 1), CALENDAR)).isEqualTo(NOT_NEEDED);
    }

    @Test
    @DisplayName("plan from Tue 31 Mar 2026: first review due Tue 30 Jun (no 31 June); held late on Tue 7 Jul, so the "
            + "next is due Thu 7 Jan 2027 — six months after the late review, not Wed 30 Dec 2026")
    void aLateReviewMovesTheNextDueDate() {
        LocalDate asAt = LocalDate.of(2026, 11, 23);
        List<StatutoryClock> clocks = ProtectionClocks.clocks(
                plan(LocalDate.of(2026, 3, 31), List.of(LocalDate.of(2026, 7, 7)), null, 0, CategoryOfAbuse.NEG),
                CALENDAR, asAt);

        assertThat(clocks).extracting(c -> c.due().date())
                .containsExactly(LocalDate.of(2026, 6, 30), LocalDate.of(2027, 1, 7));
        assertThat(clocks.get(0).statusOn(asAt, CALENDAR)).isEqualTo(HAPPENED_LATE);
        assertThat(clocks.get(1).name()).isEqualTo("Review conference");
        assertThat(clocks.get(1).statusOn(asAt, CALENDAR)).isEqualTo(ON_TRACK);
    }

    @Test
    @DisplayName("as at Wed 1 Jul 2026, before the late review of 7 Jul was held, the first review shows overdue")
    void asAtADayBeforeALaterFactTheFactIsIgnored() {
        LocalDate asAt = LocalDate.of(2026, 7, 1);
        List<StatutoryClock> clocks = ProtectionClocks.clocks(
                plan(LocalDate.of(2026, 3, 31), List.of(LocalDate.of(2026, 7, 7)), null, 0, CategoryOfAbuse.NEG),
                CALENDAR, asAt);

        assertThat(clocks).hasSize(1);
        assertThat(clocks.get(0).statusOn(asAt, CALENDAR)).isEqualTo(OVERDUE);
        assertThat(clocks.get(0).workingDaysLate(asAt, CALENDAR)).isEqualTo(1);
    }

    @Test
    @DisplayName("an ended plan has no open review clock")
    void anEndedPlanHasNoOpenReviewClock() {
        List<StatutoryClock> clocks = ProtectionClocks.clocks(plan(LocalDate.of(2026, 3, 31),
                List.of(LocalDate.of(2026, 6, 2)), LocalDate.of(2026, 9, 1), 0, CategoryOfAbuse.NEG),
                CALENDAR, LocalDate.of(2026, 11, 23));

        assertThat(clocks).hasSize(1);
        assertThat(clocks.get(0).metOn()).isEqualTo(LocalDate.of(2026, 6, 2));
    }

    @Test
    @DisplayName("a plan from 2 Mar 2026 is flagged at 18 months on 2 Sep 2027, not the day before; at 2 years on 2 Mar 2028")
    void longPlansAreFlaggedAt18MonthsAndTwoYears() {
        ProtectionRecord record = plan(MON_2_MARCH, List.of(), null, 0, CategoryOfAbuse.NEG);

        assertThat(codes(record, LocalDate.of(2027, 9, 1))).doesNotContain("plan-open-18-months");
        assertThat(codes(record, LocalDate.of(2027, 9, 2))).contains("plan-open-18-months");
        assertThat(codes(record, LocalDate.of(2028, 3, 1))).doesNotContain("plan-open-2-years");
        assertThat(codes(record, LocalDate.of(2028, 3, 2))).contains("plan-open-2-years")
                .doesNotContain("plan-open-18-months");
    }

    @Test
    @DisplayName("a second plan, a category unchanged across three reviews and an overdue review are all drift signals")
    void driftSignals() {
        ProtectionRecord record = plan(LocalDate.of(2025, 1, 6),
                List.of(LocalDate.of(2025, 4, 1), LocalDate.of(2025, 10, 1), LocalDate.of(2026, 3, 31)), null, 1,
                CategoryOfAbuse.NEG);

        assertThat(codes(record, LocalDate.of(2026, 11, 23)))
                .contains("subsequent-plan", "category-unchanged", "out-of-timescale");
        assertThat(codes(plan(LocalDate.of(2026, 1, 6), List.of(LocalDate.of(2026, 4, 1)), null, 0, CategoryOfAbuse.NEG),
                LocalDate.of(2026, 5, 1))).isEmpty();
    }

    private static List<String> codes(ProtectionRecord record, LocalDate asAt) {
        return ProtectionClocks.signals(record, CALENDAR, asAt).stream().map(DriftSignal::code).toList();
    }
}
