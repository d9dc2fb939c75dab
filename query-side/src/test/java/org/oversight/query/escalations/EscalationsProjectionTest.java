package org.oversight.query.escalations;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.oversight.events.escalation.EscalationPolicy;
import org.oversight.query.access.Scope;
import org.oversight.query.testing.ProjectionDatabase;

/**
 * The escalations projection and what is derived from it when read, against a real PostgreSQL: the dashboard's
 * quarters, overdue responses on a fixed day, working days to resolution across bank holidays, the lists behind
 * every count, and replays that change nothing.
 */
class EscalationsProjectionTest {

    private static final String TM = "TEAM_MANAGER";
    private static final String SM = "SERVICE_MANAGER";
    private static final String HOS = "HEAD_OF_SERVICE";
    private static final String DCS = "DIRECTOR_OF_CHILDRENS_SERVICES";

    /** A QA lead of Northmoor, where the tables' escalations are raised unless a test says otherwise. */
    private static final Scope NORTH = new Scope("qa.north", List.of("DEMO-N"), false);

    @RegisterExtension
    static final ProjectionDatabase database = new ProjectionDatabase();

    private EscalationTables tables;

    @BeforeEach
    void emptyTables() {
        tables = EscalationTables.fresh(database);
    }

    @Test
    @DisplayName("quarters are England's financial quarters: 31 Mar | 1 Apr changes the year, 30 Jun | 1 Jul and "
            + "31 Dec | 1 Jan change the quarter")
    void raisedCountsFallInTheFinancialQuarterOfTheDayRaised() {
        tables.raise("escalation-1", LocalDate.of(2025, 3, 31), TM, "PERMANENCE", "chair.brown");
        tables.raise("escalation-2", LocalDate.of(2025, 4, 1), TM, "PERMANENCE", "chair.brown");
        tables.raise("escalation-3", LocalDate.of(2025, 6, 30), TM, "PERMANENCE", "chair.brown");
        tables.raise("escalation-4", LocalDate.of(2025, 7, 1), TM, "PERMANENCE", "chair.brown");
        tables.raise("escalation-5", LocalDate.of(2025, 12, 31), TM, "PERMANENCE", "chair.brown");
        tables.raise("escalation-6", LocalDate.of(2026, 1, 1), TM, "PERMANENCE", "chair.brown");
        tables.resolve("escalation-1", TM, LocalDate.of(2025, 4, 1), true);

        Dashboard.Table quarters = dashboardOn(LocalDate.of(2026, 2, 16), "raisedFrom", "2025-01-01")
                .table("by-quarter");

        assertThat(quarters.rows()).extracting(Dashboard.Row::key)
                .containsExactly("2024-25-Q4", "2025-26-Q1", "2025-26-Q2", "2025-26-Q3", "2025-26-Q4");
        assertThat(quarters.rows()).extracting(r -> r.cell("raised").value()).containsExactly(1L, 2L, 1L, 1L, 1L);
        assertThat(quarters.rows()).extracting(r -> r.cell("resolved").value()).containsExactly(0L, 1L, 0L, 0L, 0L);
        assertThat(quarters.row("2024-25-Q4").label()).isEqualTo("Q4 2024–25 (January to March 2025)");
        assertThat(quarters.row("2025-26-Q1").cell("raised").drill())
                .isEqualTo("raisedFrom=2025-01-01&raisedQuarter=2025-26-Q1");
    }

