package org.oversight.query.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.oversight.events.lookedafter.ParticipationCode;
import org.oversight.events.lookedafter.PrivateConversation;
import org.oversight.events.protection.CategoryOfAbuse;
import org.oversight.events.protection.ConferenceOutcome;
import org.oversight.events.protection.ConferenceType;
import org.oversight.query.access.Scope;
import org.oversight.query.testing.ProjectionDatabase;

/**
 * Every figure of the IRO report on a small history whose answers are worked out by hand below, against a real
 * PostgreSQL: the number, the facts its drill-down lists, and its line of the CSV. Financial year 2025–26 runs
 * from 1 April 2025 to 31 March 2026.
 */
class ReportFiguresTest {

    private static final Scope NORTH = new Scope("qa.north", List.of("DEMO-N"), true);
    private static final Scope SOUTH = new Scope("qa.south", List.of("DEMO-S"), true);
    private static final ReportPeriod YEAR = ReportPeriod.parse("2025-26");
    /** Well after everything the tests record. */
    private static final Instant NOW = Instant.parse("2027-01-01T00:00:00Z");

    @RegisterExtension
    static final ProjectionDatabase database = new ProjectionDatabase();

    private ReportTables tables;

    @BeforeEach
    void emptyTables() {
        tables = ReportTables.fresh(database);
    }

    /**
     * Child A, looked after from Mon 2 June 2025 (no bank holiday in June): the first review is due within 20
     * working days, by Mon 30 June; held that day, the last day of Q1, it is in timescale. The second is due 3
     * months after, by Tue 30 September; held Wed 1 October it is late. Child B, looked after from Wed 1 January
     * 2025 (a bank holiday): first review 20 January 2025 (the 13th working day: in the previous year, in
     * timescale), second due by 20 April 2025, held 10 April: in timescale. So the year has 3 reviews, 2 in
     * timescale (66.7%); the year before 1 of 1 (100.0%).
     */
    private void lookedAfterHistory() {
        tables.child("A", "DEMO-N", LocalDate.of(2012, 5, 5));
        tables.child("B", "DEMO-N", LocalDate.of(2023, 6, 1));
        tables.iro("A", "chair.brown", LocalDate.of(2025, 6, 2), null);
        tables.period("A", "period-A", LocalDate.of(2025, 6, 2));
        tables.consulted("A", "period-A", LocalDate.of(2025, 6, 20), PrivateConversation.SPOKE_IN_PRIVATE);
        tables.review("A", "period-A", "review-A1", LocalDate.of(2025, 6, 30), ParticipationCode.PN1, "chair.brown");
        tables.action("A", "action-1", "review-A1", LocalDate.of(2025, 6, 30), LocalDate.of(2025, 7, 31));
        tables.action("A", "action-2", "review-A1", LocalDate.of(2025, 6, 30), LocalDate.of(2025, 8, 31));
        tables.completed("A", "action-1", LocalDate.of(2025, 7, 25));
        tables.consulted("A", "period-A", LocalDate.of(2025, 8, 15), PrivateConversation.NOT_IN_PRIVATE);
        tables.midway("A", "period-A", LocalDate.of(2025, 8, 15));
        tables.iro("A", "iro.ahmed", LocalDate.of(2025, 9, 1), "chair.brown");
        tables.completed("A", "action-2", LocalDate.of(2025, 9, 5));
        tables.review("A", "period-A", "review-A2", LocalDate.of(2025, 10, 1), ParticipationCode.PN7, "iro.ahmed");
        tables.action("A", "action-3", "review-A2", LocalDate.of(2025, 10, 1), LocalDate.of(2025, 11, 1));
        tables.action("A", "action-4", "review-A2", LocalDate.of(2025, 10, 1), LocalDate.of(2025, 12, 1));
        tables.cancelled("A", "action-4", LocalDate.of(2025, 11, 15));

        tables.period("B", "period-B", LocalDate.of(2025, 1, 1));
        tables.review("B", "period-B", "review-B1", LocalDate.of(2025, 1, 20), ParticipationCode.PN0, "chair.brown");
        tables.consulted("B", "period-B", LocalDate.of(2025, 4, 5), PrivateConversation.CHILD_REFUSED);
        tables.review("B", "period-B", "review-B2", LocalDate.of(2025, 4, 10), ParticipationCode.PN0, "chair.brown");
    }

    private Report report(ReportPeriod period, Scope scope, Instant recordedBy) {
        return tables.queries.report(period, ReportQueries.Filter.of(scope), recordedBy);
    }

