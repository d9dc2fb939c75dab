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

    @Test
    @DisplayName("a period of short breaks only (V3) carries no reviews; once the status changes to C2 it does")
    void shortBreaksOnlyCarryNoReviews() {
        assertThat(LookedAfterClocks.clocks(record(LegalStatus.V3, List.of()), CALENDAR, LocalDate.of(2026, 4, 1)))
                .isEmpty();
        LookedAfterRecord changed = record(LegalStatus.V3,
                List.of(new Change("LEGAL_STATUS", LocalDate.of(2026, 3, 10), "V3", "C2")));
        assertThat(LookedAfterClocks.clocks(changed, CALENDAR, LocalDate.of(2026, 3, 9))).isEmpty();
        assertThat(reviews(LookedAfterClocks.clocks(changed, CALENDAR, LocalDate.of(2026, 3, 10)))).hasSize(1);
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
