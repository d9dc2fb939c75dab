package org.oversight.query.clocks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.oversight.query.clocks.StatutoryClock.Status.HAPPENED_IN_TIME;
import static org.oversight.query.clocks.StatutoryClock.Status.HAPPENED_LATE;
import static org.oversight.query.clocks.StatutoryClock.Status.OVERDUE;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.oversight.events.protection.CategoryOfAbuse;
import org.oversight.events.protection.ConferencePaper;
import org.oversight.query.calendar.BankHolidays;
import org.oversight.query.calendar.WorkingDayCalendar;
import org.oversight.query.conferencepapers.ConferencePapers;
import org.oversight.query.conferencepapers.PaperworkTimescales;
import org.oversight.query.protection.ProtectionRecord;

/**
 * The clocks of a conference's papers, worked by hand against the shipped bank holidays of England: working days
 * after the conference, the conference day itself not counted, weekends and bank holidays skipped.
 */
class ConferencePaperClocksTest {

    private static final WorkingDayCalendar CALENDAR = BankHolidays.shipped().toCalendar();

    private static ProtectionRecord conferences(ProtectionRecord.Conference... held) {
        return new ProtectionRecord(List.of(), List.of(held), List.of(), List.of());
    }

    private static ProtectionRecord.Conference conference(String id, LocalDate heldOn) {
        return new ProtectionRecord.Conference(id, "INITIAL", heldOn, "plan-1", true, "PLAN", CategoryOfAbuse.NEG,
                List.of("Children's social care", "Police", "Health"), false, "TOO_YOUNG_OR_UNBORN", "Ben Brown",
                List.of());
    }

    private static StatutoryClock clock(List<StatutoryClock> clocks, String kind) {
        return clocks.stream().filter(c -> c.kind().equals(kind)).findFirst().orElseThrow();
    }

    @Test
    void theOutcomeLetterOfAFridayConferenceBeforeTheAugustBankHolidayIsDueOnTuesday() {
        // Friday 28 August 2026; Monday 31 August is the summer bank holiday: 1 working day is Tuesday 1 September
        LocalDate friday = LocalDate.of(2026, 8, 28);
        List<StatutoryClock> clocks = ConferencePaperClocks.clocks(conferences(conference("c-1", friday)),
                ConferencePapers.none(), PaperworkTimescales.defaults(), CALENDAR, LocalDate.of(2026, 9, 1));

        StatutoryClock letter = clock(clocks, "cp-outcome-letter");
        assertThat(letter.due().date()).isEqualTo(LocalDate.of(2026, 9, 1));
        assertThat(letter.startedOn()).isEqualTo(friday);
        assertThat(clock(clocks, "cp-agency-decisions").due().date()).isEqualTo(LocalDate.of(2026, 9, 1));
        assertThat(letter.statusOn(LocalDate.of(2026, 9, 1), CALENDAR)).isNotEqualTo(OVERDUE);
        assertThat(letter.statusOn(LocalDate.of(2026, 9, 2), CALENDAR)).isEqualTo(OVERDUE);
    }

    @Test
    void fifteenWorkingDaysForTheMinutesRunAcrossChristmasAndNewYear() {
        // Monday 14 December 2026: 15-18 Dec (4), 21-24 Dec (8), Christmas Day Friday 25 and Boxing Day's
        // substitute Monday 28 skipped, 29-31 Dec (11), New Year's Day Friday 1 January skipped, 4-7 Jan (15)
        LocalDate monday = LocalDate.of(2026, 12, 14);
        List<StatutoryClock> clocks = ConferencePaperClocks.clocks(conferences(conference("c-1", monday)),
                ConferencePapers.none(), PaperworkTimescales.defaults(), CALENDAR, monday);

        assertThat(clock(clocks, "cp-minutes").due().date()).isEqualTo(LocalDate.of(2027, 1, 7));
        assertThat(clock(clocks, "cp-minutes").standard()).contains("Within 15 working days");
    }