    private static FigureResult line(Report report, String id) {
        return report.lines().stream().filter(l -> l.figure().id().equals(id)).findFirst().orElseThrow().current();
    }

    private static FigureResult previous(Report report, String id) {
        return report.lines().stream().filter(l -> l.figure().id().equals(id)).findFirst().orElseThrow().previous();
    }

    private static List<String> ids(List<Fact> facts) {
        return facts.stream().map(Fact::factId).toList();
    }

    private static List<String> csvLine(Report report, String figureTitle) {
        return ReportExports.reportRows(report).stream().filter(r -> r.get(1).equals(figureTitle)).findFirst()
                .orElseThrow();
    }

    @Test
    @DisplayName("reviews in timescale: 2 of 3 in 2025–26 (66.7%), 1 of 1 the year before; a review on 30 June is "
            + "in Q1 and its due date is the timeline's")
    void reviewsHeldAndInTimescale() {
        lookedAfterHistory();
        Report report = report(YEAR, NORTH, NOW);

        FigureResult held = line(report, "lac-reviews-held");
        assertThat(held.numerator()).isEqualTo(3);
        FigureResult timely = line(report, "lac-reviews-in-timescale");
        assertThat(timely.numerator()).isEqualTo(2);
        assertThat(timely.denominator()).isEqualTo(3);
        assertThat(timely.shown()).isEqualTo("66.7%");
        assertThat(ids(timely.counted())).containsExactly("LAC_REVIEW:review-B2", "LAC_REVIEW:review-A1");
        assertThat(ids(timely.notCounted())).containsExactly("LAC_REVIEW:review-A2");
        assertThat(timely.counted().get(1).dueOn()).isEqualTo(LocalDate.of(2025, 6, 30));
        assertThat(timely.notCounted().get(0).dueOn()).isEqualTo(LocalDate.of(2025, 9, 30));
        assertThat(previous(report, "lac-reviews-in-timescale").shown()).isEqualTo("100.0%");
        assertThat(csvLine(report, "Looked-after reviews held in timescale"))
                .containsSubsequence("2025-26", "2", "3", "66.7%", "2024-25", "1", "1", "100.0%");

        Report q1 = report(ReportPeriod.parse("2025-26-Q1"), NORTH, NOW);
        assertThat(ids(line(q1, "lac-reviews-held").counted()))
                .containsExactly("LAC_REVIEW:review-B2", "LAC_REVIEW:review-A1");
        Report q3 = report(ReportPeriod.parse("2025-26-Q3"), NORTH, NOW);
        assertThat(ids(line(q3, "lac-reviews-held").counted())).containsExactly("LAC_REVIEW:review-A2");
        assertThat(previous(q3, "lac-reviews-held").numerator()).isZero();
    }

    @Test
    @DisplayName("children reviewed 2; participation 1 of 2 aged 4+ (PN0 left out), by code PN0 1, PN1 1, PN7 1; "
            + "consulted in private before 2 of 3 reviews; 1 midway check")
    void childrenParticipationConsultationAndMidwayChecks() {
        lookedAfterHistory();
        Report report = report(YEAR, NORTH, NOW);

        assertThat(line(report, "lac-children-reviewed").numerator()).isEqualTo(2);
        FigureResult participation = line(report, "lac-participation");
        assertThat(participation.shown()).isEqualTo("50.0%");
        assertThat(ids(participation.counted())).containsExactly("LAC_REVIEW:review-A1");
        assertThat(ids(participation.notCounted())).containsExactly("LAC_REVIEW:review-A2");
        assertThat(participation.breakdown()).containsEntry("PN0", 0L).containsEntry("PN1", 1L)
                .containsEntry("PN7", 1L);
        // the breakdown is of the figure's own population, which leaves out PN0
        assertThat(participation.breakdown().values().stream().mapToLong(Long::longValue).sum()).isEqualTo(2);

        FigureResult consulted = line(report, "lac-consulted-in-private");
        assertThat(consulted.numerator()).isEqualTo(2);
        assertThat(consulted.denominator()).isEqualTo(3);
        assertThat(ids(consulted.notCounted())).as("a written contact meets no clock")
                .containsExactly("LAC_REVIEW:review-A2");

        assertThat(line(report, "lac-midway-checks").numerator()).isEqualTo(1);
    }

