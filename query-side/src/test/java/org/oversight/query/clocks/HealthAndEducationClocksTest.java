package org.oversight.query.clocks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.oversight.events.lookedafter.HealthCheck;
import org.oversight.events.lookedafter.LegalStatus;
import org.oversight.events.lookedafter.ParticipationCode;
import org.oversight.events.policy.PolicySettings;
import org.oversight.query.calendar.BankHolidays;
import org.oversight.query.calendar.WorkingDayCalendar;
import org.oversight.query.lookedafter.HealthAndEducationRecord;
import org.oversight.query.lookedafter.HealthAndEducationRecord.Check;
import org.oversight.query.lookedafter.HealthAndEducationRecord.EducationPlan;
import org.oversight.query.lookedafter.LookedAfterRecord;
import org.oversight.query.lookedafter.LookedAfterRecord.Change;
import org.oversight.query.lookedafter.LookedAfterRecord.Period;
import org.oversight.query.lookedafter.LookedAfterRecord.Review;
import org.oversight.query.policy.PolicyHistory;

/** Health and education clocks, every expected date worked out by hand against the shipped calendar. */
class HealthAndEducationClocksTest {

    private static final WorkingDayCalendar CALENDAR = BankHolidays.shipped().toCalendar();
    private static final PolicyHistory DEFAULTS = PolicyHistory.defaults("LA1");
    /** A Wednesday, two days before Good Friday 2026. */
    private static final LocalDate WED_1_APRIL = LocalDate.of(2026, 4, 1);
    private static final LocalDate BORN_2015 = LocalDate.of(2015, 6, 1);

