package org.oversight.query.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.oversight.events.lookedafter.ParticipationCode;
import org.oversight.events.lookedafter.PermanencePlan;
import org.oversight.events.protection.CategoryOfAbuse;
import org.oversight.events.protection.ChildsView;
import org.oversight.events.protection.ConferenceOutcome;
import org.oversight.events.protection.ConferencePaper;
import org.oversight.events.protection.ConferenceType;
import org.oversight.events.protection.ViewsConveyed;
import org.oversight.query.access.Scope;
import org.oversight.query.testing.ProjectionDatabase;

/**
 * The figures of IRO contact, permanence by the second review, papers within the local timescales and the child's
 * views at conferences, each on a small history worked out by hand below against a real PostgreSQL: the number,
 * the facts its drill-down lists and its line of the CSV. Financial year 2025–26 runs from 1 April 2025 to 31
 * March 2026; bank holidays of England and Wales as published (25 and 26 December 2025, 1 January, 3 and 6 April
 * 2026).
 */
class ReportContactPermanencePapersTest {

    private static final Scope NORTH = new Scope("qa.north", List.of("DEMO-N"), true);
    private static final Scope SOUTH = new Scope("qa.south", List.of("DEMO-S"), true);
    private static final ReportPeriod YEAR = ReportPeriod.parse("2025-26");
    private static final Instant NOW = Instant.parse("2027-01-01T00:00:00Z");
    /** The last moment of 31 March 2026 in London: the year as recorded the day it closed. */
    private static final Instant CLOSED = LocalDate.of(2026, 4, 1).atStartOfDay(ReportQueries.LONDON).toInstant()
            .minusSeconds(1);

    @RegisterExtension
    static final ProjectionDatabase database = new ProjectionDatabase();

    private ReportTables tables;

    @BeforeEach
    void emptyTables() {
        tables = ReportTables.fresh(database);
    }

