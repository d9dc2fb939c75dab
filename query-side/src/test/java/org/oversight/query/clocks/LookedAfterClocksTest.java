package org.oversight.query.clocks;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.oversight.events.lookedafter.LegalStatus;
import org.oversight.events.lookedafter.ParticipationCode;
import org.oversight.query.calendar.BankHolidays;
import org.oversight.query.calendar.WorkingDayCalendar;
import org.oversight.query.lookedafter.LookedAfterRecord;
import org.oversight.query.lookedafter.LookedAfterRecord.Change;
import org.oversight.query.lookedafter.LookedAfterRecord.Period;
import org.oversight.query.lookedafter.LookedAfterRecord.Review;

/** Looked-after review clocks (reg 33), every expected date worked out by hand against the 2026 calendar. */
class LookedAfterClocksTest {

    private static final WorkingDayCalendar CALENDAR = BankHolidays.shipped().toCalendar();
    private static final LocalDate MON_2_MARCH = LocalDate.of(2026, 3, 2);

    private static LookedAfterRecord record(LegalStatus status, List<Change> changes, LocalDate... reviews) {
        List<Review> held = new ArrayList<>();
        for (int i = 0; i < reviews.length; i++) {
            held.add(new Review("r" + i, "p1", reviews[i], ParticipationCode.PN1, true, i != 1, List.of(), List.of(),
                    "Ben Brown", null, null, null));
        }
        return new LookedAfterRecord(LocalDate.of(2026, 11, 23),
                List.of(new Period("p1", MON_2_MARCH, status, status, null, null, null, changes)), held, List.of(),
                List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), 0);
    }

    private static List<StatutoryClock> reviews(List<StatutoryClock> clocks) {
        return clocks.stream().filter(c -> c.kind().equals("lac-review")).toList();
    }

    @Test
    @DisplayName("looked after from Mon 2 Mar 2026: the first review is due on the 20th working day, Mon 30 Mar "
            + "(3-6, 9-13, 16-20, 23-27 Mar are days 1-19)")
    void theFirstReviewIsDueTwentyWorkingDaysAfterTheChildBecameLookedAfter() {
        List<StatutoryClock> clocks = reviews(LookedAfterClocks.clocks(record(LegalStatus.C2, List.of()), CALENDAR,
                LocalDate.of(2026, 3, 20)));

        assertThat(clocks).singleElement().satisfies(c -> {
            assertThat(c.name()).isEqualTo("First looked-after review");
            assertThat(c.due().date()).isEqualTo(LocalDate.of(2026, 3, 30));
            assertThat(c.statusOn(LocalDate.of(2026, 3, 20), CALENDAR))
                    .isEqualTo(StatutoryClock.Status.DUE_WITHIN_20_WORKING_DAYS);
            assertThat(c.statusOn(LocalDate.of(2026, 3, 31), CALENDAR)).isEqualTo(StatutoryClock.Status.OVERDUE);
        });
    }

    @Test
    @DisplayName("first review Fri 27 Mar: the second is due 3 months on, Sat 27 Jun; held late on Fri 10 Jul, so the "
            + "third is due 6 months after the late review, Sun 10 Jan 2027")
    void eachLaterReviewRunsFromTheReviewActuallyHeld() {
        LocalDate asAt = LocalDate.of(2026, 11, 23);
        List<StatutoryClock> clocks = reviews(LookedAfterClocks.clocks(record(LegalStatus.C2, List.of(),
                LocalDate.of(2026, 3, 27), LocalDate.of(2026, 7, 10)), CALENDAR, asAt));

        assertThat(clocks).extracting(c -> c.due().date()).containsExactly(LocalDate.of(2026, 3, 30),
                LocalDate.of(2026, 6, 27), LocalDate.of(2027, 1, 10));
        assertThat(clocks).extracting(c -> c.statusOn(asAt, CALENDAR)).containsExactly(
                StatutoryClock.Status.HAPPENED_IN_TIME, StatutoryClock.Status.HAPPENED_LATE,
                StatutoryClock.Status.ON_TRACK);
        assertThat(LookedAfterClocks.signals(record(LegalStatus.C2, List.of(), LocalDate.of(2026, 3, 27),
                LocalDate.of(2026, 7, 10)), CALENDAR, asAt))
                .extracting(DriftSignal::code).contains("out-of-timescale", "no-consultation");
    }

    private static LookedAfterRecord startingOn(LocalDate start, LegalStatus status, List<Change> changes,
            LocalDate... reviews) {
        List<Review> held = new ArrayList<>();
        for (int i = 0; i < reviews.length; i++) {
            held.add(new Review("r" + i, "p1", reviews[i], ParticipationCode.PN1, true, true, List.of(), List.of(),
                    "Ben Brown", null, null, null));
        }
        return new LookedAfterRecord(LocalDate.of(2028, 12, 31),
                List.of(new Period("p1", start, status, status, null, null, null, changes)), held, List.of(),
                List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), 0);
    }

    private static Change legalStatus(LocalDate on, LegalStatus from, LegalStatus to) {
        return new Change("LEGAL_STATUS", on, from.name(), to.name());
    }

    @Test
    @DisplayName("short breaks (V3) from Mon 2 Mar 2026 are reviewed (reg 48(3)(d)): the first review is due within "
            + "3 months of the first short break, Tue 2 Jun, not 20 working days")
    void shortBreaksAreFirstReviewedWithinThreeMonths() {
        List<StatutoryClock> clocks = reviews(LookedAfterClocks.clocks(record(LegalStatus.V3, List.of()), CALENDAR,
                LocalDate.of(2026, 4, 1)));

        assertThat(clocks).singleElement().satisfies(c -> {
            assertThat(c.name()).isEqualTo("First short-break review");
            assertThat(c.standard()).contains("reg 48(3)(d)");
            assertThat(c.due().date()).isEqualTo(LocalDate.of(2026, 6, 2));
            assertThat(c.statusOn(LocalDate.of(2026, 6, 2), CALENDAR)).isNotEqualTo(StatutoryClock.Status.OVERDUE);
            assertThat(c.statusOn(LocalDate.of(2026, 6, 3), CALENDAR)).isEqualTo(StatutoryClock.Status.OVERDUE);
        });
    }

    @Test
    @DisplayName("short breaks reviewed on Mon 1 Jun 2026 and Mon 30 Nov 2026: each next review is due within 6 "
            + "months of the one before, Tue 1 Dec 2026 and then Sun 30 May 2027; V3 to V4 changes nothing")
    void laterShortBreakReviewsAreDueWithinSixMonths() {
        LookedAfterRecord record = record(LegalStatus.V3,
                List.of(legalStatus(LocalDate.of(2026, 9, 1), LegalStatus.V3, LegalStatus.V4)),
                LocalDate.of(2026, 6, 1), LocalDate.of(2026, 11, 30));
        List<StatutoryClock> clocks = reviews(LookedAfterClocks.clocks(record, CALENDAR, LocalDate.of(2026, 12, 1)));

        assertThat(clocks).extracting(StatutoryClock::name).containsExactly("First short-break review",
                "Short-break review", "Short-break review");
        assertThat(clocks).extracting(c -> c.due().date()).containsExactly(LocalDate.of(2026, 6, 2),
                LocalDate.of(2026, 12, 1), LocalDate.of(2027, 5, 30));
        assertThat(clocks).extracting(c -> c.statusOn(LocalDate.of(2026, 12, 1), CALENDAR)).containsExactly(
                StatutoryClock.Status.HAPPENED_IN_TIME, StatutoryClock.Status.HAPPENED_IN_TIME,
                StatutoryClock.Status.ON_TRACK);
    }

    @Test
    @DisplayName("short breaks from the last day of a month: from Sun 30 Nov 2025 the first review is due Sat 28 Feb "
            + "2026; from Tue 30 Nov 2027 it is due Tue 29 Feb 2028, a leap year")
    void threeMonthsFromAMonthEndEndsOnTheLastDayOfFebruary() {
        assertThat(reviews(LookedAfterClocks.clocks(startingOn(LocalDate.of(2025, 11, 30), LegalStatus.V4, List.of()),
                CALENDAR, LocalDate.of(2025, 12, 1)))).singleElement()
                .satisfies(c -> assertThat(c.due().date()).isEqualTo(LocalDate.of(2026, 2, 28)));
        assertThat(reviews(LookedAfterClocks.clocks(startingOn(LocalDate.of(2027, 11, 30), LegalStatus.V4, List.of()),
                CALENDAR, LocalDate.of(2027, 12, 1)))).singleElement()
                .satisfies(c -> assertThat(c.due().date()).isEqualTo(LocalDate.of(2028, 2, 29)));
    }

    @Test
    @DisplayName("short breaks from Mon 2 Mar 2026, reviewed Mon 1 Jun; a care order (C2) from Mon 3 Aug ends reg 48: "
            + "the next review is due within 20 working days, Tue 1 Sep (the 31 Aug bank holiday skipped), not by "
            + "Tue 1 Dec; held Fri 28 Aug, the one after is due 3 months on, Sat 28 Nov (reg 33)")
    void aShortBreaksChildTakenIntoCareIsReviewedOnTheFullSchedule() {
        List<Change> careOrder = List.of(legalStatus(LocalDate.of(2026, 8, 3), LegalStatus.V3, LegalStatus.C2));
        LookedAfterRecord beforeTheReview = record(LegalStatus.V3, careOrder, LocalDate.of(2026, 6, 1));

        List<StatutoryClock> onTheDayBefore = reviews(LookedAfterClocks.clocks(beforeTheReview, CALENDAR,
                LocalDate.of(2026, 8, 2)));
        assertThat(onTheDayBefore).extracting(c -> c.due().date()).as("as at the day before the care order")
                .containsExactly(LocalDate.of(2026, 6, 2), LocalDate.of(2026, 12, 1));

        List<StatutoryClock> afterIt = reviews(LookedAfterClocks.clocks(beforeTheReview, CALENDAR,
                LocalDate.of(2026, 8, 3)));
        assertThat(afterIt).extracting(StatutoryClock::name).containsExactly("First short-break review",
                "First looked-after review after short breaks");
        assertThat(afterIt.get(1).due().date()).isEqualTo(LocalDate.of(2026, 9, 1));
        assertThat(afterIt.get(1).startedOn()).isEqualTo(LocalDate.of(2026, 8, 3));
        assertThat(afterIt.get(1).standard()).contains("reg 33(1)");

        LookedAfterRecord reviewed = record(LegalStatus.V3, careOrder, LocalDate.of(2026, 6, 1),
                LocalDate.of(2026, 8, 28));
        List<StatutoryClock> next = reviews(LookedAfterClocks.clocks(reviewed, CALENDAR, LocalDate.of(2026, 9, 1)));
        assertThat(next).extracting(StatutoryClock::name).containsExactly("First short-break review",
                "First looked-after review after short breaks", "Second looked-after review");
        assertThat(next).extracting(c -> c.due().date()).containsExactly(LocalDate.of(2026, 6, 2),
                LocalDate.of(2026, 9, 1), LocalDate.of(2026, 11, 28));
    }

    @Test
    @DisplayName("short breaks from Mon 2 Mar 2026 never reviewed, a care order from Wed 1 Jul: the first review was "
            + "already overdue from Wed 3 Jun and stays due Tue 2 Jun; a change of status forgives no drift")
    void aChangeOfStatusDoesNotForgiveAnOverdueShortBreakReview() {
        LookedAfterRecord record = record(LegalStatus.V3,
                List.of(legalStatus(LocalDate.of(2026, 7, 1), LegalStatus.V3, LegalStatus.C2)));
        LocalDate asAt = LocalDate.of(2026, 7, 2);

        assertThat(reviews(LookedAfterClocks.clocks(record, CALENDAR, asAt))).singleElement().satisfies(c -> {
            assertThat(c.due().date()).isEqualTo(LocalDate.of(2026, 6, 2));
            assertThat(c.statusOn(asAt, CALENDAR)).isEqualTo(StatutoryClock.Status.OVERDUE);
        });
        assertThat(LookedAfterClocks.signals(record, CALENDAR, asAt)).extracting(DriftSignal::code)
                .contains("out-of-timescale");
    }

    @Test
    @DisplayName("V3, then C2 from Mon 3 Aug 2026, then V3 again from Mon 7 Sep: the full schedule stays, so the review "
            + "after the one held Fri 28 Aug is due in 3 months, Sat 28 Nov, not 6")
    void aReturnToShortBreaksKeepsTheFullSchedule() {
        LookedAfterRecord record = record(LegalStatus.V3,
                List.of(legalStatus(LocalDate.of(2026, 8, 3), LegalStatus.V3, LegalStatus.C2),
                        legalStatus(LocalDate.of(2026, 9, 7), LegalStatus.C2, LegalStatus.V3)),
                LocalDate.of(2026, 6, 1), LocalDate.of(2026, 8, 28));

        assertThat(reviews(LookedAfterClocks.clocks(record, CALENDAR, LocalDate.of(2026, 9, 8))))
                .extracting(c -> c.due().date()).containsExactly(LocalDate.of(2026, 6, 2), LocalDate.of(2026, 9, 1),
                        LocalDate.of(2026, 11, 28));
    }

    @Test
    @DisplayName("a period that starts under a care order and moves to short breaks keeps reg 33's schedule")
    void aPeriodStartingOutsideShortBreaksIsNeverOnTheShortBreakSchedule() {
        LookedAfterRecord record = record(LegalStatus.C2,
                List.of(legalStatus(LocalDate.of(2026, 3, 9), LegalStatus.C2, LegalStatus.V4)));

        assertThat(reviews(LookedAfterClocks.clocks(record, CALENDAR, LocalDate.of(2026, 3, 20)))).singleElement()
                .satisfies(c -> {
                    assertThat(c.name()).isEqualTo("First looked-after review");
                    assertThat(c.due().date()).isEqualTo(LocalDate.of(2026, 3, 30));
                });
    }

    @Test
    @DisplayName("an action agreed at the review of Fri 27 Mar, due Thu 30 Apr and never done: overdue from Fri 1 May "
            + "while the child is looked after; once the period ends on Fri 31 Jul it is no longer an open item, but "
            + "as at any day before the end it still shows overdue")
    void anActionLeftOpenWhenThePeriodOfCareEndsIsNoLongerAnOpenItem() {
        Review review = new Review("r0", "p1", LocalDate.of(2026, 3, 27), ParticipationCode.PN1, true, true,
                List.of(), List.of(), "Ben Brown", null, null, null);
        LookedAfterRecord.Action action = new LookedAfterRecord.Action("a1", "r0", "Health assessment", "Social worker",
                LocalDate.of(2026, 4, 30), LocalDate.of(2026, 3, 27), LookedAfterRecord.ActionStatus.OVERDUE, null,
                null, 0);
        LookedAfterRecord.Action done = new LookedAfterRecord.Action("a2", "r0", "School place", "Social worker",
                LocalDate.of(2026, 4, 30), LocalDate.of(2026, 3, 27), LookedAfterRecord.ActionStatus.COMPLETED,
                LocalDate.of(2026, 5, 6), null, 0);
        LookedAfterRecord ended = new LookedAfterRecord(LocalDate.of(2026, 11, 23),
                List.of(new Period("p1", MON_2_MARCH, LegalStatus.C2, LegalStatus.C2, null, LocalDate.of(2026, 7, 31),
                        null, List.of())),
                List.of(review), List.of(action, done), List.of(), List.of(), List.of(), List.of(), List.of(),
                List.of(), 0);

        LocalDate beforeTheEnd = LocalDate.of(2026, 7, 30);
        assertThat(actions(LookedAfterClocks.clocks(ended, CALENDAR, beforeTheEnd)))
                .extracting(c -> c.statusOn(beforeTheEnd, CALENDAR))
                .containsExactly(StatutoryClock.Status.OVERDUE, StatutoryClock.Status.HAPPENED_LATE);
        LocalDate onTheEnd = LocalDate.of(2026, 7, 31);
        assertThat(actions(LookedAfterClocks.clocks(ended, CALENDAR, onTheEnd)))
                .as("only the action that was done stays, as history").singleElement()
                .satisfies(c -> assertThat(c.name()).isEqualTo("Care plan action: School place"));
        assertThat(LookedAfterClocks.signals(ended, CALENDAR, LocalDate.of(2026, 11, 23)))
                .extracting(DriftSignal::code).doesNotContain("overdue-actions");
    }

    private static List<StatutoryClock> actions(List<StatutoryClock> clocks) {
        return clocks.stream().filter(c -> c.kind().equals("care-plan-action")).toList();
    }
}