    @Test
    @DisplayName("raised Mon 2 Feb 2026 at team manager, 5 working days to respond: due Mon 9 Feb; overdue from "
            + "Tue 10 Feb; a response stops it; a rejection does not restart the deadline; a move up does")
    void aResponseIsOverdueOnceTheLevelsResponseTimeHasPassed() {
        tables.raise("escalation-o", LocalDate.of(2026, 2, 2), TM, "HEALTH", "iro.okafor");

        assertThat(timeliness("escalation-o", LocalDate.of(2026, 2, 9)).responseDue().date())
                .isEqualTo(LocalDate.of(2026, 2, 9));
        assertThat(timeliness("escalation-o", LocalDate.of(2026, 2, 9)).responseOverdue()).isFalse();
        Timeliness late = timeliness("escalation-o", LocalDate.of(2026, 2, 10));
        assertThat(late.responseOverdue()).isTrue();
        assertThat(late.workingDaysResponseOverdue()).isEqualTo(1);
        assertThat(dashboardOn(LocalDate.of(2026, 2, 10)).headline().overdueResponses().value()).isEqualTo(1L);

        tables.respond("escalation-o", TM, LocalDate.of(2026, 2, 11));
        assertThat(timeliness("escalation-o", LocalDate.of(2026, 2, 12)).responseOverdue()).isFalse();

        tables.reject("escalation-o", TM, LocalDate.of(2026, 2, 12));
        assertThat(timeliness("escalation-o", LocalDate.of(2026, 2, 12)).responseOverdue()).isTrue();

        tables.moveUp("escalation-o", TM, SM, LocalDate.of(2026, 2, 13));
        Timeliness moved = timeliness("escalation-o", LocalDate.of(2026, 2, 16));
        assertThat(moved.responseDue().date()).isEqualTo(LocalDate.of(2026, 2, 20));
        assertThat(moved.responseOverdue()).isFalse();
    }

    @Test
    @DisplayName("raised Thu 2 Apr 2026: Good Friday and Easter Monday do not count, so a response is due Mon 13 Apr "
            + "and overdue on Tue 14 Apr")
    void responseTimeSkipsBankHolidays() {
        tables.raise("escalation-e", LocalDate.of(2026, 4, 2), HOS, "PLACEMENT", "chair.brown");

        assertThat(timeliness("escalation-e", LocalDate.of(2026, 4, 13)).responseDue().date())
                .isEqualTo(LocalDate.of(2026, 4, 13));
        assertThat(timeliness("escalation-e", LocalDate.of(2026, 4, 13)).responseOverdue()).isFalse();
        assertThat(timeliness("escalation-e", LocalDate.of(2026, 4, 14)).responseOverdue()).isTrue();
    }

    @Test
    @DisplayName("an informal alert has no response deadline and is never overdue")
    void anInformalAlertIsNeverOverdue() {
        tables.raise("escalation-i", LocalDate.of(2025, 1, 6), null, "CONTACT", "iro.okafor");

        Timeliness alert = timeliness("escalation-i", LocalDate.of(2026, 2, 16));
        assertThat(alert.responseDue()).isNull();
        assertThat(alert.responseOverdue()).isFalse();
        assertThat(alert.formalProcessDue()).isNull();
        assertThat(alert.ageBand()).isEqualTo(AgeBand.OVER_20);
    }

    @Test
    @DisplayName("time to resolution counts working days: Thu 28 Mar 2024 to Wed 10 Apr 2024 is 7 over Easter; "
            + "Tue 23 Dec 2025 to Fri 2 Jan 2026 is 5 over Christmas and New Year; the median of 5, 7 and 21 is 7")
    void timeToResolutionIsInWorkingDaysAcrossBankHolidays() {
        tables.raise("escalation-a", LocalDate.of(2024, 3, 28), TM, "PERMANENCE", "chair.brown");
        tables.moveUp("escalation-a", TM, SM, LocalDate.of(2024, 4, 2));
        tables.resolve("escalation-a", SM, LocalDate.of(2024, 4, 10), true);
        tables.raise("escalation-b", LocalDate.of(2025, 12, 23), SM, "HEALTH", "iro.okafor");
        tables.resolve("escalation-b", SM, LocalDate.of(2026, 1, 2), false);
        tables.raise("escalation-c", LocalDate.of(2025, 1, 2), TM, "EDUCATION", "iro.okafor");
        tables.resolve("escalation-c", TM, LocalDate.of(2025, 1, 31), true);

        LocalDate today = LocalDate.of(2026, 2, 16);
        assertThat(timeliness("escalation-a", today).workingDaysToResolution()).isEqualTo(7);
        assertThat(timeliness("escalation-a", today).resolvedWithinTarget()).isTrue();
        assertThat(timeliness("escalation-b", today).workingDaysToResolution()).isEqualTo(5);
        assertThat(timeliness("escalation-c", today).workingDaysToResolution()).isEqualTo(21);
        assertThat(timeliness("escalation-c", today).resolvedWithinTarget()).as("21 working days").isFalse();

        Dashboard dashboard = dashboardOn(today);
        assertThat(dashboard.headline().medianWorkingDaysToResolution().value()).isEqualTo(7.0);
        assertThat(dashboard.headline().resolvedWithinTarget().value()).isEqualTo(66.7);
        assertThat(dashboard.headline().resolvedWithinTarget().text()).isEqualTo("67%");
        Dashboard.Table resolution = dashboard.table("time-to-resolution");
        assertThat(resolution.row(SM).cell("resolved").value()).isEqualTo(2L);
        assertThat(resolution.row(SM).cell("median").value()).isEqualTo(6.0);
        assertThat(resolution.row(TM).cell("withinTarget").value()).isEqualTo(0L);
        Dashboard.Table outcomes = dashboard.table("outcomes");
        assertThat(outcomes.row("in-childs-interest").cell("escalations").value()).isEqualTo(2L);
        assertThat(outcomes.row("not-in-childs-interest").cell("escalations").value()).isEqualTo(1L);
    }