    @Test
    @DisplayName("care plan actions: 4 agreed; 1 of the 3 due in the year done on time (the one cancelled before "
            + "its due date left out); 1 of 4 overdue at 31 March; 1 change of IRO for 2 children reviewed: 0.50")
    void carePlanActionsAndIroChanges() {
        lookedAfterHistory();
        Report report = report(YEAR, NORTH, NOW);

        assertThat(line(report, "lac-actions-agreed").numerator()).isEqualTo(4);
        FigureResult onTime = line(report, "lac-actions-on-time");
        assertThat(ids(onTime.counted())).containsExactly("CARE_PLAN_ACTION:action-1");
        assertThat(ids(onTime.notCounted())).containsExactlyInAnyOrder("CARE_PLAN_ACTION:action-2",
                "CARE_PLAN_ACTION:action-3");
        assertThat(onTime.shown()).isEqualTo("33.3%");
        FigureResult overdue = line(report, "lac-actions-overdue");
        assertThat(ids(overdue.counted())).containsExactly("CARE_PLAN_ACTION:action-3");
        assertThat(overdue.denominator()).isEqualTo(4);
        assertThat(overdue.shown()).isEqualTo("25.0%");

        FigureResult changes = line(report, "lac-iro-changes");
        assertThat(changes.numerator()).isEqualTo(1);
        assertThat(changes.denominator()).isEqualTo(2);
        assertThat(changes.shown()).isEqualTo("0.50");
    }

    /**
     * D: strategy discussion Mon 1 Sep 2025, initial conference due 15 working days later, Mon 22 Sep, held that
     * day (plan, neglect, quorate); first review conference due 3 months after the plan's start, 22 Dec, held 5 Jan
     * 2026 (late, not quorate, latest category emotional abuse). E: strategy Wed 1 Oct, due Wed 22 Oct, held 30 Oct
     * (late, no plan). F: had a plan 1 Jan to 1 Jun 2024; strategy Mon 3 Nov 2025, due Mon 24 Nov, held 10 Nov (in
     * time, plan, physical abuse, its second), plan ended 20 Mar 2026 (4 months: "more than 3 months but less than
     * or equal to 6"). G: unborn; pre-birth conference 1 Dec 2025, plan, sexual abuse.
     */
    private void protectionHistory() {
        tables.child("D", "DEMO-N", LocalDate.of(2015, 1, 1));
        tables.child("E", "DEMO-N", LocalDate.of(2016, 1, 1));
        tables.child("F", "DEMO-N", LocalDate.of(2017, 1, 1));
        tables.child("G", "DEMO-N", null);
        tables.strategy("D", "enquiry-D", LocalDate.of(2025, 9, 1));
        tables.icpc("D", "icpc-D", ConferenceType.INITIAL, LocalDate.of(2025, 9, 22), "enquiry-D", true,
                ConferenceOutcome.PLAN);
        tables.plan("D", "plan-D", LocalDate.of(2025, 9, 22), "icpc-D", CategoryOfAbuse.NEG, 0);
        tables.reviewConference("D", "rcpc-D", "plan-D", LocalDate.of(2026, 1, 5), false, CategoryOfAbuse.EMO,
                CategoryOfAbuse.NEG);
        tables.strategy("E", "enquiry-E", LocalDate.of(2025, 10, 1));
        tables.icpc("E", "icpc-E", ConferenceType.INITIAL, LocalDate.of(2025, 10, 30), "enquiry-E", true,
                ConferenceOutcome.NO_PLAN);
        tables.plan("F", "plan-F1", LocalDate.of(2024, 1, 1), null, CategoryOfAbuse.NEG, 0);
        tables.planEnded("F", "plan-F1", LocalDate.of(2024, 6, 1));
        tables.strategy("F", "enquiry-F", LocalDate.of(2025, 11, 3));
        tables.icpc("F", "icpc-F", ConferenceType.INITIAL, LocalDate.of(2025, 11, 10), "enquiry-F", true,
                ConferenceOutcome.PLAN);
        tables.plan("F", "plan-F2", LocalDate.of(2025, 11, 10), "icpc-F", CategoryOfAbuse.PHY, 1);
        tables.planEnded("F", "plan-F2", LocalDate.of(2026, 3, 20));
        tables.strategy("G", "enquiry-G", LocalDate.of(2025, 11, 20));
        tables.icpc("G", "icpc-G", ConferenceType.PRE_BIRTH, LocalDate.of(2025, 12, 1), "enquiry-G", true,
                ConferenceOutcome.PLAN);
        tables.plan("G", "plan-G", LocalDate.of(2025, 12, 1), "icpc-G", CategoryOfAbuse.SAB, 0);
    }

