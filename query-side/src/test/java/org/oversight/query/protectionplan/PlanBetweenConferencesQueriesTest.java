package org.oversight.query.protectionplan;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.oversight.events.protection.CategoryOfAbuse;
import org.oversight.events.protection.ConferenceDateCorrected;
import org.oversight.events.protection.CoreGroupMeetingHeld;
import org.oversight.events.protection.CoreGroupMeetingHeld.ActionProgress;
import org.oversight.events.protection.CoreGroupMeetingHeld.Progress;
import org.oversight.events.protection.PlanMidwayFinding;
import org.oversight.events.protection.ProtectionActionAgreed;
import org.oversight.events.protection.ProtectionActionCancelled;
import org.oversight.events.protection.ProtectionActionChanged;
import org.oversight.events.protection.ProtectionActionCompleted;
import org.oversight.events.protection.ProtectionMidwayCheckRecorded;
import org.oversight.events.protection.ProtectionPlanAgreed;
import org.oversight.events.protection.StrategyMeetingDecision;
import org.oversight.events.protection.StrategyMeetingHeld;
import org.oversight.query.calendar.BankHolidays;
import org.oversight.query.calendar.WorkingDayCalendar;
import org.oversight.query.clocks.PlanBetweenConferencesClocks;
import org.oversight.query.consistency.ProjectionPositions;
import org.oversight.query.consistency.ProjectionWrites;
import org.oversight.query.protection.ProtectionRecord;
import org.oversight.query.testing.ProjectionDatabase;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What the plan between conferences reads back from its tables, against a real PostgreSQL made by the migrations:
 * the whole record a page shows, and the record as the clocks read it, which leaves out everything no clock uses
 * but must give the same clocks on every day.
 */
class PlanBetweenConferencesQueriesTest {

    private static final String[] MIGRATIONS = {"V3_3__projection_positions_and_protection.sql",
            "V6_20__plan_between_conferences.sql", "V6_21__plan_between_conferences_unbounded.sql"};
    private static final String CHILD = "child-1";
    private static final String OTHER_CHILD = "child-2";
    private static final String JOURNEY = "journey-" + CHILD;
    /** Tuesday 31 March 2026, the initial conference; corrected to Monday 30 March. */
    private static final LocalDate ICPC = LocalDate.of(2026, 3, 31);
    private static final LocalDate CORRECTED = LocalDate.of(2026, 3, 30);
    private static final WorkingDayCalendar CALENDAR = BankHolidays.shipped().toCalendar();

    @RegisterExtension
    static final ProjectionDatabase database = new ProjectionDatabase();

    private PlanBetweenConferencesProjection projection;
    private PlanBetweenConferencesQueries queries;
    private long sequence;

    @BeforeEach
    void freshTables() {
        database.freshSchema(MIGRATIONS);
        JdbcClient jdbc = JdbcClient.create(database.dataSource());
        projection = new PlanBetweenConferencesProjection(jdbc,
                new ProjectionWrites(new JdbcTemplate(database.dataSource())), new ProjectionPositions(jdbc));
        queries = new PlanBetweenConferencesQueries(jdbc);
        sequence = 0;
    }

    @Test
    void theRecordForTheClocksHoldsOnlyTheMeetingsDaysAndTheActionsDatesAndStates() {
        recordAPlanBetweenConferences();

        PlanBetweenConferencesRecord whole = queries.record(CHILD);
        PlanBetweenConferencesRecord forClocks = queries.recordsForClocks(List.of(CHILD)).get(CHILD);

        assertThat(whole.agreements()).hasSize(1);
        assertThat(whole.midwayChecks()).hasSize(1);
        assertThat(whole.strategyMeetings()).hasSize(1);
        assertThat(whole.coreGroups()).extracting(PlanBetweenConferencesRecord.CoreGroup::progressNote)
                .containsExactly("Sleeping at home again", "School attendance up");
        assertThat(whole.actions()).extracting(PlanBetweenConferencesRecord.Action::changes).containsExactly(1, 0, 0);
        assertThat(whole.actions()).extracting(PlanBetweenConferencesRecord.Action::agreedOn)
                .containsOnly(CORRECTED);
        assertThat(forClocks).isEqualTo(asTheClocksReadIt(whole));
    }

    @Test
    void theClocksFromTheRecordForTheClocksAreThoseOfTheWholeRecordOnEveryDay() {
        recordAPlanBetweenConferences();
        ProtectionRecord plan = new ProtectionRecord(List.of(), List.of(), List.of(new ProtectionRecord.Plan("plan-1",
                CORRECTED, CategoryOfAbuse.NEG, CategoryOfAbuse.NEG, 0, null, 0, LocalDate.of(2026, 9, 14),
                "NO_LONGER_AT_RISK")), List.of());
        PlanBetweenConferencesRecord whole = queries.record(CHILD);
        PlanBetweenConferencesRecord forClocks = queries.recordsForClocks(List.of(CHILD)).get(CHILD);

        int compared = 0;
        for (LocalDate day = CORRECTED.minusDays(1); day.isBefore(LocalDate.of(2026, 10, 1)); day = day.plusDays(1)) {
            var fromWhole = PlanBetweenConferencesClocks.clocks(plan, whole, CALENDAR, day);
            assertThat(PlanBetweenConferencesClocks.clocks(plan, forClocks, CALENDAR, day)).as("on %s", day)
                    .isEqualTo(fromWhole);
            compared += fromWhole.size();
        }
        assertThat(compared).as("clocks compared over the days").isGreaterThan(500);
    }

