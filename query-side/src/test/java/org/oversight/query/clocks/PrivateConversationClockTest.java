package org.oversight.query.clocks;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.oversight.events.lookedafter.ConsultationMethod;
import org.oversight.events.lookedafter.LegalStatus;
import org.oversight.events.lookedafter.ParticipationCode;
import org.oversight.events.lookedafter.PrivateConversation;
import org.oversight.query.calendar.BankHolidays;
import org.oversight.query.calendar.WorkingDayCalendar;
import org.oversight.query.lookedafter.LookedAfterRecord;
import org.oversight.query.lookedafter.LookedAfterRecord.Consultation;
import org.oversight.query.lookedafter.LookedAfterRecord.Period;
import org.oversight.query.lookedafter.LookedAfterRecord.Review;
import org.oversight.query.policy.PolicyHistory;

/**
 * The consultation clock under reg 36 of SI 2010/959: before each review the IRO speaks to the child in private,
 * unless the child refuses or it is inappropriate given their age and understanding. Dates worked by hand against
 * the 2026 calendar: looked after Mon 2 Mar, so the first review (and the consultation before it) is due within 20
 * working days, by Mon 30 Mar (Good Friday 3 Apr and Easter Monday 6 Apr fall after it); the second is due by
 * Sat 27 Jun, 3 months after a first review on Fri 27 Mar.
 */
class PrivateConversationClockTest {

    private static final WorkingDayCalendar CALENDAR = BankHolidays.shipped().toCalendar();
    private static final LocalDate MON_2_MARCH = LocalDate.of(2026, 3, 2);
    private static final LocalDate TUE_10_MARCH = LocalDate.of(2026, 3, 10);
    private static final LocalDate FRI_27_MARCH = LocalDate.of(2026, 3, 27);
    private static final PolicyHistory DEFAULTS = PolicyHistory.defaults("LA1");

    private static LookedAfterRecord record(List<Review> reviews, List<Consultation> consultations) {
        return new LookedAfterRecord(LocalDate.of(2026, 11, 23),
                List.of(new Period("p1", MON_2_MARCH, LegalStatus.C2, LegalStatus.C2, null, null, null, List.of())),
                reviews, List.of(), consultations, List.of(), List.of(), List.of(), List.of(), List.of(), 0);
    }

    private static Consultation consulted(LocalDate on, ConsultationMethod method, PrivateConversation answer) {
        return new Consultation(on, method, answer == PrivateConversation.SPOKE_IN_PRIVATE, "Ben Brown", answer);
    }

    private static StatutoryClock firstConsultation(List<Consultation> consultations, LocalDate asAt) {
        return LookedAfterClocks.clocks(record(List.of(), consultations), CALENDAR, asAt, DEFAULTS, null).stream()
                .filter(c -> c.kind().equals("consultation")).findFirst().orElseThrow();
    }

    @ParameterizedTest(name = "{0} meets the consultation before the first review")
    @EnumSource(value = PrivateConversation.class,
            names = {"SPOKE_IN_PRIVATE", "CHILD_REFUSED", "INAPPROPRIATE_FOR_AGE_AND_UNDERSTANDING"})
    void whatRegulation36AcceptsMeetsTheClock(PrivateConversation answer) {
        StatutoryClock clock = firstConsultation(List.of(consulted(TUE_10_MARCH, ConsultationMethod.IN_PERSON,
                answer)), LocalDate.of(2026, 3, 20));

        assertThat(clock.due().date()).isEqualTo(LocalDate.of(2026, 3, 30));
        assertThat(clock.metOn()).isEqualTo(TUE_10_MARCH);
    }

    @Test
    @DisplayName("a written or advocate contact is kept but leaves the consultation due by Mon 30 Mar open")
    void aContactThatWasNotAPrivateConversationDoesNotMeetTheClock() {
        StatutoryClock clock = firstConsultation(List.of(
                consulted(TUE_10_MARCH, ConsultationMethod.WRITTEN, PrivateConversation.NOT_IN_PRIVATE),
                consulted(TUE_10_MARCH.plusDays(1), ConsultationMethod.THROUGH_ADVOCATE,
                        PrivateConversation.NOT_IN_PRIVATE)), LocalDate.of(2026, 3, 20));

        assertThat(clock.due().date()).isEqualTo(LocalDate.of(2026, 3, 30));
        assertThat(clock.metOn()).isNull();
        assertThat(clock.statusOn(LocalDate.of(2026, 3, 31), CALENDAR)).isEqualTo(StatutoryClock.Status.OVERDUE);
    }

    @Test
    @DisplayName("a written contact recorded before the question was asked still meets the clock, as it did")
    void aConsultationRecordedBeforeTheRuleKeepsMeetingTheClock() {
        StatutoryClock clock = firstConsultation(List.of(consulted(TUE_10_MARCH, ConsultationMethod.WRITTEN,
                PrivateConversation.NOT_ASKED_WHEN_RECORDED)), LocalDate.of(2026, 3, 20));

        assertThat(clock.metOn()).isEqualTo(TUE_10_MARCH);
    }

    @Test
    @DisplayName("a private conversation after the written contact meets it on the later day")
    void theClockIsMetOnTheDayOfThePrivateConversation() {
        StatutoryClock clock = firstConsultation(List.of(
                consulted(LocalDate.of(2026, 3, 24), ConsultationMethod.IN_PERSON,
                        PrivateConversation.SPOKE_IN_PRIVATE),
                consulted(TUE_10_MARCH, ConsultationMethod.WRITTEN, PrivateConversation.NOT_IN_PRIVATE)),
                LocalDate.of(2026, 3, 25));

        assertThat(clock.metOn()).isEqualTo(LocalDate.of(2026, 3, 24));
    }

    @Test
    @DisplayName("before the second review (due Sat 27 Jun): a written contact in April leaves it open")
    void theNextReviewsConsultationIsOpenUntilAPrivateConversation() {
        Review first = new Review("r1", "p1", FRI_27_MARCH, ParticipationCode.PN1, true, true, List.of(), List.of(),
                "Ben Brown", null, null, null);
        List<StatutoryClock> clocks = LookedAfterClocks.clocks(record(List.of(first), List.of(
                consulted(LocalDate.of(2026, 4, 14), ConsultationMethod.WRITTEN,
                        PrivateConversation.NOT_IN_PRIVATE))), CALENDAR, LocalDate.of(2026, 5, 1), DEFAULTS, null)
                .stream().filter(c -> c.kind().equals("consultation")).toList();

        StatutoryClock next = clocks.get(clocks.size() - 1);
        assertThat(next.due().date()).isEqualTo(LocalDate.of(2026, 6, 27));
        assertThat(next.metOn()).isNull();
    }
}
