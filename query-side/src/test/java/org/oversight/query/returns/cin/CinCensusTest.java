package org.oversight.query.returns.cin;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.oversight.query.calendar.BankHolidays;
import org.oversight.query.calendar.WorkingDayCalendar;
import org.oversight.query.returns.Characteristics;
import org.oversight.query.returns.ChildFacts;
import org.oversight.query.returns.CollectionYear;

class CinCensusTest {

    private static final WorkingDayCalendar CALENDAR = BankHolidays.shipped().toCalendar();
    private static final CollectionYear YEAR_2026 = new CollectionYear(2026);

    @Test
    void theInitialConferenceTargetIsTheFifteenthWorkingDayAfterTheStrategyDiscussionSkippingBankHolidays() {
        // Thursday 10 April 2025: Good Friday (18th), Easter Monday (21st) and the early May bank holiday (5 May)
        // fall in the fifteen working days, which would otherwise end on Thursday 1 May
        assertThat(CinCensus.icpcTarget(LocalDate.of(2025, 4, 10), CALENDAR)).isEqualTo(LocalDate.of(2025, 5, 6));
        // a fortnight with no bank holiday in it: Monday 2 June 2025 + 15 working days = Monday 23 June
        assertThat(CinCensus.icpcTarget(LocalDate.of(2025, 6, 2), CALENDAR)).isEqualTo(LocalDate.of(2025, 6, 23));
    }

    @Test
    void theLatestCategoryIsTheOneTheLastReviewByTheReferenceDateLeftThePlanUnder() {
        ChildFacts.Plan plan = new ChildFacts.Plan("plan-1", LocalDate.of(2025, 5, 1), null, "NEG", 0, List.of(
                new ChildFacts.Review("rc-1", LocalDate.of(2025, 8, 1), "NEG"),
                new ChildFacts.Review("rc-2", LocalDate.of(2026, 1, 15), "EMO"),
                new ChildFacts.Review("rc-3", LocalDate.of(2026, 4, 20), "PHY")));

        assertThat(CinCensus.latestCategory(plan, YEAR_2026.referenceDate())).isEqualTo("EMO");
        assertThat(CinCensus.latestCategory(plan, LocalDate.of(2025, 12, 31))).isEqualTo("NEG");
        assertThat(CinCensus.latestCategory(plan, LocalDate.of(2026, 5, 1))).isEqualTo("PHY");
    }

    @Test
    void withoutAReviewTheLatestCategoryIsTheInitialOne() {
        ChildFacts.Plan plan = new ChildFacts.Plan("plan-1", LocalDate.of(2025, 5, 1), null, "SAB", 0, List.of());
        assertThat(CinCensus.latestCategory(plan, YEAR_2026.referenceDate())).isEqualTo("SAB");
    }

    @Test
    void previousPlansAreAsRecordedButNeverFewerThanThePlansRecordedHereBefore() {
        ChildFacts.Plan first = plan("plan-1", LocalDate.of(2024, 1, 10), LocalDate.of(2024, 9, 1), 2);
        ChildFacts.Plan second = plan("plan-2", LocalDate.of(2025, 6, 3), null, 0);
        ChildFacts child = child(List.of(), List.of(first, second));

        assertThat(CinCensus.previousPlans(child, first)).isEqualTo(2);
        assertThat(CinCensus.previousPlans(child, second)).isEqualTo(1);
    }

    @Test
    void aPlanThatStartsAndEndsOnTheSameDayIsReturnedWithBothDatesAndQueriedUnderRule8840() {
        LocalDate day = LocalDate.of(2025, 7, 7);
        ChildFacts child = child(List.of(new ChildFacts.Enquiry("e-1", LocalDate.of(2025, 6, 20), day, null)),
                List.of(plan("plan-1", day, day, 0)));

        CinChild module = CinCensus.of(child, YEAR_2026, CALENDAR).orElseThrow();

        assertThat(module.plans()).singleElement().satisfies(p -> {
            assertThat(p.startDate()).isEqualTo(day);
            assertThat(p.endDate()).isEqualTo(day);
        });
        assertThat(CinRule.check(module, YEAR_2026, CALENDAR)).extracting(f -> f.rule()).containsExactly("8840");
    }

    @Test
    void aChildKnownToHaveNoDisabilityIsReturnedWithTheCensusCodeNone() {
        assertThat(new Characteristics(null, null, null, false, List.of()).censusDisabilities()).containsExactly("NONE");
        assertThat(new Characteristics(null, null, null, true, List.of()).censusDisabilities()).isEmpty();
        assertThat(Characteristics.UNKNOWN.censusDisabilities()).isEmpty();
    }