    @Test
    @DisplayName("the dashboard counts open escalations by level and age, and by category, team and chair")
    void theDashboardCountsByLevelAgeCategoryTeamAndChair() {
        LocalDate today = LocalDate.of(2026, 2, 16);
        tables.raise("escalation-1", LocalDate.of(2026, 2, 13), TM, "PERMANENCE", "chair.brown");
        tables.raise("escalation-2", LocalDate.of(2026, 1, 5), null, "PERMANENCE", "iro.okafor");
        tables.moveUp("escalation-2", null, HOS, LocalDate.of(2026, 1, 12));
        tables.raise("escalation-3", LocalDate.of(2026, 1, 5), TM, "HEALTH", "iro.nobody");
        tables.moveUp("escalation-3", TM, DCS, LocalDate.of(2026, 1, 6), SM, HOS);
        tables.referToCafcass("escalation-3", LocalDate.of(2026, 1, 7));
        tables.raise("escalation-4", LocalDate.of(2026, 2, 2), null, "CONTACT", "chair.brown");
        tables.withdraw("escalation-4", LocalDate.of(2026, 2, 3));

        Dashboard dashboard = dashboardOn(today);

        Dashboard.Headline headline = dashboard.headline();
        assertThat(headline.raised().value()).isEqualTo(4L);
        assertThat(headline.open().value()).isEqualTo(3L);
        assertThat(headline.overdueResponses().value()).as("escalations 2 and 3").isEqualTo(2L);
        assertThat(headline.pastFormalProcessTarget().value()).as("formal since 5 and 12 Jan: due 2 and 9 Feb")
                .isEqualTo(2L);
        assertThat(headline.withdrawn().value()).isEqualTo(1L);
        assertThat(headline.cafcassReferrals().value()).isEqualTo(1L);
        Dashboard.Table levels = dashboard.table("by-level");
        assertThat(levels.rows()).extracting(Dashboard.Row::key)
                .containsExactly(EscalationPolicy.INFORMAL, TM, SM, HOS, DCS);
        assertThat(levels.rows()).extracting(r -> r.cell("open").value()).containsExactly(0L, 1L, 0L, 1L, 1L);
        assertThat(levels.row(EscalationPolicy.INFORMAL).label()).isEqualTo("Informal alert");
        assertThat(levels.row(DCS).label()).isEqualTo("Director of children's services");
        assertThat(dashboard.table("by-age").rows()).extracting(r -> r.cell("open").value())
                .containsExactly(1L, 0L, 0L, 2L);
        Dashboard.Table categories = dashboard.table("by-category");
        assertThat(categories.rows()).extracting(Dashboard.Row::key)
                .containsExactly("HEALTH", "CONTACT", "PERMANENCE");
        assertThat(categories.row("PERMANENCE").cell("raised").value()).isEqualTo(2L);
        Dashboard.Table teams = dashboard.table("by-team");
        assertThat(teams.rows()).extracting(Dashboard.Row::key).containsExactly("North IRO team", "South IRO team");
        assertThat(teams.row("North IRO team").cell("withdrawn").value()).isEqualTo(1L);
        assertThat(teams.note()).contains("no team recorded");
        Dashboard.Table chairs = dashboard.table("by-chair");
        assertThat(chairs.row("iro.okafor").cell("overdue").value()).isEqualTo(1L);
        assertThat(chairs.row("iro.okafor").label()).isEqualTo("iro okafor");
        assertThat(dashboard.table("cafcass").row("open").cell("escalations").value()).isEqualTo(1L);
        assertThat(tables.queriesOn(today).record("escalation-3").orElseThrow().summary().progress().levelsSkipped())
                .isEqualTo(2);
    }