    /**
     * Looked after, all in Northmoor unless said otherwise; Northmoor's review papers are due within 2 working days
     * (decisions) and 10 (record) from 1 April 2025; Southvale keeps the defaults, 1 and 20.
     * <ul>
     * <li>H, from 1 May 2025, IRO chair.brown: reviews Thu 29 May and Thu 28 Aug; permanence plan recorded 28 Aug,
     * the day of the second review; IRO visit 1 Oct 2025. First review: decisions sent Mon 2 June (due Mon 2 June),
     * record Thu 12 June (due Thu 12 June). Second: no decision letter, record Fri 29 Aug (both due then).</li>
     * <li>J, from 1 May 2025, IRO iro.ahmed: reviews 29 May and 28 Aug; plan 29 Aug, a day after the second review;
     * visit Tue 30 Sep 2025, exactly 6 months before 31 March. First review: decisions Tue 3 June and record Fri 13
     * June, each a day late; second: nothing sent.</li>
     * <li>K, from 1 Dec 2025 in Southvale, IRO iro.nowak: plan 10 Dec, first review Mon 22 Dec (decisions Tue 23
     * Dec, due then; record Thu 22 Jan, the 20th working day after Christmas and New Year), visit 10 Jan 2026;
     * moves to Northmoor 1 Feb 2026, where chair.brown becomes IRO the same day; second review Fri 20 Mar 2026
     * (decisions Tue 24 Mar, due then; no record). No Northmoor IRO has seen K.</li>
     * <li>L, from 1 Apr 2025 to 31 Mar 2026: a visit 1 Mar 2026; its first review on Tue 31 Mar 2026, the year's
     * last day: decisions Thu 2 Apr (due Thu 2 Apr), record Thu 16 Apr (10 working days past Good Friday and Easter
     * Monday), both after the year closed.</li>
     * </ul>
     */
    private void lookedAfterHistory() {
        tables.reviewTimescales("DEMO-N", LocalDate.of(2025, 4, 1), 2, 10);
        tables.child("H", "DEMO-N", LocalDate.of(2012, 1, 1));
        tables.child("J", "DEMO-N", LocalDate.of(2013, 1, 1));
        tables.child("K", "DEMO-S", LocalDate.of(2014, 1, 1));
        tables.child("L", "DEMO-N", LocalDate.of(2009, 1, 1));

        tables.period("H", "period-H", LocalDate.of(2025, 5, 1));
        tables.iro("H", "chair.brown", LocalDate.of(2025, 5, 1), null);
        tables.review("H", "period-H", "review-H1", LocalDate.of(2025, 5, 29), ParticipationCode.PN1, "chair.brown");
        tables.decisionsSent("H", "review-H1", LocalDate.of(2025, 6, 2));
        tables.recordDistributed("H", "review-H1", LocalDate.of(2025, 6, 12));
        tables.permanencePlan("H", "period-H", LocalDate.of(2025, 8, 28), PermanencePlan.LONG_TERM_FOSTERING);
        tables.review("H", "period-H", "review-H2", LocalDate.of(2025, 8, 28), ParticipationCode.PN1, "chair.brown");
        tables.recordDistributed("H", "review-H2", LocalDate.of(2025, 8, 29));
        tables.visit("H", "period-H", LocalDate.of(2025, 10, 1), "chair.brown");

        tables.period("J", "period-J", LocalDate.of(2025, 5, 1));
        tables.iro("J", "iro.ahmed", LocalDate.of(2025, 5, 1), null);
        tables.review("J", "period-J", "review-J1", LocalDate.of(2025, 5, 29), ParticipationCode.PN1, "iro.ahmed");
        tables.decisionsSent("J", "review-J1", LocalDate.of(2025, 6, 3));
        tables.recordDistributed("J", "review-J1", LocalDate.of(2025, 6, 13));
        tables.review("J", "period-J", "review-J2", LocalDate.of(2025, 8, 28), ParticipationCode.PN1, "iro.ahmed");
        tables.permanencePlan("J", "period-J", LocalDate.of(2025, 8, 29), PermanencePlan.RETURN_HOME);
        tables.visit("J", "period-J", LocalDate.of(2025, 9, 30), "iro.ahmed");

        tables.period("K", "period-K", LocalDate.of(2025, 12, 1));
        tables.iro("K", "iro.nowak", LocalDate.of(2025, 12, 1), null);
        tables.permanencePlan("K", "period-K", LocalDate.of(2025, 12, 10), PermanencePlan.ADOPTION);
        tables.review("K", "period-K", "review-K1", LocalDate.of(2025, 12, 22), ParticipationCode.PN1, "iro.nowak");
        tables.decisionsSent("K", "review-K1", LocalDate.of(2025, 12, 23));
        tables.visit("K", "period-K", LocalDate.of(2026, 1, 10), "iro.nowak");
        tables.recordDistributed("K", "review-K1", LocalDate.of(2026, 1, 22));
        tables.transfer("K", "DEMO-S", "DEMO-N", LocalDate.of(2026, 2, 1));
        tables.iro("K", "chair.brown", LocalDate.of(2026, 2, 1), "iro.nowak");
        tables.review("K", "period-K", "review-K2", LocalDate.of(2026, 3, 20), ParticipationCode.PN1, "chair.brown");
        tables.decisionsSent("K", "review-K2", LocalDate.of(2026, 3, 24));

        tables.period("L", "period-L", LocalDate.of(2025, 4, 1));
        tables.iro("L", "chair.brown", LocalDate.of(2025, 4, 1), null);
        tables.visit("L", "period-L", LocalDate.of(2026, 3, 1), "chair.brown");
        tables.review("L", "period-L", "review-L1", LocalDate.of(2026, 3, 31), ParticipationCode.PN1, "chair.brown");
        tables.periodEnded("L", "period-L", LocalDate.of(2026, 3, 31));
        tables.decisionsSent("L", "review-L1", LocalDate.of(2026, 4, 2));
        tables.recordDistributed("L", "review-L1", LocalDate.of(2026, 4, 16));
    }

    private Report report(ReportPeriod period, Scope scope, Instant recordedBy) {
        return tables.queries.report(period, ReportQueries.Filter.of(scope), recordedBy);
    }