    @Test
    void eachChildHasItsOwnRecordAndAChildWithNoneAnEmptyOne() {
        recordAPlanBetweenConferences();
        projection.on(new CoreGroupMeetingHeld(OTHER_CHILD, "meeting-9", "plan-9", LocalDate.of(2026, 5, 1),
                List.of("Health visitor"), List.of(), "First meeting"), "journey-" + OTHER_CHILD, 0);

        Map<String, PlanBetweenConferencesRecord> records = queries.recordsForClocks(
                List.of(CHILD, OTHER_CHILD, "child-none", CHILD));

        assertThat(records).containsOnlyKeys(CHILD, OTHER_CHILD, "child-none");
        assertThat(records.get(CHILD).coreGroups()).extracting(PlanBetweenConferencesRecord.CoreGroup::planId)
                .containsOnly("plan-1").hasSize(2);
        assertThat(records.get(OTHER_CHILD).coreGroups()).extracting(PlanBetweenConferencesRecord.CoreGroup::heldOn)
                .containsExactly(LocalDate.of(2026, 5, 1));
        assertThat(records.get(OTHER_CHILD).actions()).isEmpty();
        assertThat(records.get("child-none").empty()).isTrue();
    }

    /** The whole record with what the clocks do not read left out, as {@code recordsForClocks} should read it. */
    private static PlanBetweenConferencesRecord asTheClocksReadIt(PlanBetweenConferencesRecord whole) {
        return new PlanBetweenConferencesRecord(List.of(),
                whole.actions().stream().map(a -> new PlanBetweenConferencesRecord.Action(null, a.planId(), null, null,
                        null, a.dueOn(), a.agreedOn(), a.state(), a.completedOn(), a.cancelledOn(), 0, null)).toList(),
                whole.coreGroups().stream().map(c -> new PlanBetweenConferencesRecord.CoreGroup(null, c.planId(),
                        c.heldOn(), List.of(), List.of(), null)).toList(),
                List.of(), List.of());
    }

    /**
     * A plan agreed at the initial conference with three actions (one changed and done, one cancelled, one left
     * open), two core group meetings, a midway check, the strategy meeting before it and the conference's date
     * corrected, which moves the agreement and the actions with it.
     */
    private void recordAPlanBetweenConferences() {
        projection.on(new StrategyMeetingHeld(CHILD, "strategy-1", LocalDate.of(2026, 3, 10),
                List.of("Police", "School"), StrategyMeetingDecision.SECTION_47_ENQUIRY, "enquiry-1"), JOURNEY, next());
        projection.on(new ProtectionPlanAgreed(CHILD, "plan-1", "conference-1", ICPC,
                List.of("Safe sleeping at home", "Regular school attendance"), "Family network care"), JOURNEY, next());
        projection.on(new ProtectionActionAgreed(CHILD, "action-1", "plan-1", "conference-1", "Parenting course",
                "Social worker", LocalDate.of(2026, 5, 29), ICPC), JOURNEY, next());
        projection.on(new ProtectionActionAgreed(CHILD, "action-2", "plan-1", "conference-1", "Home safety check",
                "Health visitor", LocalDate.of(2026, 4, 30), ICPC), JOURNEY, next());
        projection.on(new ProtectionActionAgreed(CHILD, "action-3", "plan-1", "conference-1", "School attendance plan",
                "School", LocalDate.of(2026, 6, 30), ICPC), JOURNEY, next());
        projection.on(new CoreGroupMeetingHeld(CHILD, "meeting-1", "plan-1", LocalDate.of(2026, 4, 14),
                List.of("School", "Health visitor"), List.of(new ActionProgress("action-1", Progress.ON_TRACK),
                        new ActionProgress("action-2", Progress.DELAYED)), "Sleeping at home again"), JOURNEY, next());
        projection.on(new ProtectionActionChanged(CHILD, "action-1", "Parenting course, evenings", "Family support",
                LocalDate.of(2026, 6, 12), "Course moved to evenings", LocalDate.of(2026, 4, 20)), JOURNEY, next());
        projection.on(new ProtectionActionCancelled(CHILD, "action-2", LocalDate.of(2026, 4, 22),
                "Check no longer needed"), JOURNEY, next());
        projection.on(new ProtectionMidwayCheckRecorded(CHILD, "plan-1", LocalDate.of(2026, 5, 6),
                PlanMidwayFinding.CONCERNS_NOTED, "Team manager"), JOURNEY, next());
        projection.on(new CoreGroupMeetingHeld(CHILD, "meeting-2", "plan-1", LocalDate.of(2026, 5, 27),
                List.of("School"), List.of(new ActionProgress("action-1", Progress.ON_TRACK)),
                "School attendance up"), JOURNEY, next());
        projection.on(new ProtectionActionCompleted(CHILD, "action-1", LocalDate.of(2026, 6, 10)), JOURNEY, next());
        projection.on(new ConferenceDateCorrected(CHILD, "conference-1", ICPC, CORRECTED, "Typed the wrong day"));
    }

    private long next() {
        return sequence++;
    }
}
