package org.oversight.query.clocks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.oversight.query.clocks.StatutoryClock.Status.HAPPENED_IN_TIME;
import static org.oversight.query.clocks.StatutoryClock.Status.HAPPENED_LATE;
import static org.oversight.query.clocks.StatutoryClock.Status.OVERDUE;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.oversight.events.policy.PolicySettings;
import org.oversight.events.protection.CategoryOfAbuse;
import org.oversight.query.calendar.BankHolidays;
import org.oversight.query.calendar.WorkingDayCalendar;
import org.oversight.query.clocks.ConferenceClocks.TransferInNotice;
import org.oversight.query.policy.PolicyHistory;
import org.oversight.query.protection.ProtectionRecord;
import org.oversight.query.protection.ProtectionRecord.Conference;
import org.oversight.query.protection.ProtectionRecord.Plan;

/**
 * The local conference clocks, each worked by hand against the England and Wales bank holidays of 2026: Good
 * Friday 3 April, Easter Monday 6 April, the early May bank holiday on Monday 4 May and the spring bank holiday on
 * Monday 25 May.
 */
class ConferenceClocksTest {

    private static final WorkingDayCalendar CALENDAR = BankHolidays.shipped().toCalendar();
    private static final PolicyHistory DEFAULTS = PolicyHistory.defaults(null);
    /** Tuesday 3 March 2026: the pre-birth conference that made the plan. */
    private static final LocalDate PRE_BIRTH = LocalDate.of(2026, 3, 3);

    private static Conference conference(String id, String type, LocalDate on, String planId) {
        return new Conference(id, type, on, planId, true, "PLAN", CategoryOfAbuse.NEG, List.of(), false,
                "TOO_YOUNG_OR_UNBORN", "Chair", List.of());
    }

    private static ProtectionRecord planFrom(String type, LocalDate start, LocalDate... reviews) {
        List<Conference> conferences = new ArrayList<>();
        conferences.add(conference("c0", type, start, "p1"));
        for (int i = 0; i < reviews.length; i++) {
            conferences.add(conference("r" + i, "REVIEW", reviews[i], "p1"));
        }
        return new ProtectionRecord(List.of(), conferences, List.of(new Plan("p1", start, CategoryOfAbuse.NEG,
                CategoryOfAbuse.NEG, 0, null, reviews.length, null, null)), List.of());
    }

    private static StatutoryClock preBirthReview(ProtectionRecord record, LocalDate asAt, LocalDate bornOn) {
        List<StatutoryClock> clocks = ConferenceClocks.clocks(record, List.of(), CALENDAR, asAt, DEFAULTS, bornOn);
        assertThat(clocks).hasSize(1);
        return clocks.get(0);
    }

    @Test
    void aBirthBeforeTheThreeMonthDateBringsTheFirstReviewToTenWorkingDaysAfterIt() {
        // Born Monday 20 April. Ten working days: 21, 22, 23, 24, 27, 28, 29, 30 April, 1 May, then Monday 4 May is
        // the early May bank holiday, so the tenth is Tuesday 5 May, well before 3 June (3 months of the conference).
        LocalDate born = LocalDate.of(2026, 4, 20);
        StatutoryClock clock = preBirthReview(planFrom("PRE_BIRTH", PRE_BIRTH), LocalDate.of(2026, 4, 21), born);
        assertThat(clock.kind()).isEqualTo("pre-birth-first-review");
        assertThat(clock.due().date()).isEqualTo(LocalDate.of(2026, 5, 5));

        LocalDate later = LocalDate.of(2026, 6, 1);
        assertThat(preBirthReview(planFrom("PRE_BIRTH", PRE_BIRTH, LocalDate.of(2026, 5, 5)), later, born)
                .statusOn(later, CALENDAR)).isEqualTo(HAPPENED_IN_TIME);
        assertThat(preBirthReview(planFrom("PRE_BIRTH", PRE_BIRTH, LocalDate.of(2026, 5, 6)), later, born)
                .statusOn(later, CALENDAR)).isEqualTo(HAPPENED_LATE);
    }

    @Test
    void aBirthAfterTheThreeMonthDateLeavesTheFirstReviewDueThreeMonthsAfterTheConference() {
        // Born Wednesday 10 June: ten working days would run to 24 June, but 3 June came first, so the review was
        // already overdue when the child was born.
        LocalDate born = LocalDate.of(2026, 6, 10);
        StatutoryClock clock = preBirthReview(planFrom("PRE_BIRTH", PRE_BIRTH), born, born);
        assertThat(clock.due().date()).isEqualTo(LocalDate.of(2026, 6, 3));
        assertThat(clock.statusOn(born, CALENDAR)).isEqualTo(OVERDUE);
    }

    @Test
    void aBirthCloseToTheThreeMonthDateStillHasTheSoonerOfTheTwo() {
        // Born Friday 29 May: ten working days run 1 to 5 June and 8 to 12 June, so 12 June; 3 June is sooner.
        StatutoryClock clock = preBirthReview(planFrom("PRE_BIRTH", PRE_BIRTH), LocalDate.of(2026, 5, 29),
                LocalDate.of(2026, 5, 29));
        assertThat(clock.due().date()).isEqualTo(LocalDate.of(2026, 6, 3));
    }