    @Test
    @DisplayName("initial conferences: 4 held (3 initial, 1 pre-birth); 2 of the 3 initial in 15 working days; 3 of "
            + "4 to a plan; review conferences 0 of 1 in timescale; 4 of 5 conferences quorate")
    void initialAndReviewConferences() {
        protectionHistory();
        Report report = report(YEAR, NORTH, NOW);

        FigureResult held = line(report, "cp-icpcs-held");
        assertThat(held.numerator()).isEqualTo(4);
        assertThat(held.breakdown()).containsEntry("Initial child protection conference", 3L)
                .containsEntry("Pre-birth conference", 1L).containsEntry("Transfer-in conference", 0L);
        FigureResult timely = line(report, "cp-icpcs-in-timescale");
        assertThat(ids(timely.counted())).containsExactly("CONFERENCE:icpc-D", "CONFERENCE:icpc-F");
        assertThat(ids(timely.notCounted())).containsExactly("CONFERENCE:icpc-E");
        assertThat(timely.notCounted().get(0).dueOn()).isEqualTo(LocalDate.of(2025, 10, 22));
        assertThat(timely.shown()).isEqualTo("66.7%");
        assertThat(line(report, "cp-icpcs-to-plan").shown()).isEqualTo("75.0%");
        FigureResult reviews = line(report, "cp-reviews-in-timescale");
        assertThat(reviews.shown()).isEqualTo("0.0%");
        assertThat(reviews.notCounted().get(0).dueOn()).isEqualTo(LocalDate.of(2025, 12, 22));
        assertThat(line(report, "cp-quoracy").shown()).isEqualTo("80.0%");
        assertThat(ids(line(report, "cp-quoracy").notCounted())).containsExactly("CONFERENCE:rcpc-D");
    }

    @Test
    @DisplayName("on a plan at 31 March 2026: D and G, by initial category neglect 1 and sexual abuse 1, by latest "
            + "emotional 1 and sexual 1; 1 of 2 unborn; F's plan ended in the DfE's 3-to-6-month band; second plans "
            + "1 of 3, within 2 years 1 of 3")
    void plansAtTheYearsEnd() {
        protectionHistory();
        Report report = report(YEAR, NORTH, NOW);

        FigureResult initial = line(report, "cp-on-plan-by-initial-category");
        assertThat(initial.numerator()).isEqualTo(2);
        assertThat(initial.breakdown()).containsEntry("Neglect", 1L).containsEntry("Sexual abuse", 1L)
                .containsEntry("Physical abuse", 0L);
        assertThat(line(report, "cp-on-plan-by-latest-category").breakdown()).containsEntry("Emotional abuse", 1L)
                .containsEntry("Sexual abuse", 1L).containsEntry("Neglect", 0L);
        FigureResult unborn = line(report, "cp-unborn-on-plan");
        assertThat(ids(unborn.counted())).containsExactly("CP_PLAN:plan-G");
        assertThat(unborn.shown()).isEqualTo("50.0%");
        FigureResult ended = line(report, "cp-plans-ended-by-length");
        assertThat(ended.breakdown()).containsEntry("More than 3 months but less than or equal to 6 months", 1L);
        assertThat(ended.breakdown().values().stream().mapToLong(Long::longValue).sum()).isEqualTo(1);
        assertThat(line(report, "cp-open-plans-drift").breakdown()).containsEntry("Under 9 months", 2L);
        assertThat(line(report, "cp-second-plans").shown()).isEqualTo("33.3%");
        assertThat(ids(line(report, "cp-second-plans-within-2-years").counted())).containsExactly("CP_PLAN:plan-F2");
        // the year before: F's first plan ended in it, 5 months long
        assertThat(previous(report, "cp-plans-ended-by-length").breakdown())
                .containsEntry("More than 3 months but less than or equal to 6 months", 1L);
        // and at the end of the year before that, 31 March 2024, F's first plan (ended since) was still open
        Report earlier = report(ReportPeriod.parse("2024-25"), NORTH, NOW);
        assertThat(previous(earlier, "cp-on-plan-by-initial-category").breakdown()).containsEntry("Neglect", 1L);
        assertThat(ids(previous(earlier, "cp-on-plan-by-latest-category").counted()))
                .containsExactly("CP_PLAN:plan-F1");
    }