    private static FigureResult line(Report report, String id) {
        return report.lines().stream().filter(l -> l.figure().id().equals(id)).findFirst().orElseThrow().current();
    }

    private static List<String> children(List<Fact> facts) {
        return facts.stream().map(Fact::childId).toList();
    }

    private static List<String> ids(List<Fact> facts) {
        return facts.stream().map(Fact::factId).toList();
    }

    private static List<String> csvLine(Report report, String id) {
        return ReportExports.reportRows(report).stream().filter(r -> r.get(2).equals(id)).findFirst().orElseThrow();
    }

    @Test
    @DisplayName("IRO contact in the last 6 months at 31 March 2026: 1 of 3 children in Northmoor (a visit on the "
            + "day 6 months before is not in them; a child who moved in, seen only by the old authority's IRO, is "
            + "not; a period ending on 31 March is not looked after at its end); none in Southvale")
    void iroContactInTheLastSixMonths() {
        lookedAfterHistory();
        Report north = report(YEAR, NORTH, NOW);

        FigureResult contact = line(north, "lac-iro-contact-6-months");
        assertThat(children(contact.counted())).containsExactly("H");
        assertThat(children(contact.notCounted())).containsExactlyInAnyOrder("J", "K");
        assertThat(contact.numerator()).isEqualTo(1);
        assertThat(contact.denominator()).isEqualTo(3);
        assertThat(contact.shown()).isEqualTo("33.3%");
        assertThat(csvLine(north, "lac-iro-contact-6-months"))
                .containsSubsequence("2025-26", "1", "3", "33.3%");

        FigureResult south = line(report(YEAR, SOUTH, NOW), "lac-iro-contact-6-months");
        assertThat(south.denominator()).as("K left Southvale before the year's end").isZero();
        assertThat(south.shown()).isEqualTo("–");

        // at 31 December 2025 (6 months back to 30 June): H, J and L in Northmoor, H and J seen; K in Southvale,
        // seen on 10 January only after the quarter
        Report q3 = report(ReportPeriod.parse("2025-26-Q3"), NORTH, NOW);
        assertThat(children(line(q3, "lac-iro-contact-6-months").counted())).containsExactly("H", "J");
        assertThat(children(line(q3, "lac-iro-contact-6-months").notCounted())).containsExactly("L");
        FigureResult southQ3 = line(report(ReportPeriod.parse("2025-26-Q3"), SOUTH, NOW), "lac-iro-contact-6-months");
        assertThat(children(southQ3.notCounted())).containsExactly("K");

        // by chair: K is chair.brown's at the year's end, so chair.brown's children are H (seen) and K (not)
        FigureResult brown = tables.queries.figure(Figures.byId("lac-iro-contact-6-months").orElseThrow(), YEAR,
                new ReportQueries.Filter(NORTH, null, "chair.brown"), NOW);
        assertThat(children(brown.counted())).containsExactly("H");
        assertThat(children(brown.notCounted())).containsExactly("K");
    }

    @Test
    @DisplayName("permanence plan by the second review: 2 of 3 second reviews in Northmoor (a plan on the review's "
            + "day counts, the day after does not, a plan made before a move goes with the child)")
    void permanencePlanByTheSecondReview() {
        lookedAfterHistory();
        Report north = report(YEAR, NORTH, NOW);

        FigureResult permanence = line(north, "lac-permanence-by-second-review");
        assertThat(ids(permanence.counted())).containsExactly("LAC_REVIEW:review-H2", "LAC_REVIEW:review-K2");
        assertThat(ids(permanence.notCounted())).containsExactly("LAC_REVIEW:review-J2");
        assertThat(permanence.shown()).isEqualTo("66.7%");
        assertThat(csvLine(north, "lac-permanence-by-second-review"))
                .containsSubsequence("2025-26", "2", "3", "66.7%");
        assertThat(line(report(YEAR, SOUTH, NOW), "lac-permanence-by-second-review").denominator())
                .as("Southvale held only K's first review").isZero();
    }