    @Test
    @DisplayName("every count on the dashboard is the length of the list behind it")
    void everyCountIsTheLengthOfItsList() {
        LocalDate today = LocalDate.of(2026, 2, 16);
        tables.raise("escalation-1", LocalDate.of(2025, 3, 31), TM, "PERMANENCE", "chair.brown");
        tables.resolve("escalation-1", TM, LocalDate.of(2025, 4, 2), true);
        tables.raise("escalation-2", LocalDate.of(2025, 9, 1), null, "HEALTH", "iro.okafor");
        tables.moveUp("escalation-2", null, SM, LocalDate.of(2025, 9, 3));
        tables.referToCafcass("escalation-2", LocalDate.of(2025, 9, 4));
        tables.raise("escalation-3", LocalDate.of(2026, 2, 10), SM, "HEALTH", "iro.okafor");
        tables.withdraw("escalation-3", LocalDate.of(2026, 2, 11));
        tables.raise("escalation-4", LocalDate.of(2026, 1, 12), HOS, "PLACEMENT", "iro.ahmed");
        tables.respond("escalation-4", HOS, LocalDate.of(2026, 1, 14));

        EscalationReports reports = tables.reportsOn(today);
        for (Dashboard dashboard : List.of(reports.dashboard(EscalationCriteria.none(), NORTH),
                reports.dashboard(criteria("team", "South IRO team", "raisedFrom", "2025-04-01"), NORTH))) {
            for (Dashboard.Table table : dashboard.tables()) {
                for (Dashboard.Row row : table.rows()) {
                    row.cells().forEach((column, cell) -> {
                        if (cell.drill() != null && cell.value() instanceof Long count) {
                            assertThat(reports.list(criteria(cell.drill()), NORTH)).as(table.id() + " " + row.key() + " "
                                    + column).hasSize(count.intValue());
                        }
                    });
                }
            }
        }
    }

    @Test
    @DisplayName("applying every event twice, and all of them again afterwards, leaves the same rows as once")
    void replayingEventsRewritesTheSameRows() {
        tables.child("child-1", "Robin", "Test");
        tables.raise("escalation-r", LocalDate.of(2026, 1, 5), null, "PERMANENCE", "chair.brown", "child-1",
                "child-2");
        tables.moveUp("escalation-r", null, TM, LocalDate.of(2026, 1, 6));
        tables.respond("escalation-r", TM, LocalDate.of(2026, 1, 7));
        tables.reject("escalation-r", TM, LocalDate.of(2026, 1, 8));
        tables.moveUp("escalation-r", TM, DCS, LocalDate.of(2026, 1, 9), SM, HOS);
        tables.referToCafcass("escalation-r", LocalDate.of(2026, 1, 9));
        tables.respond("escalation-r", DCS, LocalDate.of(2026, 1, 12));
        tables.resolve("escalation-r", DCS, LocalDate.of(2026, 1, 13), true);
        List<String> once = tables.rows();

        tables.projection.reset();
        assertThat(tables.rows()).isEmpty();
        for (EscalationTables.Applied event : tables.applied()) {
            tables.deliver(event);
            tables.deliver(event);
        }
        tables.applied().forEach(tables::deliver);

        assertThat(tables.rows()).isEqualTo(once);
        EscalationRecord record = tables.queriesOn(LocalDate.of(2026, 2, 16)).record("escalation-r").orElseThrow();
        assertThat(record.steps()).hasSize(8);
        assertThat(record.summary().children()).extracting(EscalationSummary.Child::name)
                .containsExactly("Robin Test", null);
        EscalationProgress progress = record.summary().progress();
        assertThat(progress.status()).isEqualTo(EscalationStatus.RESOLVED);
        assertThat(progress.level()).isEqualTo(DCS);
        assertThat(progress.formalSince()).isEqualTo(LocalDate.of(2026, 1, 6));
        assertThat(progress.cafcassReferredOn()).isEqualTo(LocalDate.of(2026, 1, 9));
        assertThat(tables.queriesOn(LocalDate.of(2026, 2, 16)).ofChild("child-2", NORTH)).hasSize(1);
    }

