package org.oversight.query.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.oversight.events.childcase.BirthRecorded;
import org.oversight.events.lookedafter.ParticipationCode;
import org.oversight.events.lookedafter.PrivateConversation;
import org.oversight.events.protection.CategoryOfAbuse;
import org.oversight.events.protection.ConferenceOutcome;
import org.oversight.events.protection.ConferenceType;
import org.oversight.query.access.Scope;
import org.oversight.query.testing.ProjectionDatabase;

/**
 * The kept totals of each authority against the same figures worked out fact by fact over the same facts, on a
 * real PostgreSQL: every figure's numerator, denominator, breakdown and full-time equivalents, for the year, the
 * year before and each quarter, first as worked out and then as read back from the kept rows; and, after each kind
 * of change the figures read (a fact, a correction, a date of birth, a chair's hours, a destroyed record, and a
 * change committed while the totals were being worked out), that the kept totals are worked out again and agree.
 */
class AuthorityTotalsTest {

    private static final Scope BOTH = new Scope("regional", List.of("DEMO-N", "DEMO-S"), true);
    private static final List<ReportPeriod> PERIODS = List.of(ReportPeriod.parse("2025-26"),
            ReportPeriod.parse("2024-25"), ReportPeriod.parse("2025-26-Q1"), ReportPeriod.parse("2025-26-Q2"),
            ReportPeriod.parse("2025-26-Q3"), ReportPeriod.parse("2025-26-Q4"));
    private static final ReportPeriod YEAR = PERIODS.get(0);

    @RegisterExtension
    static final ProjectionDatabase database = new ProjectionDatabase();

    private ReportTables tables;

    @BeforeEach
    void emptyTables() {
        tables = ReportTables.fresh(database);
    }

    /**
     * Both services' kinds of fact, with the edges the figures turn on: a review on the last day of a quarter (30
     * June), a child who moves authority between two reviews, an action cancelled before its due date, an unborn
     * child on a plan, a plan ended within the year, a chair working part time, and a correction recorded after
     * the year closed.
     */
    private void history() {
        tables.child("A", "DEMO-N", LocalDate.of(2012, 5, 5));
        tables.child("B", "DEMO-N", LocalDate.of(2023, 6, 1));
        tables.child("C", "DEMO-S", LocalDate.of(2010, 1, 1));
        tables.iro("A", "chair.brown", LocalDate.of(2025, 6, 2), null);
        tables.period("A", "period-A", LocalDate.of(2025, 6, 2));
        tables.consulted("A", "period-A", LocalDate.of(2025, 6, 20), PrivateConversation.SPOKE_IN_PRIVATE);
        tables.review("A", "period-A", "review-A1", LocalDate.of(2025, 6, 30), ParticipationCode.PN1, "chair.brown");
        tables.action("A", "action-1", "review-A1", LocalDate.of(2025, 6, 30), LocalDate.of(2025, 7, 31));
        tables.action("A", "action-2", "review-A1", LocalDate.of(2025, 6, 30), LocalDate.of(2025, 8, 31));
        tables.completed("A", "action-1", LocalDate.of(2025, 7, 25));
        tables.midway("A", "period-A", LocalDate.of(2025, 8, 15));
        tables.iro("A", "iro.ahmed", LocalDate.of(2025, 9, 1), "chair.brown");
        tables.review("A", "period-A", "review-A2", LocalDate.of(2025, 10, 1), ParticipationCode.PN7, "iro.ahmed");
        tables.action("A", "action-3", "review-A2", LocalDate.of(2025, 10, 1), LocalDate.of(2025, 11, 1));
        tables.action("A", "action-4", "review-A2", LocalDate.of(2025, 10, 1), LocalDate.of(2025, 12, 1));
        tables.cancelled("A", "action-4", LocalDate.of(2025, 11, 15));
        tables.visit("A", "period-A", LocalDate.of(2025, 12, 1), "iro.ahmed");
        tables.period("B", "period-B", LocalDate.of(2025, 1, 1));
        tables.review("B", "period-B", "review-B1", LocalDate.of(2025, 1, 20), ParticipationCode.PN0, "chair.brown");
        tables.review("B", "period-B", "review-B2", LocalDate.of(2025, 4, 10), ParticipationCode.PN0, "chair.brown");
        tables.period("C", "period-C", LocalDate.of(2025, 4, 1));
        tables.review("C", "period-C", "review-C1", LocalDate.of(2025, 5, 1), ParticipationCode.PN1, "iro.nowak");
        tables.transfer("C", "DEMO-S", "DEMO-N", LocalDate.of(2025, 6, 1));
        tables.review("C", "period-C", "review-C2", LocalDate.of(2025, 7, 1), ParticipationCode.PN2, "chair.brown");
        tables.workingHours("iro.ahmed", LocalDate.of(2025, 1, 1), "18.5", "37", ReportTables.noon(
                LocalDate.of(2025, 1, 1)));

        tables.child("D", "DEMO-S", LocalDate.of(2015, 1, 1));
        tables.child("G", "DEMO-S", null);
        tables.strategy("D", "enquiry-D", LocalDate.of(2025, 9, 1));
        tables.icpc("D", "icpc-D", ConferenceType.INITIAL, LocalDate.of(2025, 9, 22), "enquiry-D", true,
                ConferenceOutcome.PLAN);
        tables.plan("D", "plan-D", LocalDate.of(2025, 9, 22), "icpc-D", CategoryOfAbuse.NEG, 0);
        tables.reviewConference("D", "rcpc-D", "plan-D", LocalDate.of(2026, 1, 5), false, CategoryOfAbuse.EMO,
                CategoryOfAbuse.NEG);
        tables.planEnded("D", "plan-D", LocalDate.of(2026, 3, 31));
        tables.strategy("G", "enquiry-G", LocalDate.of(2025, 11, 20));
        tables.icpc("G", "icpc-G", ConferenceType.PRE_BIRTH, LocalDate.of(2025, 12, 1), "enquiry-G", true,
                ConferenceOutcome.PLAN);
        tables.plan("G", "plan-G", LocalDate.of(2025, 12, 1), "icpc-G", CategoryOfAbuse.SAB, 0);

        tables.participationCorrected("A", "review-A1", ParticipationCode.PN1, ParticipationCode.PN5,
                ReportTables.noon(LocalDate.of(2026, 5, 1)));
    }