    @Test
    @DisplayName("review papers within the local timescale: decisions 4 of 6 and records 3 of 6 in Northmoor (2 and "
            + "10 working days), 1 of 1 each in Southvale (1 and 20, over Christmas); a review on 31 March counted "
            + "in the year once its papers went in April, and not as recorded when the year closed")
    void reviewPapersWithinTheLocalTimescale() {
        lookedAfterHistory();
        Report north = report(YEAR, NORTH, NOW);

        FigureResult decisions = line(north, "lac-decisions-in-timescale");
        assertThat(ids(decisions.counted())).containsExactly("LAC_REVIEW:review-H1", "LAC_REVIEW:review-H2",
                "LAC_REVIEW:review-K2", "LAC_REVIEW:review-L1");
        assertThat(ids(decisions.notCounted())).containsExactly("LAC_REVIEW:review-J1", "LAC_REVIEW:review-J2");
        assertThat(decisions.shown()).isEqualTo("66.7%");
        assertThat(csvLine(north, "lac-decisions-in-timescale")).containsSubsequence("2025-26", "4", "6", "66.7%");

        FigureResult records = line(north, "lac-records-in-timescale");
        assertThat(ids(records.counted())).containsExactly("LAC_REVIEW:review-H1", "LAC_REVIEW:review-H2",
                "LAC_REVIEW:review-L1");
        assertThat(ids(records.notCounted())).containsExactly("LAC_REVIEW:review-J1", "LAC_REVIEW:review-J2",
                "LAC_REVIEW:review-K2");
        assertThat(records.shown()).isEqualTo("50.0%");

        Report south = report(YEAR, SOUTH, NOW);
        assertThat(ids(line(south, "lac-decisions-in-timescale").counted())).containsExactly("LAC_REVIEW:review-K1");
        assertThat(ids(line(south, "lac-records-in-timescale").counted())).containsExactly("LAC_REVIEW:review-K1");

        Report closed = report(YEAR, NORTH, CLOSED);
        assertThat(ids(line(closed, "lac-decisions-in-timescale").notCounted()))
                .containsExactly("LAC_REVIEW:review-J1", "LAC_REVIEW:review-J2", "LAC_REVIEW:review-L1");
        assertThat(line(closed, "lac-records-in-timescale").numerator()).isEqualTo(2);
    }