    @Test
    @DisplayName("applied in batches, as a processor applies them, the events leave the same rows as one by one")
    void batchesLeaveTheSameRows() {
        tables.child("child-1", "Robin", "Test");
        tables.raise("escalation-b", LocalDate.of(2026, 1, 5), null, "PERMANENCE", "chair.brown", "child-1");
        tables.moveUp("escalation-b", null, TM, LocalDate.of(2026, 1, 6));
        tables.respond("escalation-b", TM, LocalDate.of(2026, 1, 7));
        tables.reject("escalation-b", TM, LocalDate.of(2026, 1, 8));
        tables.moveUp("escalation-b", TM, DCS, LocalDate.of(2026, 1, 9), SM, HOS);
        tables.respond("escalation-b", DCS, LocalDate.of(2026, 1, 12));
        tables.resolve("escalation-b", DCS, LocalDate.of(2026, 1, 13), true);
        List<String> once = tables.rows();
        List<EscalationTables.Applied> events = tables.applied();

        for (int size : new int[] {events.size(), 2, 3}) {
            tables.projection.reset();
            for (int from = 0; from < events.size(); from += size) {
                List<org.axonframework.eventhandling.EventMessage<Integer>> batch = new java.util.ArrayList<>();
                for (int i = from; i < Math.min(events.size(), from + size); i++) {
                    batch.add(org.axonframework.eventhandling.GenericEventMessage.asEventMessage(i));
                }
                // the task runs once for each message, as a processor applies each event of its batch
                new org.axonframework.messaging.unitofwork.BatchingUnitOfWork<>(batch).execute(() -> tables.deliver(
                        events.get((Integer) org.axonframework.messaging.unitofwork.CurrentUnitOfWork.get()
                                .getMessage().getPayload())));
            }
            assertThat(tables.rows()).as("batches of %d", size).isEqualTo(once);
        }
    }

    @Test
    @DisplayName("a list exports as CSV with a header row, only what the list page shows")
    void aListExportsAsCsv() {
        tables.child("child-q", "Ann, \"Annie\"", "O'Neill");
        tables.raise("escalation-q", LocalDate.of(2026, 2, 2), TM, "HEALTH", "iro.okafor", "child-q");

        EscalationReports reports = tables.reportsOn(LocalDate.of(2026, 2, 16));
        String csv = reports.csv(reports.list(EscalationCriteria.none(), NORTH));

        String[] lines = csv.split("\r\n");
        assertThat(lines).hasSize(2);
        assertThat(lines[0]).startsWith("Escalation,Children,Local authority,Concern category,Level,Formal,Status,");
        assertThat(lines[1]).startsWith("escalation-q,\"Ann, \"\"Annie\"\" O'Neill\",Northmoor Council (demo),Health,"
                + "Team manager,Yes,Open,2026-02-02,iro okafor,South IRO team,2026-02-09,Yes,10,,,")
                .doesNotContain("Allocate a social worker");
        String byLevel = reports.csv(reports.dashboard(EscalationCriteria.none(), NORTH).table("by-level"));
        assertThat(byLevel).startsWith("Level,\"Open, at this level\",Open with an overdue response,"
                + "Resolved at this level\r\nInformal alert,0,0,0\r\nTeam manager,1,1,0\r\n");
    }