    @Test
    void beforeTheBirthOnlyTheMonthsFromTheConferenceCount() {
        StatutoryClock clock = preBirthReview(planFrom("PRE_BIRTH", PRE_BIRTH), LocalDate.of(2026, 4, 1),
                LocalDate.of(2026, 4, 20));
        assertThat(clock.due().date()).isEqualTo(LocalDate.of(2026, 6, 3));
    }

    @Test
    void theAuthoritysOwnTimescaleIsUsed() {
        // five working days from Monday 20 April: 21 to 24 April and Monday 27 April
        PolicySettings settings = new PolicySettings(5, 34, 1, 20, 50, 20, 6, 4, 5, 2, 15, Map.of());
        StatutoryClock clock = ConferenceClocks.preBirthFirstReview(PRE_BIRTH, LocalDate.of(2026, 4, 20), null,
                settings, CALENDAR);
        assertThat(clock.due().date()).isEqualTo(LocalDate.of(2026, 4, 27));
        assertThat(ConferenceClocks.preBirthFirstReview(PRE_BIRTH, LocalDate.of(2026, 4, 30), null, settings,
                CALENDAR).due().date()).as("two months of 3 March").isEqualTo(LocalDate.of(2026, 5, 3));
    }

    @Test
    void aPlanMadeAtAnInitialConferenceHasNoPreBirthClock() {
        assertThat(ConferenceClocks.clocks(planFrom("INITIAL", PRE_BIRTH), List.of(), CALENDAR,
                LocalDate.of(2026, 4, 21), DEFAULTS, LocalDate.of(2020, 1, 1))).isEmpty();
    }

    @Test
    void aTransferInConferenceIsDueFifteenWorkingDaysAfterTheNotificationAcrossEaster() {
        // Received Wednesday 1 April. Thursday 2 April is day 1; Good Friday and Easter Monday do not count; then
        // 7, 8, 9, 10, 13 to 17, 20 to 24 April are days 2 to 15: due Friday 24 April (22 April without Easter).
        TransferInNotice notice = new TransferInNotice(LocalDate.of(2026, 4, 1), "Northshire",
                LocalDate.of(2025, 10, 6));
        ProtectionRecord none = new ProtectionRecord(List.of(), List.of(), List.of(), List.of());
        List<StatutoryClock> clocks = ConferenceClocks.clocks(none, List.of(notice), CALENDAR,
                LocalDate.of(2026, 4, 2), DEFAULTS, null);
        assertThat(clocks).singleElement().satisfies(clock -> {
            assertThat(clock.kind()).isEqualTo("transfer-in-conference");
            assertThat(clock.due().date()).isEqualTo(LocalDate.of(2026, 4, 24));
        });

        LocalDate asAt = LocalDate.of(2026, 5, 1);
        assertThat(ConferenceClocks.clocks(planFrom("TRANSFER_IN", LocalDate.of(2026, 4, 24)), List.of(notice),
                CALENDAR, asAt, DEFAULTS, null).get(0).statusOn(asAt, CALENDAR)).isEqualTo(HAPPENED_IN_TIME);
        assertThat(ConferenceClocks.clocks(planFrom("TRANSFER_IN", LocalDate.of(2026, 4, 27)), List.of(notice),
                CALENDAR, asAt, DEFAULTS, null).get(0).statusOn(asAt, CALENDAR)).isEqualTo(HAPPENED_LATE);
    }

    @Test
    void theOtherAuthoritysPlanCountsTowardsThePlansLength() {
        TransferInNotice notice = new TransferInNotice(LocalDate.of(2026, 2, 16), "Northshire",
                LocalDate.of(2024, 8, 1));
        ProtectionRecord record = planFrom("TRANSFER_IN", PRE_BIRTH);
        // 1 August 2024 to 10 March 2026 is 19 whole months, though the plan here is a week old
        assertThat(ConferenceClocks.signals(record, List.of(notice), LocalDate.of(2026, 3, 10)))
                .singleElement().satisfies(s -> assertThat(s.code()).isEqualTo("plan-open-18-months"));
        // on 31 July 2026 it is 23 months; on 1 August 2026, 2 years
        assertThat(ConferenceClocks.signals(record, List.of(notice), LocalDate.of(2026, 7, 31)))
                .singleElement().satisfies(s -> assertThat(s.code()).isEqualTo("plan-open-18-months"));
        assertThat(ConferenceClocks.signals(record, List.of(notice), LocalDate.of(2026, 8, 1)))
                .singleElement().satisfies(s -> assertThat(s.code()).isEqualTo("plan-open-2-years"));
        assertThat(ConferenceClocks.signals(planFrom("INITIAL", PRE_BIRTH), List.of(notice),
                LocalDate.of(2026, 8, 1))).isEmpty();
    }
}
