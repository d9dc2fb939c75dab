package org.oversight.query.clocks;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.oversight.events.lookedafter.ConsultationMethod;
import org.oversight.events.lookedafter.PrivateConversation;
import org.oversight.events.lookedafter.LegalStatus;
import org.oversight.events.lookedafter.MidwayFinding;
import org.oversight.events.lookedafter.ParticipationCode;
import org.oversight.events.policy.PolicySettings;
import org.oversight.query.clocks.StatutoryClock.Status;
import org.oversight.query.calendar.BankHolidays;
import org.oversight.query.calendar.WorkingDayCalendar;
import org.oversight.query.lookedafter.LookedAfterRecord;
import org.oversight.query.lookedafter.LookedAfterRecord.Consultation;
import org.oversight.query.lookedafter.LookedAfterRecord.MidwayCheck;
import org.oversight.query.lookedafter.LookedAfterRecord.Period;
import org.oversight.query.lookedafter.LookedAfterRecord.Review;
import org.oversight.query.policy.PolicyHistory;
import org.oversight.query.protection.ProtectionRecord;

/**
 * The clocks whose timescales are the local authority's own: IRO allocation, consultation before a review,
 * the midway check, record distribution and the pre-birth conference. Every date worked out by hand against
 * the 2026 calendar (Good Friday 3 April and Easter Monday 6 April are bank holidays).
 */
class LocalTimescaleClocksTest {

    private static final WorkingDayCalendar CALENDAR = BankHolidays.shipped().toCalendar();
    private static final LocalDate MON_2_MARCH = LocalDate.of(2026, 3, 2);
    private static final LocalDate FRI_27_MARCH = LocalDate.of(2026, 3, 27);
    private static final PolicyHistory DEFAULTS = PolicyHistory.defaults("LA1");

    private static LookedAfterRecord record(List<Review> reviews, List<Consultation> consultations,
            List<MidwayCheck> midwayChecks) {
        return new LookedAfterRecord(LocalDate.of(2026, 11, 23),
                List.of(new Period("p1", MON_2_MARCH, LegalStatus.C2, LegalStatus.C2, null, null, null, List.of())),
                reviews, List.of(), consultations, List.of(), midwayChecks, List.of(), List.of(), List.of(), 0);
    }

    private static Review review(String id, LocalDate held, boolean consulted, LocalDate distributed) {
        return new Review(id, "p1", held, ParticipationCode.PN1, consulted, consulted, List.of(), List.of(),
                "Ben Brown", distributed, distributed == null ? null : Boolean.TRUE, distributed);
    }

    private static PolicyHistory policy(LocalDate from, PolicySettings settings) {
        return new PolicyHistory("LA1", List.of(new PolicyHistory.Version(1, from, settings, "Local protocol",
                "admin.ford", "Fran Ford", Instant.parse("2026-01-05T09:00:00Z"))));
    }

    private static PolicySettings settings(int iro, int week, int record, int midway) {
        return new PolicySettings(iro, week, 1, record, midway, 20, Map.of());
    }

    private static List<StatutoryClock> of(String kind, List<StatutoryClock> clocks) {
        return clocks.stream().filter(c -> c.kind().equals(kind)).toList();
    }

    @Test
    @DisplayName("IRO allocated: looked after Mon 2 Mar, 5 working days by default → due Mon 9 Mar; allocated "
            + "Tue 10 Mar is late; under a 3-day local rule the due date is Thu 5 Mar")
    void iroAllocationRunsFromBecomingLookedAfterByTheLocalTimescale() {
        LookedAfterRecord care = record(List.of(), List.of(), List.of());
        LocalDate asAt = LocalDate.of(2026, 3, 20);

        StatutoryClock byDefault = of("iro-allocation",
                LookedAfterClocks.clocks(care, CALENDAR, asAt, DEFAULTS, List.of(LocalDate.of(2026, 3, 10)))).get(0);
        StatutoryClock local = of("iro-allocation", LookedAfterClocks.clocks(care, CALENDAR, asAt,
                policy(LocalDate.of(2026, 1, 1), settings(3, 34, 20, 50)), List.of())).get(0);

        assertThat(byDefault.due().date()).isEqualTo(LocalDate.of(2026, 3, 9));
        assertThat(byDefault.statusOn(asAt, CALENDAR)).isEqualTo(Status.HAPPENED_LATE);
        assertThat(local.due().date()).isEqualTo(LocalDate.of(2026, 3, 5));
        assertThat(local.statusOn(asAt, CALENDAR)).isEqualTo(Status.OVERDUE);
    }

