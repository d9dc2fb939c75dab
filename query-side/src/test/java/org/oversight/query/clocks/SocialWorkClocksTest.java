package org.oversight.query.clocks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.oversight.events.lookedafter.LegalStatus;
import org.oversight.events.lookedafter.ParticipationCode;
import org.oversight.events.lookedafter.ReasonPeriodEnded;
import org.oversight.events.lookedafter.VisitPlace;
import org.oversight.query.calendar.BankHolidays;
import org.oversight.query.calendar.WorkingDayCalendar;
import org.oversight.query.lookedafter.LookedAfterRecord;
import org.oversight.query.lookedafter.LookedAfterRecord.Change;
import org.oversight.query.lookedafter.LookedAfterRecord.Period;
import org.oversight.query.socialwork.SocialWorkRecord;
import org.oversight.query.socialwork.SocialWorkRecord.Allocation;
import org.oversight.query.socialwork.SocialWorkRecord.Intention;
import org.oversight.query.socialwork.SocialWorkRecord.Visit;

/**
 * The social worker's visits clock (reg 28 and reg 48(3)(c) of SI 2010/959), every date worked out by hand: weeks
 * are 7 calendar days, six weeks 42, months calendar months with the month-end rule.
 */
class SocialWorkClocksTest {

    private static final WorkingDayCalendar CALENDAR = BankHolidays.shipped().toCalendar();
    private static final String P = "p1";
    /** A Monday. */
    private static final LocalDate MON_2_MARCH = LocalDate.of(2026, 3, 2);
    private static final Allocation ALLOCATED = new Allocation(P, MON_2_MARCH, "Priya Nair", null);