    private static LookedAfterRecord care(LocalDate startedOn, LegalStatus status, LocalDate endedOn,
            List<Change> changes, LocalDate... reviews) {
        List<Review> held = new ArrayList<>();
        for (int i = 0; i < reviews.length; i++) {
            held.add(new Review("r" + i, "p1", reviews[i], ParticipationCode.PN1, true, true, List.of(), List.of(),
                    "Ben Brown", null, null, null));
        }
        return new LookedAfterRecord(LocalDate.of(2026, 11, 23),
                List.of(new Period("p1", startedOn, status, status, null, endedOn, null, changes)), held, List.of(),
                List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), 0);
    }

    private static LookedAfterRecord care(LocalDate startedOn, LocalDate... reviews) {
        return care(startedOn, LegalStatus.C2, null, List.of(), reviews);
    }

    private static HealthAndEducationRecord checks(HealthCheck check, LocalDate... days) {
        List<Check> checks = new ArrayList<>();
        for (LocalDate day : days) {
            checks.add(new Check("p1", check, day, "Ben Brown"));
        }
        return new HealthAndEducationRecord(checks, List.of());
    }

    private static HealthAndEducationRecord plans(LocalDate... days) {
        List<EducationPlan> plans = new ArrayList<>();
        for (LocalDate day : days) {
            plans.add(new EducationPlan("p1", day, "Ben Brown"));
        }
        return new HealthAndEducationRecord(List.of(), plans);
    }

    private static List<StatutoryClock> of(String kind, LookedAfterRecord care, HealthAndEducationRecord facts,
            LocalDate bornOn, LocalDate asAt) {
        return of(kind, care, facts, bornOn, asAt, DEFAULTS);
    }

    private static List<StatutoryClock> of(String kind, LookedAfterRecord care, HealthAndEducationRecord facts,
            LocalDate bornOn, LocalDate asAt, PolicyHistory policy) {
        return HealthAndEducationClocks.clocks(care, facts, bornOn, CALENDAR, asAt, policy).stream()
                .filter(c -> c.kind().equals(kind)).toList();
    }

    @Test
    @DisplayName("looked after from Wed 1 Apr 2026: the initial health assessment is due by the first review's date, "
            + "20 working days on across Good Friday and Easter Monday: Fri 1 May (2 Apr, 7-10, 13-17, 20-24, 27-30 "
            + "Apr are days 1-19); overdue, and a drift signal, from Sat 2 May")
    void theInitialHealthAssessmentIsDueInTimeForTheFirstReview() {
        List<StatutoryClock> clocks = of("initial-health-assessment", care(WED_1_APRIL),
                HealthAndEducationRecord.EMPTY, BORN_2015, LocalDate.of(2026, 4, 20));

        assertThat(clocks).singleElement().satisfies(c -> {
            assertThat(c.name()).isEqualTo("Initial health assessment");
            assertThat(c.standard()).contains("reg 7(1)", "20 working days");
            assertThat(c.startedOn()).isEqualTo(WED_1_APRIL);
            assertThat(c.due().date()).isEqualTo(LocalDate.of(2026, 5, 1));
            assertThat(c.statusOn(LocalDate.of(2026, 5, 1), CALENDAR))
                    .isEqualTo(StatutoryClock.Status.DUE_WITHIN_5_WORKING_DAYS);
            assertThat(c.statusOn(LocalDate.of(2026, 5, 2), CALENDAR)).isEqualTo(StatutoryClock.Status.OVERDUE);
        });
        List<StatutoryClock> overdue = HealthAndEducationClocks.clocks(care(WED_1_APRIL),
                HealthAndEducationRecord.EMPTY, BORN_2015, CALENDAR, LocalDate.of(2026, 5, 2), DEFAULTS);
        assertThat(HealthAndEducationClocks.signals(overdue, CALENDAR, LocalDate.of(2026, 5, 2)))
                .extracting(DriftSignal::description)
                .contains("Initial health assessment out of timescale: due by " + Dates.spoken(LocalDate.of(2026, 5, 1)));
    }

    @Test
    @DisplayName("a first review held sooner, on Mon 20 Apr, brings the initial assessment forward to that day: "
            + "one on Fri 24 Apr is late; one on Mon 20 Apr is in time")
    void aFirstReviewHeldSoonerBringsTheInitialAssessmentForward() {
        LocalDate asAt = LocalDate.of(2026, 6, 1);
        assertThat(of("initial-health-assessment", care(WED_1_APRIL, LocalDate.of(2026, 4, 20)),
                checks(HealthCheck.INITIAL_HEALTH_ASSESSMENT, LocalDate.of(2026, 4, 24)), BORN_2015, asAt))
                .singleElement().satisfies(c -> {
                    assertThat(c.due().date()).isEqualTo(LocalDate.of(2026, 4, 20));
                    assertThat(c.statusOn(asAt, CALENDAR)).isEqualTo(StatutoryClock.Status.HAPPENED_LATE);
                });
        assertThat(of("initial-health-assessment", care(WED_1_APRIL, LocalDate.of(2026, 4, 20)),
                checks(HealthCheck.INITIAL_HEALTH_ASSESSMENT, LocalDate.of(2026, 4, 20)), BORN_2015, asAt))
                .singleElement().satisfies(c ->
                        assertThat(c.statusOn(asAt, CALENDAR)).isEqualTo(StatutoryClock.Status.HAPPENED_IN_TIME));
    }

    @Test
    @DisplayName("born Thu 10 Jun 2021: an assessment on Tue 9 Jun 2026, the day before the 5th birthday, is "
            + "followed within 6 months (Wed 9 Dec 2026); one on the birthday itself within 12 (Thu 10 Jun 2027)")
    void theFifthBirthdaySwitchesSixMonthlyToYearly() {
        LocalDate born = LocalDate.of(2021, 6, 10);
        LocalDate started = LocalDate.of(2026, 6, 1);
        LocalDate asAt = LocalDate.of(2026, 6, 15);

        assertThat(of("review-health-assessment", care(started),
                checks(HealthCheck.INITIAL_HEALTH_ASSESSMENT, LocalDate.of(2026, 6, 9)), born, asAt))
                .singleElement().satisfies(c -> {
                    assertThat(c.startedOn()).isEqualTo(LocalDate.of(2026, 6, 9));
                    assertThat(c.due().date()).isEqualTo(LocalDate.of(2026, 12, 9));
                    assertThat(c.standard()).contains("6 months", "reg 7(3)(a)");
                });
        assertThat(of("review-health-assessment", care(started),
                checks(HealthCheck.INITIAL_HEALTH_ASSESSMENT, LocalDate.of(2026, 6, 10)), born, asAt))
                .singleElement().satisfies(c -> {
                    assertThat(c.due().date()).isEqualTo(LocalDate.of(2027, 6, 10));
                    assertThat(c.standard()).contains("12 months", "reg 7(3)(b)");
                });
    }

    @Test
    @DisplayName("born 29 Feb 2020, the child turns five on Sat 1 Mar 2025: an assessment on Fri 28 Feb 2025 is "
            + "followed within 6 months (Thu 28 Aug 2025), one on 1 Mar within 12 (Sun 1 Mar 2026)")
    void aChildBornOnTheTwentyNinthOfFebruaryTurnsFiveOnTheFirstOfMarch() {
        LocalDate born = LocalDate.of(2020, 2, 29);
        LocalDate started = LocalDate.of(2025, 1, 6);
        LocalDate asAt = LocalDate.of(2025, 3, 10);

        assertThat(HealthAndEducationClocks.birthday(born, 5)).isEqualTo(LocalDate.of(2025, 3, 1));
        assertThat(HealthAndEducationClocks.birthday(born, 4)).as("2024 has a 29 February")
                .isEqualTo(LocalDate.of(2024, 2, 29));
        assertThat(of("review-health-assessment", care(started),
                checks(HealthCheck.INITIAL_HEALTH_ASSESSMENT, LocalDate.of(2025, 2, 28)), born, asAt))
                .extracting(c -> c.due().date()).containsExactly(LocalDate.of(2025, 8, 28));
        assertThat(of("review-health-assessment", care(started),
                checks(HealthCheck.INITIAL_HEALTH_ASSESSMENT, LocalDate.of(2025, 3, 1)), born, asAt))
                .extracting(c -> c.due().date()).containsExactly(LocalDate.of(2026, 3, 1));
    }

    @Test
    @DisplayName("under five, a review assessment on Mon 31 Aug 2026 is next due on the last day of February, "
            + "Sun 28 Feb 2027; the one held then on 31 Aug 2027 is next due Tue 29 Feb 2028, a leap year")
    void sixMonthsFromTheEndOfAugustIsTheEndOfFebruary() {
        LocalDate born = LocalDate.of(2024, 1, 15);
        LocalDate started = LocalDate.of(2026, 8, 3);
        HealthAndEducationRecord facts = new HealthAndEducationRecord(List.of(
                new Check("p1", HealthCheck.REVIEW_HEALTH_ASSESSMENT, LocalDate.of(2027, 8, 31), "Ben Brown"),
                new Check("p1", HealthCheck.REVIEW_HEALTH_ASSESSMENT, LocalDate.of(2027, 2, 26), "Ben Brown"),
                new Check("p1", HealthCheck.INITIAL_HEALTH_ASSESSMENT, LocalDate.of(2026, 8, 31), "Ben Brown")),
                List.of());

        assertThat(of("review-health-assessment", care(started), facts, born, LocalDate.of(2027, 9, 1)))
                .extracting(c -> c.due().date(), StatutoryClock::metOn)
                .containsExactly(
                        tuple(LocalDate.of(2027, 2, 28), LocalDate.of(2027, 2, 26)),
                        tuple(LocalDate.of(2027, 8, 26), LocalDate.of(2027, 8, 31)),
                        tuple(LocalDate.of(2028, 2, 29), null));
    }

    @Test
    @DisplayName("dental checks: the first within 6 months of becoming looked after on Wed 1 Apr (Thu 1 Oct 2026); "
            + "after one on Sat 31 Oct 2026, the next by Fri 30 Apr 2027; an authority that moves to 3 months on "
            + "1 Nov 2026 has the one after a check on Mon 30 Nov due on the last day of February, Sun 28 Feb 2027")
    void dentalChecksFollowTheAuthoritysInterval() {
        assertThat(of("dental-check", care(WED_1_APRIL), HealthAndEducationRecord.EMPTY, BORN_2015,
                LocalDate.of(2026, 4, 2)))
                .singleElement().satisfies(c -> {
                    assertThat(c.due().date()).isEqualTo(LocalDate.of(2026, 10, 1));
                    assertThat(c.standard()).contains("6 months", "local practice");
                });
        assertThat(of("dental-check", care(WED_1_APRIL), checks(HealthCheck.DENTAL_CHECK, LocalDate.of(2026, 10, 31)),
                BORN_2015, LocalDate.of(2026, 11, 2)))
                .extracting(c -> c.due().date(), StatutoryClock::metOn)
                .containsExactly(
                        tuple(LocalDate.of(2026, 10, 1), LocalDate.of(2026, 10, 31)),
                        tuple(LocalDate.of(2027, 4, 30), null));

        PolicySettings d = PolicySettings.DEFAULTS;
        PolicyHistory quarterly = new PolicyHistory("LA1", List.of(new PolicyHistory.Version(0,
                LocalDate.of(2026, 11, 1), new PolicySettings(d.iroAllocationWorkingDays(),
                d.preBirthConferenceByWeek(), d.decisionsWorkingDays(), d.recordWorkingDays(), d.midwayCheckPercent(),
                d.earlyReviewWorkingDays(), 3, d.pepReviewMonths(), d.escalationResponseWorkingDays()),
                "Dental checks every quarter", "admin.ford", "Fay Ford", null)));
        assertThat(of("dental-check", care(WED_1_APRIL), checks(HealthCheck.DENTAL_CHECK, LocalDate.of(2026, 10, 31),
                LocalDate.of(2026, 11, 30)), BORN_2015, LocalDate.of(2026, 12, 1), quarterly))
                .extracting(c -> c.due().date())
                .as("the interval in force on the day each clock started: 6 months from 31 Oct, 3 from 30 Nov")
                .containsExactlyInAnyOrder(LocalDate.of(2026, 10, 1), LocalDate.of(2027, 4, 30), LocalDate.of(2027, 2, 28));
    }

    @Test
    @DisplayName("the PEP is in place within 20 working days (Fri 1 May for Wed 1 Apr) and reviewed termly: 4 months "
            + "by default, so a PEP meeting on Sat 31 Oct 2026 is next reviewed by Sun 28 Feb 2027")
    void thePepIsInPlaceForTheFirstReviewAndReviewedEveryTerm() {
        List<StatutoryClock> initial = of("initial-education-plan", care(WED_1_APRIL),
                plans(LocalDate.of(2026, 4, 28), LocalDate.of(2026, 10, 31)), BORN_2015, LocalDate.of(2026, 11, 2));
        assertThat(initial).singleElement().satisfies(c -> {
            assertThat(c.due().date()).isEqualTo(LocalDate.of(2026, 5, 1));
            assertThat(c.metOn()).isEqualTo(LocalDate.of(2026, 4, 28));
        });
        assertThat(of("education-plan-review", care(WED_1_APRIL),
                plans(LocalDate.of(2026, 4, 28), LocalDate.of(2026, 10, 31)), BORN_2015, LocalDate.of(2026, 11, 2)))
                .extracting(StatutoryClock::startedOn, c -> c.due().date(), StatutoryClock::metOn)
                .containsExactly(
                        tuple(LocalDate.of(2026, 4, 28), LocalDate.of(2026, 8, 28),
                                LocalDate.of(2026, 10, 31)),
                        tuple(LocalDate.of(2026, 10, 31), LocalDate.of(2027, 2, 28),
                                null));
    }

    @Test
    @DisplayName("a child who turns three on Wed 15 Apr 2026 while looked after has no PEP clock before then, and the "
            + "first PEP due 20 working days after, across the early May bank holiday: Thu 14 May 2026")
    void pepClocksStartAtTheThirdBirthday() {
        LocalDate born = LocalDate.of(2023, 4, 15);
        LookedAfterRecord care = care(LocalDate.of(2026, 3, 2));

        assertThat(of("initial-education-plan", care, HealthAndEducationRecord.EMPTY, born, LocalDate.of(2026, 4, 14)))
                .isEmpty();
        assertThat(of("initial-education-plan", care, HealthAndEducationRecord.EMPTY, born, LocalDate.of(2026, 4, 15)))
                .singleElement().satisfies(c -> {
                    assertThat(c.startedOn()).isEqualTo(LocalDate.of(2026, 4, 15));
                    assertThat(c.due().date()).isEqualTo(LocalDate.of(2026, 5, 14));
                });
    }

    @Test
    @DisplayName("short breaks from Mon 2 Mar 2026 (reg 48(3)(a),(b): no health assessment or PEP under regs 5 and 7); "
            + "a care order on Wed 1 Apr starts them: the initial assessment due Fri 1 May, the dental check Thu 1 Oct")
    void shortBreaksHaveNoHealthOrEducationClocksUntilTheChildIsLookedAfterOtherwise() {
        LookedAfterRecord shortBreaks = care(LocalDate.of(2026, 3, 2), LegalStatus.V3, null, List.of());
        LookedAfterRecord thenCare = care(LocalDate.of(2026, 3, 2), LegalStatus.V3, null,
                List.of(new Change("LEGAL_STATUS", WED_1_APRIL, "V3", "C2")));

        assertThat(HealthAndEducationClocks.clocks(shortBreaks, HealthAndEducationRecord.EMPTY, BORN_2015, CALENDAR,
                LocalDate.of(2026, 6, 1), DEFAULTS)).isEmpty();
        assertThat(HealthAndEducationClocks.clocks(thenCare, HealthAndEducationRecord.EMPTY, BORN_2015, CALENDAR,
                LocalDate.of(2026, 3, 31), DEFAULTS)).as("before the change").isEmpty();
        assertThat(HealthAndEducationClocks.clocks(thenCare, HealthAndEducationRecord.EMPTY, BORN_2015, CALENDAR,
                LocalDate.of(2026, 4, 2), DEFAULTS))
                .extracting(StatutoryClock::kind, c -> c.due().date())
                .contains(tuple("initial-health-assessment", LocalDate.of(2026, 5, 1)),
                        tuple("dental-check", LocalDate.of(2026, 10, 1)),
                        tuple("initial-education-plan", LocalDate.of(2026, 5, 1)));
    }

    @Test
    @DisplayName("once the period ends on Fri 31 Jul 2026, what was never done is no longer an open item; an "
            + "assessment that was made stays, as history")
    void anEndedPeriodLeavesOnlyWhatWasDone() {
        LookedAfterRecord ended = care(WED_1_APRIL, LegalStatus.C2, LocalDate.of(2026, 7, 31), List.of());

        assertThat(HealthAndEducationClocks.clocks(ended, HealthAndEducationRecord.EMPTY, BORN_2015, CALENDAR,
                LocalDate.of(2026, 7, 31), DEFAULTS)).isEmpty();
        assertThat(HealthAndEducationClocks.clocks(ended,
                checks(HealthCheck.INITIAL_HEALTH_ASSESSMENT, LocalDate.of(2026, 4, 20)), BORN_2015, CALENDAR,
                LocalDate.of(2026, 8, 3), DEFAULTS))
                .extracting(StatutoryClock::kind, StatutoryClock::metOn)
                .containsExactly(tuple("initial-health-assessment",
                        LocalDate.of(2026, 4, 20)));
    }

    @Test
    @DisplayName("as at a day, a check made later is not there yet")
    void checksAfterTheDayAreIgnored() {
        assertThat(of("initial-health-assessment", care(WED_1_APRIL),
                checks(HealthCheck.INITIAL_HEALTH_ASSESSMENT, LocalDate.of(2026, 4, 20)), BORN_2015,
                LocalDate.of(2026, 4, 19)))
                .singleElement().satisfies(c -> assertThat(c.metOn()).isNull());
    }
}