    @Test
    @DisplayName("the DfE's bands: exactly 3 months is the first, a day more the second; 1 year exactly is the "
            + "fourth; drift 9 months exactly is 9 to 12")
    void lengthBandsAtTheirEdges() {
        LocalDate start = LocalDate.of(2025, 1, 31);
        assertThat(Figures.dfeBand(start, LocalDate.of(2025, 4, 30))).isEqualTo(Figures.DFE_LENGTH_BANDS.get(0));
        assertThat(Figures.dfeBand(start, LocalDate.of(2025, 5, 1))).isEqualTo(Figures.DFE_LENGTH_BANDS.get(1));
        assertThat(Figures.dfeBand(start, LocalDate.of(2026, 1, 30))).isEqualTo(Figures.DFE_LENGTH_BANDS.get(2));
        assertThat(Figures.dfeBand(start, LocalDate.of(2026, 1, 31))).isEqualTo(Figures.DFE_LENGTH_BANDS.get(3));
        assertThat(Figures.dfeBand(start, LocalDate.of(2027, 1, 31))).isEqualTo(Figures.DFE_LENGTH_BANDS.get(4));
        assertThat(Figures.driftBand(start, LocalDate.of(2025, 10, 30))).isEqualTo(Figures.DRIFT_BANDS.get(0));
        assertThat(Figures.driftBand(start, LocalDate.of(2025, 10, 31))).isEqualTo(Figures.DRIFT_BANDS.get(1));
    }

    @Test
    @DisplayName("a child who moves authority: the review held before the move counts in the old authority, the one "
            + "after in the new; neither authority's reader sees the other's")
    void aChildWhoMovesIsCountedWhereEachReviewWasHeld() {
        tables.child("C", "DEMO-S", LocalDate.of(2010, 1, 1));
        tables.period("C", "period-C", LocalDate.of(2025, 4, 1));
        tables.review("C", "period-C", "review-C1", LocalDate.of(2025, 5, 1), ParticipationCode.PN1, "iro.nowak");
        tables.transfer("C", "DEMO-S", "DEMO-N", LocalDate.of(2025, 6, 1));
        tables.review("C", "period-C", "review-C2", LocalDate.of(2025, 7, 1), ParticipationCode.PN1, "chair.brown");

        assertThat(ids(line(report(YEAR, NORTH, NOW), "lac-reviews-held").counted()))
                .containsExactly("LAC_REVIEW:review-C2");
        assertThat(ids(line(report(YEAR, SOUTH, NOW), "lac-reviews-held").counted()))
                .containsExactly("LAC_REVIEW:review-C1");
        Map<String, List<FigureResult>> both = tables.queries.byAuthority(YEAR,
                new Scope("regional", List.of("DEMO-N", "DEMO-S"), true), NOW);
        assertThat(both.get("DEMO-N").get(0).numerator()).isEqualTo(1);
        assertThat(both.get("DEMO-S").get(0).numerator()).isEqualTo(1);
    }

    @Test
    @DisplayName("a correction after the year closed: as recorded on 31 March 2026 participation is 1 of 2; as "
            + "recorded now 0 of 2, and the correction is listed; a review date moved out of the year likewise")
    void aCorrectionAfterTheYearClosed() {
        lookedAfterHistory();
        Instant closed = LocalDate.of(2026, 4, 1).atStartOfDay(ReportQueries.LONDON).toInstant().minusSeconds(1);
        Instant corrected = ReportTables.noon(LocalDate.of(2026, 4, 15));
        tables.participationCorrected("A", "review-A1", ParticipationCode.PN1, ParticipationCode.PN7, corrected);
        tables.reviewDateCorrected("B", "review-B2", LocalDate.of(2025, 4, 10), LocalDate.of(2025, 3, 31), corrected);

        Report then = report(YEAR, NORTH, closed);
        assertThat(line(then, "lac-participation").shown()).isEqualTo("50.0%");
        assertThat(line(then, "lac-reviews-held").numerator()).isEqualTo(3);
        assertThat(then.correctionsSince()).isEmpty();

        Report now = report(YEAR, NORTH, NOW);
        assertThat(line(now, "lac-participation").shown()).isEqualTo("0.0%");
        assertThat(ids(line(now, "lac-reviews-held").counted()))
                .containsExactly("LAC_REVIEW:review-A1", "LAC_REVIEW:review-A2");
        assertThat(now.correctionsSince()).extracting(ReportQueries.Correction::what)
                .containsExactlyInAnyOrder("PARTICIPATION", "REVIEW_DATE");

        Report before = report(YEAR, NORTH, ReportTables.noon(LocalDate.of(2025, 7, 1)));
        assertThat(line(before, "lac-reviews-held").numerator()).as("only what was recorded by 1 July 2025")
                .isEqualTo(2);
        // as recorded on 20 July 2025, action 1 (completed on 25 July) was still open
        Report july = report(YEAR, NORTH, ReportTables.noon(LocalDate.of(2025, 7, 20)));
        assertThat(ids(line(july, "lac-actions-overdue").counted()))
                .containsExactly("CARE_PLAN_ACTION:action-1", "CARE_PLAN_ACTION:action-2");
        assertThat(line(july, "lac-actions-overdue").notCounted()).isEmpty();
        FigureResult late = line(report(YEAR, NORTH, ReportTables.noon(LocalDate.of(2025, 7, 26))),
                "lac-actions-overdue");
        assertThat(ids(late.counted())).containsExactly("CARE_PLAN_ACTION:action-2");
        assertThat(late.notCounted()).extracting(Fact::closedOn).containsExactly(LocalDate.of(2025, 7, 25));
    }