    @Test
    @DisplayName("an IRO already allocated before the child became looked after meets the clock on the first day")
    void anIroAlreadyAllocatedMeetsTheClockOnTheFirstDay() {
        StatutoryClock clock = of("iro-allocation", LookedAfterClocks.clocks(record(List.of(), List.of(), List.of()),
                CALENDAR, LocalDate.of(2026, 3, 20), DEFAULTS, List.of(LocalDate.of(2025, 6, 1)))).get(0);

        assertThat(clock.metOn()).isEqualTo(MON_2_MARCH);
        assertThat(clock.statusOn(LocalDate.of(2026, 3, 20), CALENDAR)).isEqualTo(Status.HAPPENED_IN_TIME);
    }

    @Test
    @DisplayName("a clock keeps the timescale in force on the day it started: a 3-day rule from Tue 3 Mar does not "
            + "reach a period that started Mon 2 Mar")
    void aClockKeepsTheTimescaleInForceWhenItStarted() {
        StatutoryClock clock = of("iro-allocation", LookedAfterClocks.clocks(record(List.of(), List.of(), List.of()),
                CALENDAR, LocalDate.of(2026, 3, 20), policy(LocalDate.of(2026, 3, 3), settings(3, 34, 20, 50)),
                List.of())).get(0);

        assertThat(clock.due().date()).isEqualTo(LocalDate.of(2026, 3, 9));
    }

    @Test
    @DisplayName("record distribution: review Fri 27 Mar, 20 working days across Easter (3 and 6 Apr are bank "
            + "holidays) → due Tue 28 Apr; distributed Wed 29 Apr is late; a 15-day rule → due Tue 21 Apr")
    void recordDistributionCountsWorkingDaysFromTheReview() {
        LookedAfterRecord care = record(List.of(review("r1", FRI_27_MARCH, true, LocalDate.of(2026, 4, 29))),
                List.of(), List.of());
        LocalDate asAt = LocalDate.of(2026, 5, 1);

        StatutoryClock byDefault = of("record-distribution", LookedAfterClocks.clocks(care, CALENDAR, asAt, DEFAULTS,
                null)).get(0);
        StatutoryClock local = of("record-distribution", LookedAfterClocks.clocks(care, CALENDAR, asAt,
                policy(LocalDate.of(2026, 1, 1), settings(5, 34, 15, 50)), null)).get(0);

        assertThat(byDefault.due().date()).isEqualTo(LocalDate.of(2026, 4, 28));
        assertThat(byDefault.statusOn(asAt, CALENDAR)).isEqualTo(Status.HAPPENED_LATE);
        assertThat(local.due().date()).isEqualTo(LocalDate.of(2026, 4, 21));
    }

    @Test
    @DisplayName("a record never distributed stays open and becomes overdue the day after it was due")
    void anUndistributedRecordBecomesOverdue() {
        LookedAfterRecord care = record(List.of(review("r1", FRI_27_MARCH, true, null)), List.of(), List.of());

        StatutoryClock onTheDay = of("record-distribution", LookedAfterClocks.clocks(care, CALENDAR,
                LocalDate.of(2026, 4, 28), DEFAULTS, null)).get(0);

        assertThat(onTheDay.statusOn(LocalDate.of(2026, 4, 28), CALENDAR)).isEqualTo(Status.DUE_WITHIN_5_WORKING_DAYS);
        assertThat(onTheDay.statusOn(LocalDate.of(2026, 4, 29), CALENDAR)).isEqualTo(Status.OVERDUE);
    }

