package org.oversight.query.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.oversight.events.lookedafter.ParticipationCode;
import org.oversight.events.lookedafter.PermanencePlan;
import org.oversight.events.lookedafter.PrivateConversation;
import org.oversight.events.protection.CategoryOfAbuse;
import org.oversight.events.protection.ConferenceOutcome;
import org.oversight.events.protection.ConferencePaper;
import org.oversight.events.protection.ConferenceType;
import org.oversight.query.testing.ProjectionDatabase;

/**
 * The report's writes are queued for the batch and its reads send the queue first: applied in batches, as a
 * processor applies them, the same events must leave every report table as applied one at a time. A write lost
 * from the queue, sent twice, sent out of order or not seen by a later read in the batch leaves a row different.
 */
class ReportBatchTest {

    private static final List<String> TABLES = List.of("report_child", "report_fact", "report_correction",
            "report_timescale", "report_working_hours");

    @RegisterExtension
    static final ProjectionDatabase database = new ProjectionDatabase();

    @Test
    @DisplayName("a whole history applied in one batch leaves the same rows as applied event by event")
    void oneBatch() {
        Map<String, List<String>> alone = rows(applied(0));
        assertThat(alone.get("report_fact")).hasSizeGreaterThan(40);
        assertThat(rows(applied(Integer.MAX_VALUE))).isEqualTo(alone);
    }

    @Test
    @DisplayName("the same history in batches of 1, 2, 3 and 7 events leaves the same rows as event by event")
    void severalBatches() {
        Map<String, List<String>> alone = rows(applied(0));
        for (int size : new int[] {1, 2, 3, 7}) {
            assertThat(rows(applied(size))).as("batches of %d", size).isEqualTo(alone);
        }
    }

    @Test
    @DisplayName("a batch applied twice, as after a restart before its position was kept, changes nothing")
    void appliedTwice() {
        Map<String, List<String>> once = rows(applied(Integer.MAX_VALUE));
        inBatches(ReportTables.fresh(database), Integer.MAX_VALUE);
        inBatches(ReportTables.again(database), 5);
        assertThat(rows(ReportTables.again(database))).isEqualTo(once);
    }

    /** Batches of {@code size} events, each in a unit of work as a processor's; 0 for no unit of work at all. */
    private static ReportTables applied(int size) {
        ReportTables tables = ReportTables.fresh(database);
        inBatches(tables, size);
        return tables;
    }

    private static void inBatches(ReportTables tables, int size) {
        List<Consumer<ReportTables>> steps = history();
        if (size == 0) {
            steps.forEach(step -> step.accept(tables));
            return;
        }
        for (int from = 0; from < steps.size(); from += size) {
            List<EventMessage<Integer>> batch = new ArrayList<>();
            for (int i = from; i < Math.min(steps.size(), from + size); i++) {
                batch.add(GenericEventMessage.asEventMessage(i));
            }
            // the task runs once for each message, as a processor applies each event of its batch
            new BatchingUnitOfWork<>(batch).execute(() -> steps
                    .get((Integer) CurrentUnitOfWork.get().getMessage().getPayload()).accept(tables));
        }
    }