    @Test
    @DisplayName("a team or a chair: the North IRO team's reviews are all three; iro.ahmed chaired one")
    void byTeamAndChair() {
        lookedAfterHistory();
        assertThat(line(tables.queries.report(YEAR, new ReportQueries.Filter(NORTH, "North IRO team", null), NOW),
                "lac-reviews-held").numerator()).isEqualTo(3);
        assertThat(line(tables.queries.report(YEAR, new ReportQueries.Filter(NORTH, null, "iro.ahmed"), NOW),
                "lac-reviews-held").numerator()).isEqualTo(1);
        assertThat(line(tables.queries.report(YEAR, new ReportQueries.Filter(NORTH, "Safeguarding unit", null), NOW),
                "lac-reviews-held").numerator()).isZero();
    }

    @Test
    @DisplayName("a drill-down counts a restricted record and names it only to the people named on it; its CSV says "
            + "what is counted in the page's words")
    void drillDownRespectsRestrictions() {
        lookedAfterHistory();
        tables.restrict("A", "iro.ahmed");
        FigureResult timely = tables.queries.figure(Figures.byId("lac-reviews-in-timescale").orElseThrow(), YEAR,
                ReportQueries.Filter.of(NORTH), NOW);
        Set<String> childIds = timely.counted().stream().map(Fact::childId).collect(Collectors.toSet());
        childIds.addAll(timely.notCounted().stream().map(Fact::childId).toList());
        Map<String, ReportQueries.ReportChild> children = tables.queries.children(childIds);

        List<ReportExports.DrillLine> forQa = ReportExports.drill(timely, children, "qa.north");
        assertThat(forQa).extracting(ReportExports.DrillLine::list, ReportExports.DrillLine::childName,
                        ReportExports.DrillLine::href)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("Counted", "Given B Family B", "/children/B"),
                        org.assertj.core.groups.Tuple.tuple("Counted", "A restricted record", null),
                        org.assertj.core.groups.Tuple.tuple("Not counted", "A restricted record", null));
        assertThat(ReportExports.drill(timely, children, "iro.ahmed")).extracting(ReportExports.DrillLine::childName)
                .containsExactly("Given B Family B", "Given A Family A", "Given A Family A");