    @Test
    @DisplayName("midway check: first review Fri 27 Mar, second due Sat 27 Jun (92 days on); half way is 46 days "
            + "→ Tue 12 May; a quarter of the way is 23 days → Sun 19 Apr")
    void theMidwayCheckFallsAtTheLocalPointBetweenReviews() {
        LookedAfterRecord care = record(List.of(review("r1", FRI_27_MARCH, true, null)), List.of(), List.of());
        LocalDate asAt = LocalDate.of(2026, 4, 1);

        StatutoryClock half = of("midway-check", LookedAfterClocks.clocks(care, CALENDAR, asAt, DEFAULTS, null)).get(0);
        StatutoryClock quarter = of("midway-check", LookedAfterClocks.clocks(care, CALENDAR, asAt,
                policy(LocalDate.of(2026, 1, 1), settings(5, 34, 20, 25)), null)).get(0);

        assertThat(half.due().date()).isEqualTo(LocalDate.of(2026, 5, 12));
        assertThat(quarter.due().date()).isEqualTo(LocalDate.of(2026, 4, 19));
    }

    @Test
    @DisplayName("no midway check before the first review; one recorded after the first review meets the next one's")
    void aMidwayCheckAfterThePreviousReviewMeetsTheClock() {
        LookedAfterRecord care = record(List.of(review("r1", FRI_27_MARCH, true, null)), List.of(),
                List.of(new MidwayCheck(LocalDate.of(2026, 5, 20), MidwayFinding.values()[0], "Ben Brown")));
        List<StatutoryClock> clocks = LookedAfterClocks.clocks(care, CALENDAR, LocalDate.of(2026, 6, 1), DEFAULTS,
                null);

        assertThat(of("midway-check", clocks)).singleElement().satisfies(c -> {
            assertThat(c.startedOn()).isEqualTo(FRI_27_MARCH);
            assertThat(c.metOn()).isEqualTo(LocalDate.of(2026, 5, 20));
            assertThat(c.statusOn(LocalDate.of(2026, 6, 1), CALENDAR)).isEqualTo(Status.HAPPENED_LATE);
        });
    }

    @Test
    @DisplayName("second review held Fri 26 Jun with no midway check since the first: a drift signal")
    void aReviewIntervalWithoutAMidwayCheckIsADriftSignal() {
        LookedAfterRecord care = record(List.of(review("r1", FRI_27_MARCH, true, null),
                review("r2", LocalDate.of(2026, 6, 26), true, null)), List.of(), List.of());

        assertThat(LookedAfterClocks.signals(care, CALENDAR, LocalDate.of(2026, 7, 1), DEFAULTS, null))
                .extracting(DriftSignal::code).contains("no-midway-check");
    }

    @Test
    @DisplayName("consultation before the next review: due by that review's due date (Sat 27 Jun); a consultation "
            + "on the day of the previous review does not count, one the week after does")
    void theChildIsConsultedBeforeEachReview() {
        LocalDate asAt = LocalDate.of(2026, 6, 1);
        List<Consultation> onReviewDay = List.of(new Consultation(FRI_27_MARCH, ConsultationMethod.values()[0], true,
                "Ben Brown", PrivateConversation.SPOKE_IN_PRIVATE));
        List<Consultation> weekAfter = List.of(new Consultation(LocalDate.of(2026, 4, 2),
                ConsultationMethod.values()[0], true, "Ben Brown", PrivateConversation.SPOKE_IN_PRIVATE));

        StatutoryClock notYet = of("consultation", LookedAfterClocks.clocks(record(
                List.of(review("r1", FRI_27_MARCH, true, null)), onReviewDay, List.of()), CALENDAR, asAt, DEFAULTS,
                null)).get(1);
        StatutoryClock done = of("consultation", LookedAfterClocks.clocks(record(
                List.of(review("r1", FRI_27_MARCH, true, null)), weekAfter, List.of()), CALENDAR, asAt, DEFAULTS,
                null)).get(1);

        assertThat(notYet.due().date()).isEqualTo(LocalDate.of(2026, 6, 27));
        assertThat(notYet.metOn()).isNull();
        assertThat(done.metOn()).isEqualTo(LocalDate.of(2026, 4, 2));
    }