    /**
     * Child protection in Northmoor, whose conference papers are due within 1 working day (the letter and the
     * decisions) and 20 (the minutes) from 1 April 2025.
     * <ul>
     * <li>M: initial conference Mon 22 Sep 2025, attended and spoke; letter and decisions Tue 23 Sep; minutes Fri
     * 17 Oct (due Mon 20 Oct; under the default 15 it would have been 13 Oct). Plan from that day; review conference
     * Fri 19 Dec, views through an advocate; letter Mon 22 Dec (due then), decisions Tue 23 Dec (late); no
     * minutes.</li>
     * <li>P: unborn; pre-birth conference Tue 31 Mar 2026, the year's last day; letter and decisions Wed 1 Apr,
     * minutes Wed 29 Apr (due Thu 30 Apr, Good Friday and Easter Monday not counted).</li>
     * <li>Q: initial conference Thu 30 Oct 2025, no views conveyed; moves to Southvale 15 Nov; the minutes go on 20
     * Nov (due 27 Nov), counted with the conference where it was held.</li>
     * <li>R: initial conference Mon 10 Nov 2025, the child's participation not recorded; no papers.</li>
     * </ul>
     */
    private void protectionHistory() {
        tables.conferenceTimescales("DEMO-N", LocalDate.of(2025, 4, 1), 1, 20);
        for (String child : List.of("M", "P", "Q", "R")) {
            tables.child(child, "DEMO-N", "P".equals(child) ? null : LocalDate.of(2015, 1, 1));
        }
        tables.icpc("M", "icpc-M", ConferenceType.INITIAL, LocalDate.of(2025, 9, 22), ConferenceOutcome.PLAN,
                new ChildsView(true, ViewsConveyed.ATTENDED_SPOKE_FOR_SELF));
        tables.plan("M", "plan-M", LocalDate.of(2025, 9, 22), "icpc-M", CategoryOfAbuse.NEG, 0);
        tables.paperSent("M", "icpc-M", ConferencePaper.OUTCOME_LETTER, LocalDate.of(2025, 9, 23));
        tables.paperSent("M", "icpc-M", ConferencePaper.AGENCY_DECISIONS, LocalDate.of(2025, 9, 23));
        tables.paperSent("M", "icpc-M", ConferencePaper.MINUTES, LocalDate.of(2025, 10, 17));
        tables.reviewConference("M", "rcpc-M", "plan-M", LocalDate.of(2025, 12, 19),
                new ChildsView(false, ViewsConveyed.THROUGH_ADVOCATE));
        tables.paperSent("M", "rcpc-M", ConferencePaper.OUTCOME_LETTER, LocalDate.of(2025, 12, 22));
        tables.paperSent("M", "rcpc-M", ConferencePaper.AGENCY_DECISIONS, LocalDate.of(2025, 12, 23));

        tables.icpc("P", "icpc-P", ConferenceType.PRE_BIRTH, LocalDate.of(2026, 3, 31), ConferenceOutcome.PLAN,
                new ChildsView(false, ViewsConveyed.TOO_YOUNG_OR_UNBORN));
        tables.paperSent("P", "icpc-P", ConferencePaper.OUTCOME_LETTER, LocalDate.of(2026, 4, 1));
        tables.paperSent("P", "icpc-P", ConferencePaper.AGENCY_DECISIONS, LocalDate.of(2026, 4, 1));
        tables.paperSent("P", "icpc-P", ConferencePaper.MINUTES, LocalDate.of(2026, 4, 29));

        tables.icpc("Q", "icpc-Q", ConferenceType.INITIAL, LocalDate.of(2025, 10, 30), ConferenceOutcome.NO_PLAN,
                new ChildsView(false, ViewsConveyed.NOT_CONVEYED));
        tables.transfer("Q", "DEMO-N", "DEMO-S", LocalDate.of(2025, 11, 15));
        tables.paperSent("Q", "icpc-Q", ConferencePaper.MINUTES, LocalDate.of(2025, 11, 20));

        tables.icpc("R", "icpc-R", ConferenceType.INITIAL, LocalDate.of(2025, 11, 10), ConferenceOutcome.NO_PLAN,
                null);
    }

    @Test
    @DisplayName("conference papers within the local timescale: decisions 2 of 5 (both papers needed), minutes 3 of "
            + "5 under Northmoor's 20 working days, a child who moved counted where the conference was held")
    void conferencePapersWithinTheLocalTimescale() {
        protectionHistory();
        Report north = report(YEAR, NORTH, NOW);

        FigureResult decisions = line(north, "cp-decisions-in-timescale");
        assertThat(ids(decisions.counted())).containsExactly("CONFERENCE:icpc-M", "CONFERENCE:icpc-P");
        assertThat(ids(decisions.notCounted())).containsExactly("CONFERENCE:icpc-Q", "CONFERENCE:icpc-R",
                "CONFERENCE:rcpc-M");
        assertThat(decisions.shown()).isEqualTo("40.0%");

        FigureResult minutes = line(north, "cp-minutes-in-timescale");
        assertThat(ids(minutes.counted())).containsExactly("CONFERENCE:icpc-M", "CONFERENCE:icpc-Q",
                "CONFERENCE:icpc-P");
        assertThat(ids(minutes.notCounted())).containsExactly("CONFERENCE:icpc-R", "CONFERENCE:rcpc-M");
        assertThat(minutes.shown()).isEqualTo("60.0%");
        assertThat(csvLine(north, "cp-minutes-in-timescale")).containsSubsequence("2025-26", "3", "5", "60.0%");

        assertThat(line(report(YEAR, SOUTH, NOW), "cp-minutes-in-timescale").denominator()).isZero();
        // as recorded when the year closed, P's papers had not gone
        assertThat(ids(line(report(YEAR, NORTH, CLOSED), "cp-decisions-in-timescale").counted()))
                .containsExactly("CONFERENCE:icpc-M");
    }