    /** The kept totals of every period, each against the fact-by-fact figures; the authorities worked out. */
    private List<String> agreeEverywhere() {
        List<String> workedOut = new ArrayList<>();
        for (ReportPeriod period : PERIODS) {
            AuthorityTotals.Totals kept = tables.totals.byAuthority(period, BOTH);
            agree(kept.byAuthority(), tables.queries.byAuthority(period, BOTH, AuthorityTotals.AS_IT_STANDS), period);
            kept.workedOut().forEach(a -> workedOut.add(period.key() + " " + a));
        }
        return workedOut;
    }

    private static void agree(Map<String, List<FigureResult>> kept, Map<String, List<FigureResult>> factByFact,
            ReportPeriod period) {
        assertThat(kept.keySet()).containsExactlyElementsOf(factByFact.keySet());
        factByFact.forEach((authority, exact) -> {
            List<FigureResult> totals = kept.get(authority);
            assertThat(totals).hasSameSizeAs(exact);
            for (int i = 0; i < exact.size(); i++) {
                FigureResult want = exact.get(i);
                FigureResult got = totals.get(i);
                String what = authority + " " + period.key() + " " + want.figure().id();
                assertThat(got.figure()).as(what).isEqualTo(want.figure());
                assertThat(got.period()).as(what).isEqualTo(want.period());
                assertThat(got.numerator()).as(what).isEqualTo(want.numerator());
                assertThat(got.denominator()).as(what).isEqualTo(want.denominator());
                assertThat(got.counted()).as(what).hasSameSizeAs(want.counted());
                assertThat(got.notCounted()).as(what).hasSameSizeAs(want.notCounted());
                assertThat(got.rated()).as(what).hasSameSizeAs(want.rated());
                assertThat(got.breakdown()).as(what).containsExactlyEntriesOf(want.breakdown());
                assertThat(got.fullTimeEquivalents() == null ? null : got.fullTimeEquivalents().stripTrailingZeros())
                        .as(what).isEqualTo(want.fullTimeEquivalents() == null ? null
                                : want.fullTimeEquivalents().stripTrailingZeros());
                assertThat(got.shown()).as(what).isEqualTo(want.shown());
                assertThat(ReportPages.shownAcrossAuthorities(got)).as(what)
                        .isEqualTo(ReportPages.shownAcrossAuthorities(want));
            }
        });
    }