    @Test
    void theAuthoritysTimescaleInForceOnTheConferenceDaySetsTheClock() {
        LocalDate monday = LocalDate.of(2026, 12, 14);
        PaperworkTimescales twenty = new PaperworkTimescales(List.of(
                new PaperworkTimescales.Version(LocalDate.of(2026, 12, 14), 2, 20),
                new PaperworkTimescales.Version(LocalDate.of(2026, 12, 15), 1, 10)));
        List<StatutoryClock> clocks = ConferencePaperClocks.clocks(conferences(conference("c-1", monday)),
                ConferencePapers.none(), twenty, CALENDAR, monday);

        // 20 working days: the 15 above reach 7 January, then 8, 11, 12, 13 and 14 January
        assertThat(clock(clocks, "cp-minutes").due().date()).isEqualTo(LocalDate.of(2027, 1, 14));
        // 2 working days: Tuesday 15 and Wednesday 16 December
        assertThat(clock(clocks, "cp-outcome-letter").due().date()).isEqualTo(LocalDate.of(2026, 12, 16));
    }

    @Test
    void aPaperSentMeetsItsClockInTimeOrLate() {
        LocalDate friday = LocalDate.of(2026, 8, 28);
        ConferencePapers papers = new ConferencePapers(List.of(
                new ConferencePapers.Sent("c-1", ConferencePaper.OUTCOME_LETTER, LocalDate.of(2026, 9, 1)),
                new ConferencePapers.Sent("c-1", ConferencePaper.AGENCY_DECISIONS, LocalDate.of(2026, 9, 2))),
                List.of());
        List<StatutoryClock> clocks = ConferencePaperClocks.clocks(conferences(conference("c-1", friday)), papers,
                PaperworkTimescales.defaults(), CALENDAR, LocalDate.of(2026, 9, 10));

        assertThat(clock(clocks, "cp-outcome-letter").statusOn(LocalDate.of(2026, 9, 10), CALENDAR))
                .isEqualTo(HAPPENED_IN_TIME);
        assertThat(clock(clocks, "cp-agency-decisions").statusOn(LocalDate.of(2026, 9, 10), CALENDAR))
                .isEqualTo(HAPPENED_LATE);
    }

    @Test
    void anEarlierConferencesUnsentPaperIsNoLongerAnOpenItemButOneSentStillShows() {
        ConferencePapers papers = new ConferencePapers(List.of(
                new ConferencePapers.Sent("c-1", ConferencePaper.OUTCOME_LETTER, LocalDate.of(2026, 3, 4))),
                List.of());
        List<StatutoryClock> clocks = ConferencePaperClocks.clocks(conferences(
                        conference("c-1", LocalDate.of(2026, 3, 3)), conference("c-2", LocalDate.of(2026, 6, 2))),
                papers, PaperworkTimescales.defaults(), CALENDAR, LocalDate.of(2026, 6, 3));

        assertThat(clocks).filteredOn(c -> c.startedOn().equals(LocalDate.of(2026, 3, 3)))
                .extracting(StatutoryClock::kind).containsExactly("cp-outcome-letter");
        assertThat(clocks).filteredOn(c -> c.startedOn().equals(LocalDate.of(2026, 6, 2)))
                .extracting(StatutoryClock::kind)
                .containsExactly("cp-outcome-letter", "cp-agency-decisions", "cp-minutes");
    }

    @Test
    void nothingIsDueOfAConferenceAfterTheDayAsked() {
        assertThat(ConferencePaperClocks.clocks(conferences(conference("c-1", LocalDate.of(2026, 6, 2))),
                ConferencePapers.none(), PaperworkTimescales.defaults(), CALENDAR, LocalDate.of(2026, 6, 1)))
                .isEmpty();
    }

    @Test
    void aConferenceKnownOnlyFromAReturnOwesNoPapersAndLeavesTheClocksToTheLastOneRecordedHere() {
        LocalDate monday = LocalDate.of(2026, 12, 14);
        ProtectionRecord.Conference reported = new ProtectionRecord.Conference("c-2", "REVIEW", monday.plusDays(7),
                "plan-1", false, "CONTINUE", CategoryOfAbuse.NEG, List.of(), false, "NOT_RECORDED",
                "Not recorded in the return", List.of(), "the 2027 CIN census");
        List<StatutoryClock> clocks = ConferencePaperClocks.clocks(conferences(conference("c-1", monday), reported),
                ConferencePapers.none(), PaperworkTimescales.defaults(), CALENDAR, monday.plusDays(60));

        assertThat(clocks).isNotEmpty().allSatisfy(c -> assertThat(c.startedOn()).isEqualTo(monday));
        assertThat(ConferencePaperClocks.clocks(conferences(reported), ConferencePapers.none(),
                PaperworkTimescales.defaults(), CALENDAR, monday.plusDays(60))).isEmpty();
    }
}