    @Test
    @DisplayName("a reader of one authority sees none of another's escalations: no count, no row, no filter option")
    void anotherAuthoritysEscalationsAreNeitherCountedNorListed() {
        LocalDate today = LocalDate.of(2026, 2, 16);
        tables.raise("escalation-n", LocalDate.of(2026, 2, 2), TM, "HEALTH", "iro.ahmed");
        tables.raiseIn("DEMO-S", "escalation-s", LocalDate.of(2026, 2, 3), TM, "SOUTHVALE_HOUSING", "iro.okafor");

        EscalationReports reports = tables.reportsOn(today);
        Scope south = new Scope("qa.south", List.of("DEMO-S"), false);

        assertThat(reports.dashboard(EscalationCriteria.none(), NORTH).headline().raised().value()).isEqualTo(1L);
        assertThat(reports.list(EscalationCriteria.none(), NORTH)).extracting(a -> a.escalation().escalationId())
                .containsExactly("escalation-n");
        assertThat(reports.csv(reports.list(EscalationCriteria.none(), NORTH))).doesNotContain("escalation-s");
        assertThat(reports.filterOptions(NORTH).get("chair")).containsOnlyKeys("iro.ahmed");
        assertThat(reports.filterOptions(NORTH).get("category")).doesNotContainKey("SOUTHVALE_HOUSING");
        assertThat(reports.filterOptions(south).get("category")).containsKey("SOUTHVALE_HOUSING");
        assertThat(reports.list(EscalationCriteria.none(), south)).extracting(a -> a.escalation().escalationId())
                .containsExactly("escalation-s");
        assertThat(reports.dashboard(EscalationCriteria.none(), new Scope("nobody", List.of(), false)).headline()
                .raised().value()).isEqualTo(0L);
    }

    @Test
    @DisplayName("an escalation about a restricted child counts in the figures but is listed only to those named")
    void anEscalationAboutARestrictedChildIsCountedButListedOnlyToThePeopleNamed() {
        LocalDate today = LocalDate.of(2026, 2, 16);
        tables.raise("escalation-open", LocalDate.of(2026, 2, 2), TM, "HEALTH", "iro.ahmed", "child-a");
        tables.raise("escalation-kept", LocalDate.of(2026, 2, 3), TM, "HEALTH", "iro.ahmed", "child-b", "child-c");
        tables.restrict("child-c", "qa.named");

        EscalationReports reports = tables.reportsOn(today);
        Scope named = new Scope("qa.named", List.of("DEMO-N"), false);

        assertThat(reports.dashboard(EscalationCriteria.none(), NORTH).headline().raised().value()).isEqualTo(2L);
        assertThat(reports.list(EscalationCriteria.none(), NORTH)).extracting(a -> a.escalation().escalationId())
                .containsExactly("escalation-open");
        assertThat(tables.queriesOn(today).ofChild("child-b", NORTH)).isEmpty();
        assertThat(reports.list(EscalationCriteria.none(), named)).extracting(a -> a.escalation().escalationId())
                .containsExactly("escalation-kept", "escalation-open");
        assertThat(tables.queriesOn(today).ofChild("child-b", named)).hasSize(1);
    }

    private Timeliness timeliness(String escalationId, LocalDate today) {
        return tables.queriesOn(today).record(escalationId).orElseThrow().timeliness();
    }

    private Dashboard dashboardOn(LocalDate today, String... parameters) {
        return tables.reportsOn(today).dashboard(criteria(parameters), NORTH);
    }

    private static EscalationCriteria criteria(String... namesAndValues) {
        Map<String, String> parameters = new HashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            parameters.put(namesAndValues[i], namesAndValues[i + 1]);
        }
        return EscalationCriteria.from(parameters);
    }

    private static EscalationCriteria criteria(String query) {
        Map<String, String> parameters = new HashMap<>();
        for (String pair : query.split("&")) {
            int equals = pair.indexOf('=');
            parameters.put(pair.substring(0, equals),
                    URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
        }
        return EscalationCriteria.from(parameters);
    }
}