    @Test
    @DisplayName("a held review the child was not consulted before is a drift signal, not an open clock")
    void aMissedConsultationIsASignalNotAnOpenClock() {
        LookedAfterRecord care = record(List.of(review("r1", FRI_27_MARCH, false, null)), List.of(), List.of());
        List<StatutoryClock> consultations = of("consultation", LookedAfterClocks.clocks(care, CALENDAR,
                LocalDate.of(2026, 4, 1), DEFAULTS, null));

        assertThat(consultations).singleElement().satisfies(c -> assertThat(c.startedOn()).isEqualTo(FRI_27_MARCH));
        assertThat(LookedAfterClocks.signals(care, CALENDAR, LocalDate.of(2026, 4, 1), DEFAULTS, null))
                .extracting(DriftSignal::code).contains("no-consultation");
    }

    @Test
    @DisplayName("pre-birth conference: expected Sun 30 Aug, by week 34 → 6 weeks before, Sun 19 Jul; by week 32 "
            + "→ Sun 5 Jul; none once the child was born before the strategy discussion")
    void thePreBirthConferenceIsDueByTheLocalWeekOfPregnancy() {
        LocalDate discussed = LocalDate.of(2026, 6, 1);
        ProtectionRecord record = new ProtectionRecord(List.of(new ProtectionRecord.Enquiry("e1", discussed, null,
                null, null)), List.of(), List.of(), List.of());
        LocalDate expected = LocalDate.of(2026, 8, 30);

        StatutoryClock week34 = of("pre-birth-conference", ProtectionClocks.clocks(record, CALENDAR,
                LocalDate.of(2026, 6, 2), DEFAULTS, expected, null)).get(0);
        StatutoryClock week32 = of("pre-birth-conference", ProtectionClocks.clocks(record, CALENDAR,
                LocalDate.of(2026, 6, 2), policy(LocalDate.of(2026, 1, 1), settings(5, 32, 20, 50)), expected,
                null)).get(0);
        List<StatutoryClock> bornBefore = of("pre-birth-conference", ProtectionClocks.clocks(record, CALENDAR,
                LocalDate.of(2026, 6, 2), DEFAULTS, expected, LocalDate.of(2026, 5, 30)));

        assertThat(week34.due().date()).isEqualTo(LocalDate.of(2026, 7, 19));
        assertThat(week32.due().date()).isEqualTo(LocalDate.of(2026, 7, 5));
        assertThat(bornBefore).isEmpty();
    }

    @Test
    @DisplayName("a version in force from a date applies from that day on; before it, the defaults; of two versions "
            + "on one day, the later recorded")
    void policyVersionsApplyFromTheirDate() {
        PolicySettings first = settings(3, 34, 20, 50);
        PolicySettings second = settings(4, 34, 20, 50);
        LocalDate from = LocalDate.of(2026, 4, 1);
        List<PolicyHistory.Version> versions = new ArrayList<>(List.of(
                new PolicyHistory.Version(1, from, first, "First", "admin.ford", "Fran Ford", null),
                new PolicyHistory.Version(2, from, second, "Corrected", "admin.ford", "Fran Ford", null)));
        PolicyHistory history = new PolicyHistory("LA1", versions);

        assertThat(history.on(from.minusDays(1))).isEqualTo(PolicySettings.DEFAULTS);
        assertThat(history.on(from)).isEqualTo(second);
    }

