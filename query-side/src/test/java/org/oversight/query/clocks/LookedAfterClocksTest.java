package org.oversight.query.clocks;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.oversight.events.lookedafter.EarlyReviewReason;
import org.oversight.events.lookedafter.LegalStatus;
import org.oversight.events.lookedafter.ParticipationCode;
import org.oversight.events.policy.PolicySettings;
import org.oversight.query.calendar.BankHolidays;
import org.oversight.query.calendar.WorkingDayCalendar;
import org.oversight.query.lookedafter.LookedAfterRecord;
import org.oversight.query.lookedafter.LookedAfterRecord.Change;
import org.oversight.query.lookedafter.LookedAfterRecord.Period;
import org.oversight.query.lookedafter.LookedAfterRecord.Review;
import org.oversight.query.policy.PolicyHistory;

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

    private static LookedAfterRecord earlyReviews(LocalDate endedOn, List<LocalDate> requests, LocalDate... reviews) {
        List<Review> held = new ArrayList<>();
        for (int i = 0; i < reviews.length; i++) {
            held.add(new Review("r" + i, "p1", reviews[i], ParticipationCode.PN1, true, true, List.of(), List.of(),
                    "Ben Brown", null, null, null));
        }
        return new LookedAfterRecord(LocalDate.of(2026, 11, 23),
                List.of(new Period("p1", MON_2_MARCH, LegalStatus.C2, LegalStatus.C2, null, endedOn, null, List.of())),
                held, List.of(), List.of(), List.of(), List.of(),
                requests.stream().map(d -> new LookedAfterRecord.EarlyReviewRequest(d, EarlyReviewReason.IRO_REQUEST,
                        "Ben Brown")).toList(), List.of(), List.of(), 0);
    }

    private static List<StatutoryClock> early(List<StatutoryClock> clocks) {
        return clocks.stream().filter(c -> c.kind().equals("early-review")).toList();
    }

    private static List<String> signalTexts(LookedAfterRecord record, LocalDate asAt) {
        return LookedAfterClocks.signals(record, CALENDAR, asAt).stream()
                .filter(s -> s.code().equals("out-of-timescale")).map(DriftSignal::description).toList();
    }

    @Test
    @DisplayName("the IRO asks on Wed 1 Apr 2026 for an early review: 20 working days cross Good Friday (3 Apr) and "
            + "Easter Monday (6 Apr), so it is due Fri 1 May (2 Apr is day 1, 7-10 Apr days 2-5, 13-17 days 6-10, "
            + "20-24 days 11-15, 27-30 days 16-19), not Wed 29 Apr")
    void anEarlyReviewIsDueWithinTheLocalTimescaleOfTheRequest() {
        LookedAfterRecord record = earlyReviews(null, List.of(LocalDate.of(2026, 4, 1)), LocalDate.of(2026, 3, 27));

        assertThat(early(LookedAfterClocks.clocks(record, CALENDAR, LocalDate.of(2026, 4, 1)))).singleElement()
                .satisfies(c -> {
                    assertThat(c.name()).isEqualTo("Early review requested by the IRO");
                    assertThat(c.standard()).contains("20 working days", "reg 33(3)", "local practice");
                    assertThat(c.startedOn()).isEqualTo(LocalDate.of(2026, 4, 1));
                    assertThat(c.due().date()).isEqualTo(LocalDate.of(2026, 5, 1));
                    assertThat(c.metOn()).isNull();
                    assertThat(c.statusOn(LocalDate.of(2026, 5, 1), CALENDAR))
                            .isEqualTo(StatutoryClock.Status.DUE_WITHIN_5_WORKING_DAYS);
                    assertThat(c.statusOn(LocalDate.of(2026, 5, 2), CALENDAR))
                            .isEqualTo(StatutoryClock.Status.OVERDUE);
                });
        assertThat(signalTexts(record, LocalDate.of(2026, 5, 1))).isEmpty();
        assertThat(signalTexts(record, LocalDate.of(2026, 5, 2))).containsExactly(
                "Early review requested by the IRO out of timescale: due by " + Dates.spoken(LocalDate.of(2026, 5, 1)));
    }

    @Test
    @DisplayName("asked on Wed 1 Apr: a review on Thu 30 Apr meets it in time; one on Tue 5 May (after the early May "
            + "bank holiday) meets it late and stays a drift signal; the reg 33 schedule then runs from the review held")
    void theFirstReviewOnOrAfterTheRequestMeetsIt() {
        LookedAfterRecord inTime = earlyReviews(null, List.of(LocalDate.of(2026, 4, 1)), LocalDate.of(2026, 3, 27),
                LocalDate.of(2026, 4, 30));
        LookedAfterRecord late = earlyReviews(null, List.of(LocalDate.of(2026, 4, 1)), LocalDate.of(2026, 3, 27),
                LocalDate.of(2026, 5, 5));
        LocalDate asAt = LocalDate.of(2026, 6, 1);

        assertThat(early(LookedAfterClocks.clocks(inTime, CALENDAR, asAt))).singleElement().satisfies(c -> {
            assertThat(c.metOn()).isEqualTo(LocalDate.of(2026, 4, 30));
            assertThat(c.statusOn(asAt, CALENDAR)).isEqualTo(StatutoryClock.Status.HAPPENED_IN_TIME);
        });
        assertThat(signalTexts(inTime, asAt)).noneMatch(t -> t.startsWith("Early review"));
        assertThat(early(LookedAfterClocks.clocks(late, CALENDAR, asAt))).singleElement().satisfies(c -> {
            assertThat(c.metOn()).isEqualTo(LocalDate.of(2026, 5, 5));
            assertThat(c.statusOn(asAt, CALENDAR)).isEqualTo(StatutoryClock.Status.HAPPENED_LATE);
        });
        assertThat(signalTexts(late, asAt)).anyMatch(t -> t.startsWith("Early review requested by the IRO out of"));
        assertThat(reviews(LookedAfterClocks.clocks(inTime, CALENDAR, asAt))).extracting(c -> c.due().date())
                .as("the third review runs 6 months from the early one: Fri 30 Oct")
                .containsExactly(LocalDate.of(2026, 3, 30), LocalDate.of(2026, 6, 27), LocalDate.of(2026, 10, 30));
    }

    @Test
    @DisplayName("asked on Fri 27 Mar and the review held that same day: met in time on the day it was asked for")
    void aReviewOnTheDayOfTheRequestMeetsIt() {
        LookedAfterRecord record = earlyReviews(null, List.of(LocalDate.of(2026, 3, 27)), LocalDate.of(2026, 3, 27));

        assertThat(early(LookedAfterClocks.clocks(record, CALENDAR, LocalDate.of(2026, 3, 27)))).singleElement()
                .satisfies(c -> {
                    assertThat(c.metOn()).isEqualTo(LocalDate.of(2026, 3, 27));
                    assertThat(c.statusOn(LocalDate.of(2026, 3, 27), CALENDAR))
                            .isEqualTo(StatutoryClock.Status.HAPPENED_IN_TIME);
                });
    }

    @Test
    @DisplayName("the timescale is the one in force on the day of the request: 10 working days from Wed 1 Apr 2026 "
            + "makes a request that day due Fri 17 Apr (2 Apr, 7-10 Apr, 13-17 Apr), while one on Tue 31 Mar keeps "
            + "the 20 of the day before, due Thu 30 Apr")
    void theTimescaleInForceOnTheDayOfTheRequestApplies() {
        PolicySettings d = PolicySettings.DEFAULTS;
        PolicyHistory policy = new PolicyHistory("LA1", List.of(new PolicyHistory.Version(0, LocalDate.of(2026, 4, 1),
                new PolicySettings(d.iroAllocationWorkingDays(), d.preBirthConferenceByWeek(),
                        d.decisionsWorkingDays(), d.recordWorkingDays(), d.midwayCheckPercent(), 10,
                        d.escalationResponseWorkingDays()), "Sooner early reviews", "admin.ford", "Fay Ford", null)));
        LookedAfterRecord record = earlyReviews(null, List.of(LocalDate.of(2026, 3, 31), LocalDate.of(2026, 4, 1)),
                LocalDate.of(2026, 3, 27));

        assertThat(early(LookedAfterClocks.clocks(record, CALENDAR, LocalDate.of(2026, 4, 2), policy, null)))
                .extracting(c -> c.due().date(), StatutoryClock::standard)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(LocalDate.of(2026, 4, 17),
                                "Within 10 working days of the IRO's request (reg 33(3); local practice)"),
                        org.assertj.core.groups.Tuple.tuple(LocalDate.of(2026, 4, 30),
                                "Within 20 working days of the IRO's request (reg 33(3); local practice)"));
    }

    @Test
    @DisplayName("as at a day, a request made later is not there yet and a review held later does not meet it")
    void requestsAndReviewsAfterTheDayAreIgnored() {
        LookedAfterRecord record = earlyReviews(null, List.of(LocalDate.of(2026, 4, 1), LocalDate.of(2026, 6, 1)),
                LocalDate.of(2026, 3, 27), LocalDate.of(2026, 4, 20));

        assertThat(early(LookedAfterClocks.clocks(record, CALENDAR, LocalDate.of(2026, 4, 15)))).singleElement()
                .satisfies(c -> {
                    assertThat(c.startedOn()).isEqualTo(LocalDate.of(2026, 4, 1));
                    assertThat(c.metOn()).isNull();
                });
    }

    @Test
    @DisplayName("asked for on Wed 1 Apr and never held: overdue from Sat 2 May while the child is looked after; once "
            + "the period ends on Fri 31 Jul it is no longer an open item nor a drift signal, but one that was met "
            + "stays as history")
    void anEarlyReviewNeverHeldWhenThePeriodEndsIsNoLongerAnOpenItem() {
        LookedAfterRecord unmet = earlyReviews(LocalDate.of(2026, 7, 31), List.of(LocalDate.of(2026, 4, 1)),
                LocalDate.of(2026, 3, 27));
        LookedAfterRecord met = earlyReviews(LocalDate.of(2026, 7, 31), List.of(LocalDate.of(2026, 4, 1)),
                LocalDate.of(2026, 3, 27), LocalDate.of(2026, 4, 28));

        assertThat(early(LookedAfterClocks.clocks(unmet, CALENDAR, LocalDate.of(2026, 7, 30))))
                .extracting(c -> c.statusOn(LocalDate.of(2026, 7, 30), CALENDAR))
                .containsExactly(StatutoryClock.Status.OVERDUE);
        assertThat(early(LookedAfterClocks.clocks(unmet, CALENDAR, LocalDate.of(2026, 7, 31)))).isEmpty();
        assertThat(signalTexts(unmet, LocalDate.of(2026, 11, 23))).noneMatch(t -> t.startsWith("Early review"));
        assertThat(early(LookedAfterClocks.clocks(met, CALENDAR, LocalDate.of(2026, 11, 23))))
                .extracting(StatutoryClock::metOn).containsExactly(LocalDate.of(2026, 4, 28));
    }
}