    private static LookedAfterRecord care(LegalStatus status, LocalDate endedOn, Change... changes) {
        return new LookedAfterRecord(LocalDate.of(2026, 3, 2),
                List.of(new Period(P, MON_2_MARCH, status, status, "U6", endedOn,
                        endedOn == null ? null : ReasonPeriodEnded.E4A, List.of(changes))),
                List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), 0);
    }

    /** Living at home (SSDA903 P1) from 2 Mar 2026 under the given legal status, with the given reviews. */
    private static LookedAfterRecord atHome(LegalStatus status, List<LocalDate> reviews, Change... changes) {
        List<LookedAfterRecord.Review> held = reviews.stream().map(on -> new LookedAfterRecord.Review("r" + on, P,
                on, ParticipationCode.PN1, true, true, List.of(), List.of(), "Ben Brown", null, null, null)).toList();
        return new LookedAfterRecord(LocalDate.of(2026, 3, 2),
                List.of(new Period(P, MON_2_MARCH, status, status, "P1", null, null, List.of(changes))),
                held, List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), 0);
    }

    private static LookedAfterRecord care(Change... changes) {
        return care(LegalStatus.C2, null, changes);
    }

    private static SocialWorkRecord work(List<Intention> intentions, LocalDate... visits) {
        List<Visit> made = new ArrayList<>();
        for (LocalDate on : visits) {
            made.add(new Visit(P, on, true, VisitPlace.HOME));
        }
        return new SocialWorkRecord(List.of(ALLOCATED), made, intentions);
    }

    private static SocialWorkRecord work(LocalDate... visits) {
        return work(List.of(), visits);
    }

    private static List<StatutoryClock> clocks(LookedAfterRecord care, SocialWorkRecord work, LocalDate asAt) {
        return SocialWorkClocks.clocks(care, work, CALENDAR, asAt);
    }

    private static StatutoryClock open(List<StatutoryClock> clocks) {
        return clocks.stream().filter(c -> c.metOn() == null && !c.closed()).reduce((a, b) -> b).orElseThrow();
    }

    private static Change moved(LocalDate on) {
        return new Change("PLACEMENT", on, "U6", "U4");
    }

    @Test
    @DisplayName("placed Mon 2 Mar 2026: the first visit is due within one week, Mon 9 Mar; overdue on Tue 10 Mar")
    void theFirstVisitIsDueWithinOneWeekOfThePlacementStarting() {
        StatutoryClock first = open(clocks(care(), work(), LocalDate.of(2026, 3, 9)));

        assertThat(first.kind()).isEqualTo(SocialWorkClocks.KIND);
        assertThat(first.due().date()).isEqualTo(LocalDate.of(2026, 3, 9));
        assertThat(first.statusOn(LocalDate.of(2026, 3, 9), CALENDAR))
                .isEqualTo(StatutoryClock.Status.DUE_WITHIN_5_WORKING_DAYS);
        assertThat(first.statusOn(LocalDate.of(2026, 3, 10), CALENDAR)).isEqualTo(StatutoryClock.Status.OVERDUE);
    }

    @Test
    @DisplayName("visited Mon 9 Mar (in time): the next visit is due 6 weeks on, Mon 20 Apr; a visit on Tue 21 Apr "
            + "is late")
    void inTheFirstYearVisitsAreAtMostSixWeeksApart() {
        LocalDate asAt = LocalDate.of(2026, 5, 1);
        List<StatutoryClock> clocks = clocks(care(), work(LocalDate.of(2026, 3, 9), LocalDate.of(2026, 4, 21)), asAt);

        assertThat(clocks).extracting(StatutoryClock::startedOn, c -> c.due().date(), StatutoryClock::metOn)
                .containsExactly(
                        tuple(MON_2_MARCH, LocalDate.of(2026, 3, 9), LocalDate.of(2026, 3, 9)),
                        tuple(LocalDate.of(2026, 3, 9), LocalDate.of(2026, 4, 20), LocalDate.of(2026, 4, 21)),
                        tuple(LocalDate.of(2026, 4, 21), LocalDate.of(2026, 6, 2), null));
        assertThat(clocks.get(0).statusOn(asAt, CALENDAR)).isEqualTo(StatutoryClock.Status.HAPPENED_IN_TIME);
        assertThat(clocks.get(1).statusOn(asAt, CALENDAR)).isEqualTo(StatutoryClock.Status.HAPPENED_LATE);
        assertThat(clocks.get(1).standard()).contains("reg 28(2)(b)");
    }

    @Test
    @DisplayName("placed 2 Mar 2026 to last until 18: a visit on Mon 1 Mar 2027 is still in the first year (next due "
            + "6 weeks on, 12 Apr); one on Tue 2 Mar 2027 is after it (next due 3 months on, 2 Jun)")
    void afterTheFirstYearAPlacementMeantToLastUntilEighteenIsVisitedAtMostThreeMonthly() {
        List<Intention> untilEighteen = List.of(new Intention(P, MON_2_MARCH, LocalDate.of(2026, 6, 1), true));

        StatutoryClock lastDayOfFirstYear = open(clocks(care(), work(untilEighteen, LocalDate.of(2027, 3, 1)),
                LocalDate.of(2027, 3, 1)));
        StatutoryClock firstDayAfter = open(clocks(care(), work(untilEighteen, LocalDate.of(2027, 3, 2)),
                LocalDate.of(2027, 3, 2)));

        assertThat(lastDayOfFirstYear.due().date()).isEqualTo(LocalDate.of(2027, 4, 12));
        assertThat(firstDayAfter.due().date()).isEqualTo(LocalDate.of(2027, 6, 2));
        assertThat(firstDayAfter.standard()).contains("reg 28(2)(c)(i)");
    }

    @Test
    @DisplayName("after the first year, a placement not meant to last until 18 stays 6-weekly: visited 2 Mar 2027, "
            + "next due Tue 13 Apr 2027")
    void afterTheFirstYearAnyOtherPlacementStaysSixWeekly() {
        StatutoryClock next = open(clocks(care(), work(LocalDate.of(2027, 3, 2)), LocalDate.of(2027, 3, 2)));

        assertThat(next.due().date()).isEqualTo(LocalDate.of(2027, 4, 13));
        assertThat(next.standard()).contains("reg 28(2)(c)(ii)");
    }

    @Test
    @DisplayName("three months run to the month end: visited Tue 30 Nov 2027, next due Tue 29 Feb 2028 (a leap "
            + "year); visited Tue 31 Aug 2027, next due Tue 30 Nov 2027")
    void threeMonthsFromAMonthEndEndAtTheShorterMonthsLastDay() {
        List<Intention> untilEighteen = List.of(new Intention(P, MON_2_MARCH, MON_2_MARCH, true));

        assertThat(open(clocks(care(), work(untilEighteen, LocalDate.of(2027, 11, 30)), LocalDate.of(2027, 12, 1)))
                .due().date()).isEqualTo(LocalDate.of(2028, 2, 29));
        assertThat(open(clocks(care(), work(untilEighteen, LocalDate.of(2027, 8, 31)), LocalDate.of(2027, 9, 1)))
                .due().date()).isEqualTo(LocalDate.of(2027, 11, 30));
    }

    @Test
    @DisplayName("the interval in force on the day of the visit holds: decided on 10 Mar 2027 to last until 18, the "
            + "interval from the visit on 2 Mar stays 6 weeks (13 Apr); the next, from 12 Apr, is 3 months (12 Jul)")
    void anIntentionDecidedAfterAVisitChangesOnlyTheIntervalsAfterIt() {
        List<Intention> untilEighteen = List.of(new Intention(P, MON_2_MARCH, LocalDate.of(2027, 3, 10), true));

        List<StatutoryClock> clocks = clocks(care(), work(untilEighteen, LocalDate.of(2027, 3, 2),
                LocalDate.of(2027, 4, 12)), LocalDate.of(2027, 4, 12));

        assertThat(clocks).extracting(c -> c.due().date()).endsWith(LocalDate.of(2027, 4, 13),
                LocalDate.of(2027, 7, 12));
    }

    @Test
    @DisplayName("a decision about an earlier placement does not carry to the next: moved on 1 Apr 2026, visited "
            + "2 Apr 2027 (after the new placement's first year), next due 6 weeks on, 14 May 2027")
    void anIntentionBelongsToThePlacementItWasDecidedFor() {
        List<Intention> earlier = List.of(new Intention(P, MON_2_MARCH, MON_2_MARCH, true));

        StatutoryClock next = open(clocks(care(moved(LocalDate.of(2026, 4, 1))),
                work(earlier, LocalDate.of(2026, 4, 2), LocalDate.of(2027, 4, 2)), LocalDate.of(2027, 4, 2)));

        assertThat(next.due().date()).isEqualTo(LocalDate.of(2027, 5, 14));
    }

    @Test
    @DisplayName("moved Wed 1 Apr 2026 while the next visit (due 20 Apr) was in time: that clock closes and the new "
            + "placement's visit is due within one week, Wed 8 Apr; its first year runs from the move")
    void aMoveStartsTheNewPlacementsWeekAndItsFirstYear() {
        LocalDate asAt = LocalDate.of(2026, 4, 2);
        List<StatutoryClock> clocks = clocks(care(moved(LocalDate.of(2026, 4, 1))), work(LocalDate.of(2026, 3, 9)),
                asAt);

        assertThat(clocks).extracting(c -> c.due().date(), c -> c.statusOn(asAt, CALENDAR)).containsExactly(
                tuple(LocalDate.of(2026, 3, 9), StatutoryClock.Status.HAPPENED_IN_TIME),
                tuple(LocalDate.of(2026, 4, 8), StatutoryClock.Status.DUE_WITHIN_5_WORKING_DAYS),
                tuple(LocalDate.of(2026, 4, 20), StatutoryClock.Status.NOT_NEEDED));

        List<Intention> untilEighteen = List.of(new Intention(P, LocalDate.of(2026, 4, 1), LocalDate.of(2026, 4, 1),
                true));
        StatutoryClock inFirstYearOfTheMove = open(clocks(care(moved(LocalDate.of(2026, 4, 1))),
                work(untilEighteen, LocalDate.of(2026, 4, 2), LocalDate.of(2027, 3, 31)), LocalDate.of(2027, 3, 31)));
        assertThat(inFirstYearOfTheMove.due().date()).isEqualTo(LocalDate.of(2027, 5, 12));
    }

    @Test
    @DisplayName("moved Mon 16 Mar with the first visit (due 9 Mar) overdue: it stays open, and the visit on Wed "
            + "18 Mar meets it late and the new placement's (due 23 Mar) in time")
    void aVisitOverdueWhenTheChildMovesIsMetLateByTheNextVisit() {
        LocalDate asAt = LocalDate.of(2026, 3, 18);
        List<StatutoryClock> before = clocks(care(moved(LocalDate.of(2026, 3, 16))), work(), LocalDate.of(2026, 3, 17));
        List<StatutoryClock> after = clocks(care(moved(LocalDate.of(2026, 3, 16))), work(asAt), asAt);

        assertThat(before).extracting(c -> c.due().date(), c -> c.statusOn(LocalDate.of(2026, 3, 17), CALENDAR))
                .containsExactly(tuple(LocalDate.of(2026, 3, 9), StatutoryClock.Status.OVERDUE),
                        tuple(LocalDate.of(2026, 3, 23), StatutoryClock.Status.DUE_WITHIN_5_WORKING_DAYS));
        assertThat(after).extracting(c -> c.due().date(), c -> c.statusOn(asAt, CALENDAR)).containsExactly(
                tuple(LocalDate.of(2026, 3, 9), StatutoryClock.Status.HAPPENED_LATE),
                tuple(LocalDate.of(2026, 3, 23), StatutoryClock.Status.HAPPENED_IN_TIME),
                tuple(LocalDate.of(2026, 4, 29), StatutoryClock.Status.ON_TRACK));
    }

    @Test
    @DisplayName("short breaks from Mon 2 Mar 2026 (reg 48(3)(c)): first visit within 3 months, Tue 2 Jun; visited "
            + "Mon 31 Aug, the next within 6 months, Sun 28 Feb 2027; a move starts no clock")
    void shortBreaksAreVisitedWithinThreeMonthsThenAtMostSixMonthly() {
        StatutoryClock first = open(clocks(care(LegalStatus.V3, null), work(), LocalDate.of(2026, 3, 3)));
        assertThat(first.due().date()).isEqualTo(LocalDate.of(2026, 6, 2));
        assertThat(first.standard()).contains("reg 48(3)(c)(i)");

        List<StatutoryClock> later = clocks(care(LegalStatus.V3, null, moved(LocalDate.of(2026, 9, 10))),
                work(LocalDate.of(2026, 5, 20), LocalDate.of(2026, 8, 31)), LocalDate.of(2026, 9, 10));
        assertThat(later).extracting(c -> c.due().date()).containsExactly(LocalDate.of(2026, 6, 2),
                LocalDate.of(2026, 11, 20), LocalDate.of(2027, 2, 28));
        assertThat(open(later).standard()).contains("reg 48(3)(c)(ii)");
    }

    @Test
    @DisplayName("short breaks from 2 Mar, visited 1 Jun; a care order from Wed 1 Jul 2026: reg 28(2) applies, a "
            + "visit is due within one week, Wed 8 Jul, and the short-break visit due 1 Dec closes")
    void leavingShortBreaksStartsTheWeekOfANewPlacement() {
        LocalDate asAt = LocalDate.of(2026, 7, 2);
        List<StatutoryClock> clocks = clocks(care(LegalStatus.V3, null,
                new Change("LEGAL_STATUS", LocalDate.of(2026, 7, 1), "V3", "C2")), work(LocalDate.of(2026, 6, 1)),
                asAt);

        assertThat(clocks).extracting(c -> c.due().date(), c -> c.statusOn(asAt, CALENDAR)).containsExactly(
                tuple(LocalDate.of(2026, 6, 2), StatutoryClock.Status.HAPPENED_IN_TIME),
                tuple(LocalDate.of(2026, 7, 8), StatutoryClock.Status.DUE_WITHIN_5_WORKING_DAYS),
                tuple(LocalDate.of(2026, 12, 1), StatutoryClock.Status.NOT_NEEDED));
        assertThat(open(clocks).standard()).contains("reg 48 no longer applies");
    }

    @Test
    @DisplayName("short breaks from 2 Mar, never visited; a care order from Mon 1 Jun: the first visit stays due by "
            + "Tue 2 Jun, sooner than a week from the change (8 Jun)")
    void leavingShortBreaksForgivesNoOverdueVisit() {
        StatutoryClock first = open(clocks(care(LegalStatus.V3, null,
                new Change("LEGAL_STATUS", LocalDate.of(2026, 6, 1), "V3", "C2")), work(), LocalDate.of(2026, 6, 1)));

        assertThat(first.due().date()).isEqualTo(LocalDate.of(2026, 6, 2));
        assertThat(first.startedOn()).isEqualTo(MON_2_MARCH);
    }

    @Test
    @DisplayName("at home under an interim care order from Mon 2 Mar 2026 (reg 28(4)): visited 2, 9 and 16 Mar, "
            + "weekly until the first review on Fri 13 Mar, then at most 4 weeks: next due Mon 13 Apr")
    void atHomeUnderAnInterimCareOrderVisitsAreWeeklyUntilTheFirstReviewThenFourWeekly() {
        List<StatutoryClock> clocks = clocks(atHome(LegalStatus.C1, List.of(LocalDate.of(2026, 3, 13))),
                work(MON_2_MARCH, LocalDate.of(2026, 3, 9), LocalDate.of(2026, 3, 16)), LocalDate.of(2026, 3, 16));

        assertThat(clocks).extracting(StatutoryClock::startedOn, c -> c.due().date()).containsExactly(
                tuple(MON_2_MARCH, LocalDate.of(2026, 3, 9)),
                tuple(MON_2_MARCH, LocalDate.of(2026, 3, 9)),
                tuple(LocalDate.of(2026, 3, 9), LocalDate.of(2026, 3, 16)),
                tuple(LocalDate.of(2026, 3, 16), LocalDate.of(2026, 4, 13)));
        assertThat(clocks.get(2).standard()).contains("reg 28(4)(a)");
        assertThat(open(clocks).standard()).contains("reg 28(4)(b)");
    }

    @Test
    @DisplayName("at home accommodated (V2), visited 2 Mar (next due 13 Apr); a care order made Wed 1 Apr (reg "
            + "28(5)): a visit within one week, Wed 8 Apr, then 6-weekly even after the first year and a decision "
            + "that the placement lasts until 18 (visited Fri 2 Apr 2027, next due Fri 14 May 2027)")
    void atHomeUnderACareOrderTheOrderIsVisitedWithinAWeekThenSixWeekly() {
        Change careOrder = new Change("LEGAL_STATUS", LocalDate.of(2026, 4, 1), "V2", "C2");
        LocalDate asAt = LocalDate.of(2026, 4, 2);

        List<StatutoryClock> clocks = clocks(atHome(LegalStatus.V2, List.of(), careOrder), work(MON_2_MARCH), asAt);
        assertThat(clocks).extracting(c -> c.due().date(), c -> c.statusOn(asAt, CALENDAR)).containsExactly(
                tuple(LocalDate.of(2026, 3, 9), StatutoryClock.Status.HAPPENED_IN_TIME),
                tuple(LocalDate.of(2026, 4, 8), StatutoryClock.Status.DUE_WITHIN_5_WORKING_DAYS),
                tuple(LocalDate.of(2026, 4, 13), StatutoryClock.Status.NOT_NEEDED));
        assertThat(open(clocks).standard()).contains("reg 28(5)(a)");

        List<Intention> untilEighteen = List.of(new Intention(P, MON_2_MARCH, MON_2_MARCH, true));
        StatutoryClock later = open(clocks(atHome(LegalStatus.V2, List.of(), careOrder),
                work(untilEighteen, MON_2_MARCH, LocalDate.of(2026, 4, 8), LocalDate.of(2027, 4, 2)),
                LocalDate.of(2027, 4, 2)));
        assertThat(later.due().date()).isEqualTo(LocalDate.of(2027, 5, 14));
        assertThat(later.standard()).contains("reg 28(5)(b)");
    }

    @Test
    @DisplayName("left care on 1 Apr 2026 with the visit due 20 Apr unmade: no longer an open item")
    void aVisitNeverMadeInAnEndedPeriodIsNoLongerDue() {
        List<StatutoryClock> clocks = clocks(care(LegalStatus.C2, LocalDate.of(2026, 4, 1)),
                work(LocalDate.of(2026, 3, 9)), LocalDate.of(2026, 5, 1));

        assertThat(clocks).extracting(StatutoryClock::metOn).containsExactly(LocalDate.of(2026, 3, 9));
    }

    @Test
    void aPeriodWithNothingOfItsSocialWorkRecordedHasNoVisitClocksOrSignals() {
        SocialWorkRecord nothing = SocialWorkRecord.empty();

        assertThat(clocks(care(), nothing, LocalDate.of(2026, 5, 1))).isEmpty();
        assertThat(SocialWorkClocks.signals(care(), nothing, CALENDAR, LocalDate.of(2026, 5, 1))).isEmpty();
    }

    @Test
    @DisplayName("looked after from 2 Mar, allocated 10 Mar, unallocated from 1 May: on 20 May the child has had no "
            + "social worker for 20 days, and was without one for 8 days (2-9 Mar) before")
    void unallocatedTimeInThePeriodIsDrift() {
        SocialWorkRecord work = new SocialWorkRecord(List.of(
                new Allocation(P, LocalDate.of(2026, 3, 10), "Priya Nair", "Team 2"),
                new Allocation(P, LocalDate.of(2026, 5, 1), null, null)),
                List.of(new Visit(P, LocalDate.of(2026, 5, 12), false, VisitPlace.SCHOOL)), List.of());

        List<DriftSignal> signals = SocialWorkClocks.signals(care(), work, CALENDAR, LocalDate.of(2026, 5, 20));

        assertThat(signals).extracting(DriftSignal::code, DriftSignal::description).contains(
                tuple("no-social-worker", "No allocated social worker since 1 May 2026 (20 days)"),
                tuple("social-worker-gaps", "Without an allocated social worker for 8 days earlier in this period "
                        + "of care"),
                tuple("social-worker-visits-late", "1 social worker's visit out of timescale in this period of care"),
                tuple("not-seen-alone", "The child was not seen alone at the social worker's last visit, on "
                        + "12 May 2026 (reg 29)"));
    }

    @Test
    void anAllocatedChildVisitedInTimeShowsNoDrift() {
        assertThat(SocialWorkClocks.signals(care(), work(LocalDate.of(2026, 3, 5)), CALENDAR,
                LocalDate.of(2026, 3, 20))).isEmpty();
    }
}