    @Test
    @DisplayName("decisions sent within 1 working day: review Thu 2 Apr 2026 → Tue 7 Apr (Good Friday, the weekend "
            + "and Easter Monday do not count); sent Wed 8 Apr is late, sent Tue 7 Apr is in time")
    void reviewDecisionsGoOutWithinTheLocalTimescaleAcrossEaster() {
        LocalDate held = LocalDate.of(2026, 4, 2);
        LookedAfterRecord late = record(List.of(new Review("r1", "p1", held, ParticipationCode.PN1, true, true,
                List.of(), List.of(), "Ben Brown", null, null, LocalDate.of(2026, 4, 8))), List.of(), List.of());
        LookedAfterRecord inTime = record(List.of(new Review("r1", "p1", held, ParticipationCode.PN1, true, true,
                List.of(), List.of(), "Ben Brown", null, null, LocalDate.of(2026, 4, 7))), List.of(), List.of());
        LocalDate asAt = LocalDate.of(2026, 4, 20);

        StatutoryClock lateClock = of("decisions-sent", LookedAfterClocks.clocks(late, CALENDAR, asAt, DEFAULTS,
                null)).get(0);
        StatutoryClock inTimeClock = of("decisions-sent", LookedAfterClocks.clocks(inTime, CALENDAR, asAt, DEFAULTS,
                null)).get(0);

        assertThat(lateClock.due().date()).isEqualTo(LocalDate.of(2026, 4, 7));
        assertThat(lateClock.statusOn(asAt, CALENDAR)).isEqualTo(Status.HAPPENED_LATE);
        assertThat(inTimeClock.statusOn(asAt, CALENDAR)).isEqualTo(Status.HAPPENED_IN_TIME);
    }

    @Test
    @DisplayName("a record distributed with no decision letter recorded meets the decisions clock the day it went out")
    void theRecordCarriesTheDecisions() {
        LookedAfterRecord care = record(List.of(new Review("r1", "p1", FRI_27_MARCH, ParticipationCode.PN1, true,
                true, List.of(), List.of(), "Ben Brown", LocalDate.of(2026, 4, 10), true, null)), List.of(), List.of());

        StatutoryClock decisions = of("decisions-sent", LookedAfterClocks.clocks(care, CALENDAR,
                LocalDate.of(2026, 5, 1), DEFAULTS, null)).get(0);

        assertThat(decisions.metOn()).isEqualTo(LocalDate.of(2026, 4, 10));
        assertThat(decisions.statusOn(LocalDate.of(2026, 5, 1), CALENDAR)).isEqualTo(Status.HAPPENED_LATE);
    }

    @Test
    @DisplayName("once the period of care has ended, decisions and a record never sent are no longer open items")
    void anEndedPeriodLeavesNoOpenMinutes() {
        LookedAfterRecord care = new LookedAfterRecord(LocalDate.of(2026, 11, 23),
                List.of(new Period("p1", MON_2_MARCH, LegalStatus.C2, LegalStatus.C2, null, LocalDate.of(2026, 4, 30),
                        null, List.of())),
                List.of(review("r1", FRI_27_MARCH, true, null)), List.of(), List.of(), List.of(), List.of(),
                List.of(), List.of(), List.of(), 0);

        List<StatutoryClock> clocks = LookedAfterClocks.clocks(care, CALENDAR, LocalDate.of(2026, 6, 1), DEFAULTS,
                null);

        assertThat(of("decisions-sent", clocks)).isEmpty();
        assertThat(of("record-distribution", clocks)).isEmpty();
        assertThat(of("decisions-sent", LookedAfterClocks.clocks(care, CALENDAR, LocalDate.of(2026, 4, 1), DEFAULTS,
                null))).as("while the period was open").hasSize(1);
    }

    @Test
    @DisplayName("an IRO allocated only after a period ended does not meet that period's allocation clock")
    void anAllocationAfterThePeriodEndedDoesNotMeetIt() {
        LookedAfterRecord care = new LookedAfterRecord(LocalDate.of(2026, 11, 23),
                List.of(new Period("p1", MON_2_MARCH, LegalStatus.C2, LegalStatus.C2, null, LocalDate.of(2026, 3, 20),
                        null, List.of())),
                List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), 0);

        assertThat(of("iro-allocation", LookedAfterClocks.clocks(care, CALENDAR, LocalDate.of(2026, 6, 1), DEFAULTS,
                List.of(LocalDate.of(2026, 5, 1))))).isEmpty();
    }
}