    @Test
    @DisplayName("every figure of every period, worked out and then read back from the kept rows, equals the same "
            + "figure counted fact by fact")
    void keptTotalsEqualTheFiguresCountedFactByFact() {
        history();
        // the history is not trivial: figures of both authorities count something, and something is left out
        Map<String, List<FigureResult>> exact = tables.queries.byAuthority(YEAR, BOTH, AuthorityTotals.AS_IT_STANDS);
        assertThat(exact.get("DEMO-N").stream().mapToLong(FigureResult::numerator).sum()).isGreaterThan(5);
        assertThat(exact.get("DEMO-S").stream().mapToLong(FigureResult::numerator).sum()).isGreaterThan(5);
        assertThat(exact.get("DEMO-N").stream().filter(r -> !r.notCounted().isEmpty())).isNotEmpty();
        assertThat(exact.get("DEMO-N").stream().filter(r -> r.fullTimeEquivalents() != null
                && r.fullTimeEquivalents().signum() > 0)).isNotEmpty();

        assertThat(agreeEverywhere()).hasSize(PERIODS.size() * 2);
        assertThat(agreeEverywhere()).as("the second time every period is read from the kept rows").isEmpty();
    }

    @Test
    @DisplayName("the kept rows are what is shown until a fact of the authority changes; then only that authority is "
            + "worked out again")
    void aKeptRowIsShownUntilItsAuthorityChanges() {
        history();
        agreeEverywhere();
        tables.jdbc.sql("UPDATE report_authority_figure SET counted = 999 WHERE figure_id = 'lac-reviews-held'")
                .update();
        assertThat(tables.totals.byAuthority(YEAR, BOTH).byAuthority().get("DEMO-S").get(0).numerator())
                .as("read from the kept rows").isEqualTo(999);

        tables.review("B", "period-B", "review-B3", LocalDate.of(2025, 10, 8), ParticipationCode.PN0, "chair.brown");
        AuthorityTotals.Totals after = tables.totals.byAuthority(YEAR, BOTH);
        assertThat(after.workedOut()).containsExactly("DEMO-N");
        assertThat(after.byAuthority().get("DEMO-N").get(0).numerator()).isEqualTo(5);
        assertThat(after.byAuthority().get("DEMO-S").get(0).numerator()).as("DEMO-S is still its kept row")
                .isEqualTo(999);
    }

    @Test
    @DisplayName("after each kind of change the figures read, the kept totals are worked out again and agree: a "
            + "fact, a correction, a date of birth, a chair's hours, a destroyed record")
    void everyKindOfChangeIsSeen() {
        history();
        agreeEverywhere();

        tables.completed("A", "action-3", LocalDate.of(2025, 10, 20));
        assertThat(agreeEverywhere()).contains("2025-26 DEMO-N").noneMatch(a -> a.endsWith("DEMO-S"));

        tables.reviewDateCorrected("C", "review-C1", LocalDate.of(2025, 5, 1), LocalDate.of(2025, 4, 20),
                ReportTables.noon(LocalDate.of(2026, 6, 1)));
        assertThat(agreeEverywhere()).contains("2025-26 DEMO-S");

        tables.projection.on(new BirthRecorded("G", LocalDate.of(2026, 1, 10)));
        assertThat(agreeEverywhere()).contains("2025-26 DEMO-S", "2025-26-Q4 DEMO-S")
                .noneMatch(a -> a.endsWith("DEMO-N"));

        tables.workingHours("chair.brown", LocalDate.of(2025, 1, 1), "30", "37",
                ReportTables.noon(LocalDate.of(2026, 2, 1)));
        assertThat(agreeEverywhere()).as("a chair's hours count wherever they chair").hasSize(PERIODS.size() * 2);

        for (String deletion : List.of("DELETE FROM report_correction WHERE child_id = 'D'",
                "DELETE FROM report_fact WHERE child_id = 'D'", "DELETE FROM report_child WHERE child_id = 'D'")) {
            tables.jdbc.sql(deletion).update();
        }
        assertThat(agreeEverywhere()).contains("2025-26 DEMO-S").noneMatch(a -> a.endsWith("DEMO-N"));
    }