    /**
     * Two children looked after and three in child protection: reviews held, one's date corrected and its
     * participation, papers sent before and after a change of the local timescales (one change with no later
     * refold of the papers before it), a transfer, changes of IRO, care plan actions, visits, a permanence plan,
     * initial and review conferences and their papers.
     */
    private static List<Consumer<ReportTables>> history() {
        List<Consumer<ReportTables>> steps = new ArrayList<>();
        steps.add(t -> t.child("A", "DEMO-N", LocalDate.of(2012, 5, 5)));
        steps.add(t -> t.child("B", "DEMO-N", LocalDate.of(2023, 6, 1)));
        steps.add(t -> t.iro("A", "chair.brown", LocalDate.of(2025, 6, 2), null));
        steps.add(t -> t.period("A", "period-A", LocalDate.of(2025, 6, 2)));
        steps.add(t -> t.consulted("A", "period-A", LocalDate.of(2025, 6, 20), PrivateConversation.SPOKE_IN_PRIVATE));
        steps.add(t -> t.review("A", "period-A", "review-A1", LocalDate.of(2025, 6, 30), ParticipationCode.PN1,
                "chair.brown"));
        steps.add(t -> t.decisionsSent("A", "review-A1", LocalDate.of(2025, 7, 1)));
        steps.add(t -> t.action("A", "action-1", "review-A1", LocalDate.of(2025, 6, 30), LocalDate.of(2025, 7, 31)));
        steps.add(t -> t.action("A", "action-2", "review-A1", LocalDate.of(2025, 6, 30), LocalDate.of(2025, 8, 31)));
        steps.add(t -> t.reviewTimescales("DEMO-N", LocalDate.of(2025, 4, 1), 2, 10));
        steps.add(t -> t.recordDistributed("A", "review-A1", LocalDate.of(2025, 7, 20)));
        steps.add(t -> t.completed("A", "action-1", LocalDate.of(2025, 7, 25)));
        steps.add(t -> t.visit("A", "period-A", LocalDate.of(2025, 8, 1), "chair.brown"));
        steps.add(t -> t.midway("A", "period-A", LocalDate.of(2025, 8, 15)));
        steps.add(t -> t.iro("A", "iro.ahmed", LocalDate.of(2025, 9, 1), "chair.brown"));
        steps.add(t -> t.completed("A", "action-2", LocalDate.of(2025, 9, 5)));
        steps.add(t -> t.review("A", "period-A", "review-A2", LocalDate.of(2025, 10, 1), ParticipationCode.PN7,
                "iro.ahmed"));
        steps.add(t -> t.decisionsSent("A", "review-A2", LocalDate.of(2025, 10, 3)));
        steps.add(t -> t.reviewDateCorrected("A", "review-A1", LocalDate.of(2025, 6, 30), LocalDate.of(2025, 6, 27),
                ReportTables.noon(LocalDate.of(2025, 10, 10))));
        steps.add(t -> t.participationCorrected("A", "review-A2", ParticipationCode.PN7, ParticipationCode.PN3,
                ReportTables.noon(LocalDate.of(2025, 10, 11))));
        steps.add(t -> t.permanencePlan("A", "period-A", LocalDate.of(2025, 10, 15), PermanencePlan.ADOPTION));
        steps.add(t -> t.action("A", "action-3", "review-A2", LocalDate.of(2025, 10, 1), LocalDate.of(2025, 11, 1)));
        steps.add(t -> t.cancelled("A", "action-3", LocalDate.of(2025, 11, 15)));
        steps.add(t -> t.transfer("A", "DEMO-N", "DEMO-S", LocalDate.of(2025, 12, 1)));
        steps.add(t -> t.review("A", "period-A", "review-A3", LocalDate.of(2026, 1, 5), ParticipationCode.PN1,
                "iro.ahmed"));
        steps.add(t -> t.recordDistributed("A", "review-A3", LocalDate.of(2026, 1, 30)));
        steps.add(t -> t.periodEnded("A", "period-A", LocalDate.of(2026, 2, 1)));

        steps.add(t -> t.period("B", "period-B", LocalDate.of(2025, 1, 1)));
        steps.add(t -> t.iro("B", "chair.brown", LocalDate.of(2025, 1, 1), null));
        steps.add(t -> t.review("B", "period-B", "review-B1", LocalDate.of(2025, 1, 20), ParticipationCode.PN0,
                "chair.brown"));
        steps.add(t -> t.consulted("B", "period-B", LocalDate.of(2025, 4, 5), PrivateConversation.CHILD_REFUSED));
        steps.add(t -> t.review("B", "period-B", "review-B2", LocalDate.of(2025, 4, 10), ParticipationCode.PN0,
                "chair.brown"));
        steps.add(t -> t.decisionsSent("B", "review-B2", LocalDate.of(2025, 4, 11)));
        steps.add(t -> t.reviewTimescales("DEMO-N", LocalDate.of(2025, 4, 1), 3, 12));
        steps.add(t -> t.recordDistributed("B", "review-B2", LocalDate.of(2025, 5, 1)));
        steps.add(t -> t.restrict("B", "chair.brown"));

        steps.add(t -> t.child("D", "DEMO-N", LocalDate.of(2015, 1, 1)));
        steps.add(t -> t.child("F", "DEMO-N", LocalDate.of(2017, 1, 1)));
        steps.add(t -> t.child("G", "DEMO-N", null));
        steps.add(t -> t.strategy("D", "enquiry-D", LocalDate.of(2025, 9, 1)));
        steps.add(t -> t.icpc("D", "icpc-D", ConferenceType.INITIAL, LocalDate.of(2025, 9, 22), "enquiry-D", true,
                ConferenceOutcome.PLAN));
        steps.add(t -> t.paperSent("D", "icpc-D", ConferencePaper.OUTCOME_LETTER, LocalDate.of(2025, 9, 23)));
        steps.add(t -> t.plan("D", "plan-D", LocalDate.of(2025, 9, 22), "icpc-D", CategoryOfAbuse.NEG, 0));
        steps.add(t -> t.conferenceTimescales("DEMO-N", LocalDate.of(2025, 1, 1), 2, 15));
        steps.add(t -> t.paperSent("D", "icpc-D", ConferencePaper.MINUTES, LocalDate.of(2025, 10, 20)));
        steps.add(t -> t.reviewConference("D", "rcpc-D", "plan-D", LocalDate.of(2026, 1, 5), false,
                CategoryOfAbuse.EMO, CategoryOfAbuse.NEG));
        steps.add(t -> t.paperSent("D", "rcpc-D", ConferencePaper.AGENCY_DECISIONS, LocalDate.of(2026, 1, 6)));
        steps.add(t -> t.reviewConference("D", "rcpc-D2", "plan-D", LocalDate.of(2026, 6, 30), true,
                CategoryOfAbuse.EMO, CategoryOfAbuse.EMO));
        // set after the papers, with nothing later refolding them: they keep the timescale they were sent under
        steps.add(t -> t.conferenceTimescales("DEMO-N", LocalDate.of(2025, 1, 1), 4, 20));
        steps.add(t -> t.plan("F", "plan-F1", LocalDate.of(2024, 1, 1), null, CategoryOfAbuse.NEG, 0));
        steps.add(t -> t.planEnded("F", "plan-F1", LocalDate.of(2024, 6, 1)));
        steps.add(t -> t.strategy("F", "enquiry-F", LocalDate.of(2025, 11, 3)));
        steps.add(t -> t.icpc("F", "icpc-F", ConferenceType.INITIAL, LocalDate.of(2025, 11, 10), "enquiry-F", true,
                ConferenceOutcome.PLAN));
        steps.add(t -> t.plan("F", "plan-F2", LocalDate.of(2025, 11, 10), "icpc-F", CategoryOfAbuse.PHY, 1));
        steps.add(t -> t.planEnded("F", "plan-F2", LocalDate.of(2026, 3, 20)));
        steps.add(t -> t.strategy("G", "enquiry-G", LocalDate.of(2025, 11, 20)));
        steps.add(t -> t.icpc("G", "icpc-G", ConferenceType.PRE_BIRTH, LocalDate.of(2025, 12, 1), "enquiry-G", true,
                ConferenceOutcome.PLAN));
        steps.add(t -> t.plan("G", "plan-G", LocalDate.of(2025, 12, 1), "icpc-G", CategoryOfAbuse.SAB, 0));
        steps.add(t -> t.workingHours("iro.ahmed", LocalDate.of(2025, 1, 1), "18.5", "37",
                ReportTables.noon(LocalDate.of(2025, 1, 2))));
        return steps;
    }

    /** Every row of every report table, as text, in order. */
    private static Map<String, List<String>> rows(ReportTables tables) {
        Map<String, List<String>> rows = new LinkedHashMap<>();
        for (String table : TABLES) {
            rows.put(table, tables.jdbc.sql("SELECT t::text FROM " + table + " t ORDER BY 1").query(String.class)
                    .list());
        }
        return rows;
    }
}