    @Test
    @DisplayName("the child's views at conferences: 2 of 4 (the unborn child's conference left out; one not "
            + "recorded counted as not reaching it), by how they were conveyed")
    void childrensViewsAtConferences() {
        protectionHistory();
        Report north = report(YEAR, NORTH, NOW);

        FigureResult views = line(north, "cp-child-participation");
        assertThat(ids(views.counted())).containsExactly("CONFERENCE:icpc-M", "CONFERENCE:rcpc-M");
        assertThat(ids(views.notCounted())).containsExactly("CONFERENCE:icpc-Q", "CONFERENCE:icpc-R");
        assertThat(views.shown()).isEqualTo("50.0%");
        assertThat(views.breakdown()).containsEntry("Attended and spoke for themselves", 1L)
                .containsEntry("Did not attend; briefed an advocate who conveyed their views", 1L)
                .containsEntry("No views conveyed", 1L).containsEntry("Not recorded", 1L)
                .containsEntry("Attended; an advocate or the chair spoke for them", 0L)
                .doesNotContainKey("Too young, or not yet born");
        assertThat(csvLine(north, "cp-child-participation")).containsSubsequence("2025-26", "2", "4", "50.0%");
    }

    @Test
    @DisplayName("caseload per full-time-equivalent IRO at 31 March 2026: 3 children for chair.brown at half time "
            + "and iro.ahmed with no hours (full time), 2.0 per FTE; chair.brown alone 4.0; hours recorded after the "
            + "year closed but dated within it count as recorded now, not as recorded then; later hours do not")
    void caseloadPerFullTimeEquivalent() {
        lookedAfterHistory();
        tables.workingHours("chair.brown", LocalDate.of(2025, 4, 1), "18.5", "37",
                ReportTables.noon(LocalDate.of(2025, 4, 1)));
        tables.workingHours("chair.brown", LocalDate.of(2026, 4, 1), "37", "37",
                ReportTables.noon(LocalDate.of(2026, 3, 20)));

        FigureResult caseload = line(report(YEAR, NORTH, NOW), "lac-caseload-per-fte");
        assertThat(children(caseload.counted())).containsExactlyInAnyOrder("H", "J", "K");
        assertThat(caseload.numerator()).isEqualTo(3);
        assertThat(caseload.outOf()).isEqualTo("1.50");
        assertThat(caseload.shown()).isEqualTo("2.0");
        assertThat(csvLine(report(YEAR, NORTH, NOW), "lac-caseload-per-fte"))
                .containsSubsequence("2025-26", "3", "1.50", "2.0");

        FigureResult brown = tables.queries.figure(Figures.byId("lac-caseload-per-fte").orElseThrow(), YEAR,
                new ReportQueries.Filter(NORTH, null, "chair.brown"), NOW);
        assertThat(children(brown.counted())).containsExactlyInAnyOrder("H", "K");
        assertThat(brown.outOf()).isEqualTo("0.50");
        assertThat(brown.shown()).isEqualTo("4.0");
        FigureResult team = tables.queries.figure(Figures.byId("lac-caseload-per-fte").orElseThrow(), YEAR,
                new ReportQueries.Filter(NORTH, "North IRO team", null), NOW);
        assertThat(team.shown()).isEqualTo("2.0");

        tables.workingHours("chair.brown", LocalDate.of(2026, 3, 1), "37", "37",
                ReportTables.noon(LocalDate.of(2026, 4, 10)));
        assertThat(line(report(YEAR, NORTH, NOW), "lac-caseload-per-fte").shown()).isEqualTo("1.5");
        assertThat(line(report(YEAR, NORTH, CLOSED), "lac-caseload-per-fte").shown()).isEqualTo("2.0");
        assertThat(line(report(YEAR, SOUTH, NOW), "lac-caseload-per-fte").shown()).isEqualTo("–");
    }
}