    @Test
    void aYearHoldsWhatWasOpenInItAndNothingDatedAfterItsReferenceDate() {
        ChildFacts child = child(List.of(
                        // closed by a conference before the year: not in it
                        new ChildFacts.Enquiry("e-old", LocalDate.of(2025, 2, 3), LocalDate.of(2025, 2, 20), null),
                        // its conference is after the reference date: open in this year's return
                        new ChildFacts.Enquiry("e-late", LocalDate.of(2026, 3, 20), LocalDate.of(2026, 4, 2), null),
                        // started after the year
                        new ChildFacts.Enquiry("e-next", LocalDate.of(2026, 4, 8), null, null)),
                List.of(plan("plan-old", LocalDate.of(2024, 5, 1), LocalDate.of(2025, 3, 30), 0),
                        plan("plan-open", LocalDate.of(2025, 2, 20), LocalDate.of(2026, 5, 1), 0)));

        CinChild module = CinCensus.of(child, YEAR_2026, CALENDAR).orElseThrow();

        assertThat(module.section47s()).singleElement().satisfies(s -> {
            assertThat(s.actualStartDate()).isEqualTo(LocalDate.of(2026, 3, 20));
            assertThat(s.dateOfInitialCpc()).isNull();
            assertThat(s.icpcNotRequired()).isFalse();
        });
        assertThat(module.plans()).singleElement().satisfies(p -> {
            assertThat(p.startDate()).isEqualTo(LocalDate.of(2025, 2, 20));
            assertThat(p.endDate()).isNull();
        });
        assertThat(CinCensus.of(child(List.of(), List.of(plan("p", LocalDate.of(2020, 1, 6),
                LocalDate.of(2021, 1, 6), 0))), YEAR_2026, CALENDAR)).isEmpty();
    }

    /** Two children worked by hand into the expected file: an enquiry needing no conference, and a plan with reviews. */
    @Test
    void theFileForASmallHistoryIsExactlyTheOneWorkedByHand() throws IOException {
        ChildFacts first = new ChildFacts("c-1", "DEMO-N", "NM-0001", LocalDate.of(2015, 9, 14), null,
                new Characteristics("F", "WBRI", "A123456789012", true, List.of("HAND")),
                List.of(new ChildFacts.Enquiry("e-1", LocalDate.of(2025, 4, 10), LocalDate.of(2025, 5, 2), null)),
                List.of(new ChildFacts.Plan("p-1", LocalDate.of(2025, 5, 2), LocalDate.of(2026, 2, 10), "NEG", 1,
                        List.of(new ChildFacts.Review("r-1", LocalDate.of(2025, 8, 1), "NEG"),
                                new ChildFacts.Review("r-2", LocalDate.of(2026, 2, 10), "EMO")))),
                List.of());
        ChildFacts second = new ChildFacts("c-2", "DEMO-N", "NM-0002", null, LocalDate.of(2026, 5, 1),
                Characteristics.UNKNOWN,
                List.of(new ChildFacts.Enquiry("e-2", LocalDate.of(2026, 1, 5), null, LocalDate.of(2026, 1, 20))),
                List.of(), List.of());

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        CinXml xml = new CinXml(out, YEAR_2026, "DEMO-N", LocalDateTime.of(2026, 5, 12, 9, 30, 0));
        xml.child(CinCensus.of(first, YEAR_2026, CALENDAR).orElseThrow());
        xml.child(CinCensus.of(second, YEAR_2026, CALENDAR).orElseThrow());
        xml.finish();

        try (InputStream expected = getClass().getResourceAsStream("/returns/cin-2026-small.xml")) {
            assertThat(out.toByteArray()).isEqualTo(expected.readAllBytes());
        }
    }

    private static ChildFacts.Plan plan(String id, LocalDate start, LocalDate end, int previous) {
        return new ChildFacts.Plan(id, start, end, "NEG", previous, List.of());
    }

    private static ChildFacts child(List<ChildFacts.Enquiry> enquiries, List<ChildFacts.Plan> plans) {
        return new ChildFacts("c-1", "DEMO-N", "NM-0001", LocalDate.of(2015, 9, 14), null, Characteristics.UNKNOWN,
                enquiries, plans, List.of());
    }
}