    @Test
    @DisplayName("a change committed while the totals were worked out, unseen by their snapshot, makes them worked "
            + "out again however late it commits")
    void aChangeTheSnapshotDidNotSeeIsNotMissed() throws SQLException {
        history();
        try (Connection other = database.dataSource().getConnection();
                Statement statement = other.createStatement()) {
            other.setAutoCommit(false);
            statement.executeUpdate("""
                    INSERT INTO report_fact (fact_id, kind, child_id, local_authority, happened_on, recorded_at)
                    VALUES ('LAC_REVIEW:late', 'LAC_REVIEW', 'B', 'DEMO-N', DATE '2025-11-11', now())
                    """);
            AuthorityTotals.Totals before = tables.totals.byAuthority(YEAR, BOTH);
            assertThat(before.byAuthority().get("DEMO-N").get(0).numerator()).isEqualTo(4);
            other.commit();
        }
        AuthorityTotals.Totals after = tables.totals.byAuthority(YEAR, BOTH);
        assertThat(after.workedOut()).containsExactly("DEMO-N");
        assertThat(after.byAuthority().get("DEMO-N").get(0).numerator()).isEqualTo(5);
        agree(after.byAuthority(), tables.queries.byAuthority(YEAR, BOTH, AuthorityTotals.AS_IT_STANDS), YEAR);
    }

    @Test
    @DisplayName("a reader of one authority is given the report from the kept totals, every line (the period and the "
            + "one before) and the corrections since equal to the report counted fact by fact, before and after a "
            + "change")
    void theReportOfOneAuthorityFromTheKeptTotalsEqualsTheReportCountedFactByFact() {
        history();
        for (String authority : BOTH.authorities()) {
            Scope one = BOTH.within(authority);
            for (ReportPeriod period : PERIODS) {
                sameReport(one, period);
            }
        }
        assertThat(tables.totals.report(YEAR, BOTH.within("DEMO-N"), Instant.now()).correctionsSince())
                .as("the correction recorded after the year closed").hasSize(1);

        tables.review("B", "period-B", "review-B3", LocalDate.of(2025, 10, 8), ParticipationCode.PN0, "chair.brown");
        sameReport(BOTH.within("DEMO-N"), YEAR);
        assertThat(tables.totals.report(YEAR, BOTH.within("DEMO-N"), Instant.now()).lines().get(0)
                .current().numerator()).as("the review just recorded").isEqualTo(5);
        assertThatIllegalArgumentException()
                .isThrownBy(() -> tables.totals.report(YEAR, BOTH, Instant.now()));
    }

    private void sameReport(Scope one, ReportPeriod period) {
        Instant now = Instant.now();
        Report kept = tables.totals.report(period, one, now);
        Report exact = tables.queries.report(period, ReportQueries.Filter.of(one), now);
        String authority = one.authorities().get(0);
        assertThat(kept.period()).isEqualTo(exact.period());
        assertThat(kept.recordedBy()).isEqualTo(exact.recordedBy());
        assertThat(kept.correctionsSince()).isEqualTo(exact.correctionsSince());
        agree(Map.of(authority, kept.lines().stream().map(Report.Line::current).toList()),
                Map.of(authority, exact.lines().stream().map(Report.Line::current).toList()), period);
        agree(Map.of(authority, kept.lines().stream().map(Report.Line::previous).toList()),
                Map.of(authority, exact.lines().stream().map(Report.Line::previous).toList()), period.previous());
    }
}