        String csv = ReportExports.drillCsv(timely, forQa);
        assertThat(csv).contains("Numerator,\"Reviews held in the period on or before their due date")
                .contains("Value,66.7%\r\n")
                .contains("Counted,Given B Family B,B,2025-04-10,2025-04-20,PN0,chair.brown,North IRO team\r\n")
                .contains("Not counted,A restricted record,,2025-10-01,2025-09-30,PN7,iro.ahmed,North IRO team\r\n")
                .doesNotContain("Family A");
    }

    @Test
    @DisplayName("the spreadsheet holds the CSV's rows, counts as numbers, read back with POI")
    void theSpreadsheetReadsBack() throws IOException {
        lookedAfterHistory();
        Report report = report(YEAR, NORTH, NOW);
        try (org.apache.poi.xssf.usermodel.XSSFWorkbook workbook = new org.apache.poi.xssf.usermodel.XSSFWorkbook(
                new java.io.ByteArrayInputStream(ReportSpreadsheet.of(report)))) {
            org.apache.poi.ss.usermodel.Sheet sheet = workbook.getSheetAt(0);
            assertThat(sheet.getRow(0).getCell(3).getStringCellValue()).isEqualTo("Numerator");
            org.apache.poi.ss.usermodel.Row timely = null;
            for (org.apache.poi.ss.usermodel.Row row : sheet) {
                if (row.getCell(1).getStringCellValue().equals("Looked-after reviews held in timescale")) {
                    timely = row;
                }
            }
            assertThat(timely).isNotNull();
            assertThat(timely.getCell(6).getNumericCellValue()).isEqualTo(2.0);
            assertThat(timely.getCell(7).getNumericCellValue()).isEqualTo(3.0);
            assertThat(timely.getCell(8).getStringCellValue()).isEqualTo("66.7%");
            assertThat(timely.getCell(4).getStringCellValue()).isEqualTo("Looked-after reviews held in the period");
            assertThat(sheet.getLastRowNum() + 1).isEqualTo(ReportExports.reportRows(report).size());
        }
    }

    @Test
    @DisplayName("the whole report as one tagged PDF: its figures, their words and the corrections since")
    void theReportAsOnePdf() throws IOException {
        lookedAfterHistory();
        tables.participationCorrected("A", "review-A1", ParticipationCode.PN1, ParticipationCode.PN7,
                ReportTables.noon(LocalDate.of(2026, 4, 15)));
        Report report = report(YEAR, NORTH, NOW);
        org.thymeleaf.templateresolver.ClassLoaderTemplateResolver resolver =
                new org.thymeleaf.templateresolver.ClassLoaderTemplateResolver();
        resolver.setPrefix("templates/");
        resolver.setSuffix(".html");
        resolver.setCharacterEncoding("UTF-8");
        org.thymeleaf.spring6.SpringTemplateEngine engine = new org.thymeleaf.spring6.SpringTemplateEngine();
        engine.setTemplateResolver(resolver);
        byte[] bytes = new org.oversight.query.documents.TaggedPdf(engine).render(ReportDocument.of(report,
                ReportQueries.Filter.of(NORTH), true, Map.of("DEMO-N", "Northmoor")));
        try (org.apache.pdfbox.pdmodel.PDDocument pdf = org.apache.pdfbox.Loader.loadPDF(bytes)) {
            assertThat(pdf.getDocumentCatalog().getMarkInfo().isMarked()).isTrue();
            assertThat(pdf.getDocumentInformation().getTitle())
                    .isEqualTo("IRO report: Financial year 2025–26 (April 2025 to March 2026)");
            String text = new org.apache.pdfbox.text.PDFTextStripper().getText(pdf).replaceAll("\\s+", " ");
            assertThat(text).contains("Looked-after reviews held in timescale", "66.7%", "Northmoor",
                    "Out of: Looked-after reviews held in the period", "PARTICIPATION");
        }
    }

    /**
     * Every line of the whole report's CSV for both histories together in Northmoor, 2025–26: figure, counted, out
     * of and value, each worked out in the tests above (the looked-after and protection figures) or here. Neither
     * history records a visit, a permanence plan, a paper sent or a child's view reaching a conference: A and B are
     * looked after at 31 March and unvisited (0 of 2); the second reviews A2 and B2 had no plan (0 of 2); none of the
     * 3 reviews or 5 conferences had its papers sent (0 of 3, 0 of 5); every initial conference was of a child too
     * young to give a view, so only D's review conference counts for views, not conveyed (0 of 1).
     */
    @Test
    @DisplayName("the whole report's CSV: every line's figure, counted, out of and value")
    void everyLineOfTheWholeReportsCsv() {
        lookedAfterHistory();
        protectionHistory();
        List<List<String>> rows = ReportExports.reportRows(report(YEAR, NORTH, NOW));

        List<List<String>> expected = new java.util.ArrayList<>();
        expected.add(List.of("Figure", "Counted", "Out of", "Value"));
        expected.add(List.of("Looked-after reviews held", "3", "", "3"));
        expected.add(List.of("Looked-after reviews held in timescale", "2", "3", "66.7%"));
        expected.add(List.of("Children reviewed", "2", "", "2"));
        expected.add(List.of("Children participating in their review", "1", "2", "50.0%"));
        for (String code : List.of("PN0:0", "PN1:1", "PN2:0", "PN3:0", "PN4:0", "PN5:0", "PN6:0", "PN7:1")) {
            String[] parts = code.split(":");
            expected.add(List.of("Children participating in their review: " + parts[0], parts[1], "", parts[1]));
        }
        expected.add(List.of("Children consulted in private before the review", "2", "3", "66.7%"));
        expected.add(List.of("Midway checks done", "1", "", "1"));
        expected.add(List.of("Care plan actions agreed", "4", "", "4"));
        expected.add(List.of("Care plan actions completed on time", "1", "3", "33.3%"));
        expected.add(List.of("Care plan actions overdue at the period's end", "1", "4", "25.0%"));
        expected.add(List.of("Changes of IRO per child reviewed", "1", "2", "0.50"));
        expected.add(List.of("Children visited or contacted by their IRO in the last 6 months", "0", "2", "0.0%"));
        // A is iro.ahmed's at 31 March, whose hours are not recorded (full time); B has no IRO
        expected.add(List.of("Looked-after children per full-time-equivalent IRO (50 to 70 recommended)", "1",
                "1.00", "1.0"));
        expected.add(List.of("Permanence plan recorded by the second review", "0", "2", "0.0%"));
        expected.add(List.of("Review decisions sent within the local timescale", "0", "3", "0.0%"));
        expected.add(List.of("Review records distributed within the local timescale", "0", "3", "0.0%"));
        expected.add(List.of("Initial child protection conferences held", "4", "", "4"));
        expected.add(List.of("Initial child protection conferences held: Initial child protection conference", "3",
                "", "3"));
        expected.add(List.of("Initial child protection conferences held: Pre-birth conference", "1", "", "1"));
        expected.add(List.of("Initial child protection conferences held: Transfer-in conference", "0", "", "0"));
        expected.add(List.of("Initial conferences within 15 working days", "2", "3", "66.7%"));
        expected.add(List.of("Initial conferences leading to a plan", "3", "4", "75.0%"));
        expected.add(List.of("Review conferences in timescale", "0", "1", "0.0%"));
        for (String[] byCategory : new String[][] {{"initial", "Neglect:1", "Physical abuse:0", "Sexual abuse:1",
                "Emotional abuse:0", "Multiple:0"}, {"latest", "Neglect:0", "Physical abuse:0", "Sexual abuse:1",
                "Emotional abuse:1", "Multiple:0"}}) {
            String title = "Children on a plan at the period's end, by " + byCategory[0] + " category";
            expected.add(List.of(title, "2", "", "2"));
            for (int i = 1; i < byCategory.length; i++) {
                String[] parts = byCategory[i].split(":");
                expected.add(List.of(title + ": " + parts[0], parts[1], "", parts[1]));
            }
        }
        expected.add(List.of("Unborn children on a plan at the period's end", "1", "2", "50.0%"));
        expected.add(List.of("Plans ended, by length", "1", "", "1"));
        for (String band : Figures.DFE_LENGTH_BANDS) {
            String n = band.equals(Figures.DFE_LENGTH_BANDS.get(1)) ? "1" : "0";
            expected.add(List.of("Plans ended, by length: " + band, n, "", n));
        }
        expected.add(List.of("Plans open at the period's end, by length so far", "2", "", "2"));
        for (String band : Figures.DRIFT_BANDS) {
            String n = band.equals(Figures.DRIFT_BANDS.get(0)) ? "2" : "0";
            expected.add(List.of("Plans open at the period's end, by length so far: " + band, n, "", n));
        }
        expected.add(List.of("Second or subsequent plans", "1", "3", "33.3%"));
        expected.add(List.of("Second or subsequent plans within 2 years", "1", "3", "33.3%"));
        expected.add(List.of("Quorate conferences", "4", "5", "80.0%"));
        expected.add(List.of("Conference decisions sent within the local timescale", "0", "5", "0.0%"));
        expected.add(List.of("Conference minutes sent within the local timescale", "0", "5", "0.0%"));
        expected.add(List.of("Children's views at their conference", "0", "1", "0.0%"));
        for (String view : List.of("Attended and spoke for themselves:0",
                "Attended; an advocate or the chair spoke for them:0",
                "Did not attend; briefed an advocate who conveyed their views:0",
                "Did not attend; conveyed views in writing or another way:0", "No views conveyed:1",
                "Not recorded:0")) {
            int colon = view.lastIndexOf(':');
            String n = view.substring(colon + 1);
            expected.add(List.of("Children's views at their conference: " + view.substring(0, colon), n, "", n));
        }

        assertThat(rows.stream().map(r -> List.of(r.get(1), r.get(6), r.get(7), r.get(8))).toList())
                .containsExactlyElementsOf(expected);
    }
}
