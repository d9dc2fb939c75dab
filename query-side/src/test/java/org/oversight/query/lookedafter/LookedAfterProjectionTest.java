package org.oversight.query.lookedafter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.oversight.events.childcase.ChairAllocated;
import org.oversight.events.childcase.ChairRole;
import org.oversight.events.lookedafter.CarePlanActionAgreed;
import org.oversight.events.lookedafter.CarePlanActionCancelled;
import org.oversight.events.lookedafter.CarePlanActionChanged;
import org.oversight.events.lookedafter.CarePlanActionCompleted;
import org.oversight.events.lookedafter.ChildConsultedBeforeReview;
import org.oversight.events.lookedafter.ConsultationMethod;
import org.oversight.events.lookedafter.PrivateConversation;
import org.oversight.events.lookedafter.EarlyReviewReason;
import org.oversight.events.lookedafter.EarlyReviewRequested;
import org.oversight.events.lookedafter.IroVisitRecorded;
import org.oversight.events.lookedafter.LegalStatus;
import org.oversight.events.lookedafter.LegalStatusChanged;
import org.oversight.events.lookedafter.LookedAfterReviewHeld;
import org.oversight.events.lookedafter.MidwayCheckRecorded;
import org.oversight.events.lookedafter.MidwayFinding;
import org.oversight.events.lookedafter.ParticipationCode;
import org.oversight.events.lookedafter.ParticipationCorrected;
import org.oversight.events.lookedafter.PeriodOfCareEnded;
import org.oversight.events.lookedafter.PeriodOfCareStarted;
import org.oversight.events.lookedafter.PermanencePlan;
import org.oversight.events.lookedafter.PermanencePlanRecorded;
import org.oversight.events.lookedafter.PlacementChanged;
import org.oversight.events.lookedafter.ReasonPeriodEnded;
import org.oversight.events.lookedafter.ReviewDateCorrected;
import org.oversight.events.lookedafter.ReviewRecordDistributed;
import org.oversight.query.consistency.ProjectionPositions;
import org.oversight.query.consistency.ProjectionWrites;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.springframework.jdbc.core.JdbcTemplate;
import org.oversight.query.directory.StaffDirectory;
import org.oversight.query.lookedafter.LookedAfterRecord.ActionStatus;
import org.oversight.query.testing.ProjectionDatabase;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The looked-after projection against a real PostgreSQL whose tables are made by the Flyway migrations
 * themselves; handlers are called directly, as the processor would, without Spring or Axon. What is derived
 * (overdue, current legal status and placement, changes of IRO in the period, consulted before a review) is
 * read through {@link LookedAfterQueries} with a fixed clock.
 */
class LookedAfterProjectionTest {

    private static final String[] MIGRATIONS = {"V3_3__projection_positions_and_protection.sql",
            "V3_5__looked_after.sql", "V3_9__iro_allocations.sql", "V3_10__review_decisions_sent.sql",
            "V5_30__consultation_private_conversation.sql"};
    private static final List<String> TABLES = List.of("looked_after_period", "looked_after_period_change",
            "looked_after_review", "looked_after_review_line", "looked_after_consultation", "looked_after_iro_visit",
            "looked_after_midway_check", "looked_after_early_review_request", "looked_after_action",
            "looked_after_action_change", "looked_after_permanence_plan", "looked_after_correction",
            "looked_after_iro_change", "looked_after_iro_allocation", "projection_position");
    private static final ZoneId ENGLAND = ZoneId.of("Europe/London");

    private static final String CHILD = "child-1";
    private static final String JOURNEY = "care-" + CHILD;
    private static final String PERIOD = "period-1";
    private static final String REVIEW = "review-1";
    private static final LocalDate STARTED = LocalDate.of(2026, 1, 5);
    private static final LocalDate REVIEWED = LocalDate.of(2026, 1, 30);
    private static final LocalDate DUE = LocalDate.of(2026, 2, 20);

    @RegisterExtension
    static final ProjectionDatabase database = new ProjectionDatabase();

    private JdbcClient jdbc;
    private LookedAfterProjection projection;

    @BeforeEach
    void freshTables() {
        database.freshSchema(MIGRATIONS);
        jdbc = JdbcClient.create(database.dataSource());
        projection = new LookedAfterProjection(jdbc,
                new ProjectionWrites(new JdbcTemplate(database.dataSource())), new ProjectionPositions(jdbc));
    }

    /**
     * An event processor hands a projection events in batches, and the projection sends a batch's writes together
     * when the batch commits: in order, so an update still follows the insert of its row within the same batch.
     */
    @Test
    void aWholeJourneyAppliedAsOneBatchLeavesTheSameRowsAsOneEventAtATime() {
        wholeJourney().forEach(event -> event.accept(projection));
        List<String> oneAtATime = allRows();
        freshTables();

        DefaultUnitOfWork<?> batch = DefaultUnitOfWork.startAndGet(null);
        wholeJourney().forEach(event -> event.accept(projection));
        assertThat(allRows()).as("nothing is written before the batch commits").isEmpty();
        batch.commit();

        assertThat(allRows()).isEqualTo(oneAtATime);
    }

    @Test
    void applyingTheSameEventsTwiceLeavesTheSameRows() {
        List<Consumer<LookedAfterProjection>> journey = wholeJourney();
        journey.forEach(event -> event.accept(projection));
        List<String> once = allRows();

        journey.forEach(event -> event.accept(projection));

        assertThat(allRows()).isEqualTo(once);
        assertThat(once).anySatisfy(row -> assertThat(row).startsWith("looked_after_correction|"));
    }

    @Test
    void aResetClearsTheTablesAndItsPositionsAndAReplayRewritesTheSameRows() {
        jdbc.sql("INSERT INTO projection_position (aggregate_id, last_sequence) VALUES ('protection-x', 4)").update();
        wholeJourney().forEach(event -> event.accept(projection));
        List<String> before = allRows();

        projection.reset();
        assertThat(allRows()).containsExactly("projection_position|protection-x|4");

        wholeJourney().forEach(event -> event.accept(projection));
        assertThat(allRows()).isEqualTo(before);
    }

    @Test
    void theJourneysPositionAdvancesButAChairAllocationLeavesTheCaseloadsPositionAlone() {
        wholeJourney().forEach(event -> event.accept(projection));

        ProjectionPositions positions = new ProjectionPositions(jdbc);
        assertThat(positions.position(JOURNEY)).isEqualTo(17);
        assertThat(positions.position(CHILD)).isEqualTo(-1);
    }

    @Test
    void anOpenActionIsOverdueOnlyFromTheDayAfterItIsDue() {
        periodReviewAndAction("action-1", DUE);

        assertThat(statusOn(DUE.minusDays(1))).isEqualTo(ActionStatus.OPEN);
        assertThat(statusOn(DUE)).isEqualTo(ActionStatus.OPEN);
        assertThat(statusOn(DUE.plusDays(1))).isEqualTo(ActionStatus.OVERDUE);
        assertThat(summaryOn(DUE).overdueActions()).isZero();
        assertThat(summaryOn(DUE.plusDays(1)).overdueActions()).isEqualTo(1);
        assertThat(summaryOn(DUE.plusDays(1)).openActions()).isEqualTo(1);
    }

    @Test
    void aCompletedOrCancelledActionIsNeverOverdue() {
        periodReviewAndAction("action-1", DUE);
        projection.on(new CarePlanActionAgreed(CHILD, "action-2", REVIEW, "Arrange contact", "Social worker", DUE,
                REVIEWED), JOURNEY, 3);
        projection.on(new CarePlanActionCompleted(CHILD, "action-1", DUE.plusDays(3)), JOURNEY, 4);
        projection.on(new CarePlanActionCancelled(CHILD, "action-2", DUE.plusDays(3), "No longer needed"), JOURNEY, 5);

        LookedAfterRecord later = queriesOn(DUE.plusDays(30)).record(CHILD);
        assertThat(later.actions()).extracting(LookedAfterRecord.Action::status)
                .containsExactlyInAnyOrder(ActionStatus.COMPLETED, ActionStatus.CANCELLED);
        assertThat(summaryOn(DUE.plusDays(30))).extracting(LookedAfterSummary::openActions,
                LookedAfterSummary::overdueActions).containsExactly(0, 0);
    }

    @Test
    void aChangedDueDateMovesWhenTheActionBecomesOverdue() {
        periodReviewAndAction("action-1", DUE);
        projection.on(new CarePlanActionChanged(CHILD, "action-1", "Book the health assessment", "Health visitor",
                DUE.plusDays(14), "The clinic moved the date", DUE.minusDays(2)), JOURNEY, 3);

        assertThat(statusOn(DUE.plusDays(1))).isEqualTo(ActionStatus.OPEN);
        assertThat(statusOn(DUE.plusDays(15))).isEqualTo(ActionStatus.OVERDUE);
        LookedAfterRecord.Action action = queriesOn(DUE).record(CHILD).actions().get(0);
        assertThat(action.owner()).isEqualTo("Health visitor");
        assertThat(action.changes()).isEqualTo(1);
    }

    @Test
    void theCurrentLegalStatusAndPlacementAreThoseOfThePeriodsLatestChanges() {
        projection.on(new PeriodOfCareStarted(CHILD, PERIOD, STARTED, LegalStatus.V2, "U4"), JOURNEY, 0);
        projection.on(new LegalStatusChanged(CHILD, PERIOD, STARTED.plusDays(10), LegalStatus.V2, LegalStatus.C1),
                JOURNEY, 1);
        projection.on(new PlacementChanged(CHILD, PERIOD, STARTED.plusDays(20), "U4", "U6"), JOURNEY, 2);
        projection.on(new LegalStatusChanged(CHILD, PERIOD, STARTED.plusDays(30), LegalStatus.C1, LegalStatus.C2),
                JOURNEY, 3);

        LookedAfterRecord.Period period = queriesOn(STARTED.plusDays(40)).record(CHILD).currentPeriod().orElseThrow();
        assertThat(period.startLegalStatus()).isEqualTo(LegalStatus.V2);
        assertThat(period.legalStatus()).isEqualTo(LegalStatus.C2);
        assertThat(period.placement()).isEqualTo("U6");
        assertThat(period.changes()).hasSize(3);
    }

    @Test
    void changesOfIroCountFromTheStartOfTheCurrentPeriodOnly() {
        projection.on(new ChairAllocated(CHILD, ChairRole.IRO, "iro.a", "A", STARTED.minusYears(1), null), 1);
        projection.on(new ChairAllocated(CHILD, ChairRole.IRO, "iro.b", "B", STARTED.minusDays(1), "iro.a"), 2);
        projection.on(new PeriodOfCareStarted(CHILD, PERIOD, STARTED, LegalStatus.C2, null), JOURNEY, 0);
        projection.on(new ChairAllocated(CHILD, ChairRole.IRO, "iro.c", "C", STARTED, "iro.b"), 3);
        projection.on(new ChairAllocated(CHILD, ChairRole.CP_CHAIR, "cp.a", "CP", STARTED.plusDays(2), null), 4);
        projection.on(new ChairAllocated(CHILD, ChairRole.CP_CHAIR, "cp.b", "CP", STARTED.plusDays(3), "cp.a"), 5);
        projection.on(new ChairAllocated(CHILD, ChairRole.IRO, "iro.d", "D", STARTED.plusDays(5), "iro.c"), 6);

        assertThat(queriesOn(STARTED.plusDays(10)).record(CHILD).iroChangesInCurrentPeriod()).isEqualTo(2);
        assertThat(summaryOn(STARTED.plusDays(10)).iroChanges()).isEqualTo(2);
    }

    @Test
    void aChildWhosePeriodEndedHasNoCaseloadSummaryAndNoCurrentPeriod() {
        projection.on(new PeriodOfCareStarted(CHILD, PERIOD, STARTED, LegalStatus.C2, null), JOURNEY, 0);
        projection.on(new PeriodOfCareEnded(CHILD, PERIOD, STARTED.plusDays(3), ReasonPeriodEnded.E4A), JOURNEY, 1);

        assertThat(summaryOn(STARTED.plusDays(5))).isNull();
        LookedAfterRecord record = queriesOn(STARTED.plusDays(5)).record(CHILD);
        assertThat(record.currentPeriod()).isEmpty();
        assertThat(record.periods()).singleElement().extracting(LookedAfterRecord.Period::endReason)
                .isEqualTo(ReasonPeriodEnded.E4A);
    }

    @Test
    void aConsultationSinceThePreviousReviewCountsAsConsultedBeforeTheNext() {
        projection.on(new PeriodOfCareStarted(CHILD, PERIOD, STARTED, LegalStatus.C2, null), JOURNEY, 0);
        projection.on(consultation(STARTED.plusDays(2)), JOURNEY, 1);
        projection.on(review("review-1", STARTED.plusDays(10), false), JOURNEY, 2);
        projection.on(review("review-2", STARTED.plusMonths(3), false), JOURNEY, 3);
        projection.on(consultation(STARTED.plusMonths(6)), JOURNEY, 4);
        projection.on(review("review-3", STARTED.plusMonths(6), false), JOURNEY, 5);
        projection.on(review("review-4", STARTED.plusMonths(9), true), JOURNEY, 6);

        LookedAfterRecord record = queriesOn(STARTED.plusYears(1)).record(CHILD);
        assertThat(record.reviews()).extracting(LookedAfterRecord.Review::reviewId, LookedAfterRecord.Review::consultedBefore)
                .containsExactly(
                        tuple("review-4", true),
                        tuple("review-3", true),
                        tuple("review-2", false),
                        tuple("review-1", true));
        LookedAfterSummary summary = summaryOn(STARTED.plusYears(1));
        assertThat(summary.lastReviewOn()).isEqualTo(STARTED.plusMonths(9));
        assertThat(summary.consultedBeforeReview()).isTrue();
    }

    @Test
    void onlyAConsultationThatMeetsRegulation36CountsAsConsultedBeforeTheReview() {
        projection.on(new PeriodOfCareStarted(CHILD, PERIOD, STARTED, LegalStatus.C2, null), JOURNEY, 0);
        projection.on(consultation(STARTED.plusDays(2), ConsultationMethod.WRITTEN,
                PrivateConversation.NOT_IN_PRIVATE), JOURNEY, 1);
        projection.on(review("review-1", STARTED.plusDays(10), false), JOURNEY, 2);
        projection.on(consultation(STARTED.plusMonths(2), ConsultationMethod.PHONE,
                PrivateConversation.CHILD_REFUSED), JOURNEY, 3);
        projection.on(review("review-2", STARTED.plusMonths(3), false), JOURNEY, 4);
        // recorded before the question was asked: a written contact then still counts, as it did
        projection.on(consultation(STARTED.plusMonths(5), ConsultationMethod.WRITTEN,
                PrivateConversation.NOT_ASKED_WHEN_RECORDED), JOURNEY, 5);
        projection.on(review("review-3", STARTED.plusMonths(6), false), JOURNEY, 6);

        LookedAfterRecord record = queriesOn(STARTED.plusYears(1)).record(CHILD);

        assertThat(record.reviews()).extracting(LookedAfterRecord.Review::reviewId,
                        LookedAfterRecord.Review::consultedBefore)
                .containsExactly(tuple("review-3", true), tuple("review-2", true), tuple("review-1", false));
        assertThat(record.consultations()).extracting(LookedAfterRecord.Consultation::privateConversation)
                .containsExactly(PrivateConversation.NOT_ASKED_WHEN_RECORDED, PrivateConversation.CHILD_REFUSED,
                        PrivateConversation.NOT_IN_PRIVATE);
    }

    @Test
    void correctionsChangeTheReviewAsItStandsAndAreKeptWithTheirReasons() {
        periodReviewAndAction("action-1", DUE);
        projection.on(new ReviewDateCorrected(CHILD, REVIEW, REVIEWED, REVIEWED.minusDays(1), "Typed the wrong day"),
                JOURNEY, 3);
        projection.on(new ParticipationCorrected(CHILD, REVIEW, ParticipationCode.PN1, ParticipationCode.PN2,
                "An advocate spoke for them"), JOURNEY, 4);

        LookedAfterRecord record = queriesOn(DUE).record(CHILD);
        LookedAfterRecord.Review review = record.reviews().get(0);
        assertThat(review.heldOn()).isEqualTo(REVIEWED.minusDays(1));
        assertThat(review.participation()).isEqualTo(ParticipationCode.PN2);
        assertThat(record.actions().get(0).agreedOn()).isEqualTo(REVIEWED.minusDays(1));
        assertThat(record.corrections()).extracting(LookedAfterRecord.Correction::what,
                LookedAfterRecord.Correction::recordedAs, LookedAfterRecord.Correction::correctedTo)
                .containsExactly(tuple("REVIEW_DATE", "2026-01-30", "2026-01-29"),
                        tuple("PARTICIPATION", "PN1", "PN2"));
        assertThat(summaryOn(DUE).lastReviewParticipation()).isEqualTo(ParticipationCode.PN2);
    }

    @Test
    void aReviewKeepsItsDecisionsAndRecommendationsInOrder() {
        wholeJourney().forEach(event -> event.accept(projection));

        LookedAfterRecord.Review review = queriesOn(DUE).record(CHILD).review(REVIEW).orElseThrow();
        assertThat(review.decisions()).containsExactly("Stay with current carers", "Contact with mother weekly");
        assertThat(review.recommendations()).containsExactly("Refer to CAMHS");
        assertThat(review.distributedOn()).isEqualTo(REVIEWED.plusDays(5));
        assertThat(review.childFriendlyVersion()).isTrue();
    }

    /**
     * The due items read every child's record without the wording: the same record but for the reviews' decisions
     * and recommendations, the actions' counts of changes and the IROs' names, which no clock reads.
     */
    @Test
    void theRecordWithoutWordingDiffersOnlyInDecisionsRecommendationsChangesAndNames() {
        wholeJourney().forEach(event -> event.accept(projection));
        Clock clock = Clock.fixed(DUE.atStartOfDay(ENGLAND).plusHours(12).toInstant(), ENGLAND);
        LookedAfterQueries queries = new LookedAfterQueries(jdbc, clock, new NamesOnly() {
            @Override
            public Optional<String> displayName(String username) {
                return "iro.a".equals(username) ? Optional.of("Aisha Ahmed") : Optional.empty();
            }
        });

        LookedAfterRecord full = queries.records(List.of(CHILD)).get(CHILD);
        LookedAfterRecord plain = queries.recordsWithoutWording(List.of(CHILD)).get(CHILD);

        assertThat(full.review(REVIEW).orElseThrow().decisions()).hasSize(2);
        assertThat(full.actions()).extracting(LookedAfterRecord.Action::changes).contains(1);
        assertThat(full.consultations()).extracting(LookedAfterRecord.Consultation::iroName)
                .containsExactly("Aisha Ahmed");
        assertThat(plain.review(REVIEW).orElseThrow().decisions()).isEmpty();
        assertThat(plain.review(REVIEW).orElseThrow().recommendations()).isEmpty();
        assertThat(plain.actions()).extracting(LookedAfterRecord.Action::changes).containsOnly(0);
        assertThat(plain.consultations()).extracting(LookedAfterRecord.Consultation::iroName)
                .containsExactly("iro.a");
        assertThat(plain).isEqualTo(withoutWording(full));
    }

    /** The record as {@link LookedAfterQueries#recordsWithoutWording} should read it, made from the full one. */
    private static LookedAfterRecord withoutWording(LookedAfterRecord full) {
        return new LookedAfterRecord(full.asAt(), full.periods(),
                full.reviews().stream().map(r -> new LookedAfterRecord.Review(r.reviewId(), r.periodId(), r.heldOn(),
                        r.participation(), r.spokeToChildBeforehand(), r.consultedBefore(), List.of(), List.of(),
                        r.iroName(), r.distributedOn(), r.childFriendlyVersion(), r.decisionsSentOn())).toList(),
                full.actions().stream().map(a -> new LookedAfterRecord.Action(a.actionId(), a.reviewId(),
                        a.action(), a.owner(), a.dueOn(), a.agreedOn(), a.status(), a.closedOn(), a.cancelReason(),
                        0)).toList(),
                full.consultations().stream().map(c -> new LookedAfterRecord.Consultation(c.consultedOn(),
                        c.method(), c.seenAlone(), "iro.a", c.privateConversation())).toList(),
                full.visits().stream().map(v -> new LookedAfterRecord.Visit(v.visitedOn(), v.faceToFace(), "iro.a"))
                        .toList(),
                full.midwayChecks().stream().map(m -> new LookedAfterRecord.MidwayCheck(m.checkedOn(), m.finding(),
                        "iro.a")).toList(),
                full.earlyReviewRequests().stream().map(e -> new LookedAfterRecord.EarlyReviewRequest(
                        e.requestedOn(), e.reason(), "iro.a")).toList(),
                full.permanencePlans(), full.corrections(), full.iroChangesInCurrentPeriod());
    }

    private List<Consumer<LookedAfterProjection>> wholeJourney() {
        List<Consumer<LookedAfterProjection>> events = new ArrayList<>();
        events.add(p -> p.on(new ChairAllocated(CHILD, ChairRole.IRO, "iro.a", "A", STARTED.minusDays(3), null), 1));
        events.add(p -> p.on(new PeriodOfCareStarted(CHILD, PERIOD, STARTED, LegalStatus.C1, "U6"), JOURNEY, 0));
        events.add(p -> p.on(new LegalStatusChanged(CHILD, PERIOD, STARTED.plusDays(7), LegalStatus.C1,
                LegalStatus.C2), JOURNEY, 1));
        events.add(p -> p.on(new PlacementChanged(CHILD, PERIOD, STARTED.plusDays(8), "U6", "K2"), JOURNEY, 2));
        events.add(p -> p.on(consultation(STARTED.plusDays(9)), JOURNEY, 3));
        events.add(p -> p.on(new IroVisitRecorded(CHILD, PERIOD, STARTED.plusDays(10), true, "iro.a"), JOURNEY, 4));
        events.add(p -> p.on(new MidwayCheckRecorded(CHILD, PERIOD, STARTED.plusDays(11),
                MidwayFinding.PLAN_ON_TRACK, "iro.a"), JOURNEY, 5));
        events.add(p -> p.on(new EarlyReviewRequested(CHILD, PERIOD, STARTED.plusDays(12),
                EarlyReviewReason.PLACEMENT_CHANGE, "iro.a"), JOURNEY, 6));
        events.add(p -> p.on(new LookedAfterReviewHeld(CHILD, PERIOD, REVIEW, REVIEWED, ParticipationCode.PN1, true,
                List.of("Stay with current carers", "Contact with mother weekly"), List.of("Refer to CAMHS"),
                "iro.a", "Aisha Ahmed"), JOURNEY, 7));
        events.add(p -> p.on(new CarePlanActionAgreed(CHILD, "action-1", REVIEW, "Health assessment",
                "Social worker", DUE, REVIEWED), JOURNEY, 8));
        events.add(p -> p.on(new CarePlanActionAgreed(CHILD, "action-2", REVIEW, "School place",
                "Virtual school", DUE, REVIEWED), JOURNEY, 9));
        events.add(p -> p.on(new CarePlanActionChanged(CHILD, "action-1", "Health assessment booked",
                "Health visitor", DUE.plusDays(7), "Clinic dates", REVIEWED.plusDays(2)), JOURNEY, 10));
        events.add(p -> p.on(new CarePlanActionCompleted(CHILD, "action-1", REVIEWED.plusDays(4)), JOURNEY, 11));
        events.add(p -> p.on(new CarePlanActionCancelled(CHILD, "action-2", REVIEWED.plusDays(4), "Moved schools"),
                JOURNEY, 12));
        events.add(p -> p.on(new ReviewRecordDistributed(CHILD, REVIEW, REVIEWED.plusDays(5), true), JOURNEY, 13));
        events.add(p -> p.on(new PermanencePlanRecorded(CHILD, PERIOD, REVIEWED, PermanencePlan.LONG_TERM_FOSTERING,
                null), JOURNEY, 14));
        events.add(p -> p.on(new ReviewDateCorrected(CHILD, REVIEW, REVIEWED, REVIEWED.minusDays(1), "Wrong day"),
                JOURNEY, 15));
        events.add(p -> p.on(new ParticipationCorrected(CHILD, REVIEW, ParticipationCode.PN1, ParticipationCode.PN3,
                "Non-verbal"), JOURNEY, 16));
        events.add(p -> p.on(new ChairAllocated(CHILD, ChairRole.IRO, "iro.b", "B", STARTED.plusDays(20), "iro.a"),
                2));
        events.add(p -> p.on(new PeriodOfCareEnded(CHILD, PERIOD, REVIEWED.plusDays(40), ReasonPeriodEnded.E13),
                JOURNEY, 17));
        return events;
    }

    private void periodReviewAndAction(String actionId, LocalDate dueOn) {
        projection.on(new PeriodOfCareStarted(CHILD, PERIOD, STARTED, LegalStatus.C2, null), JOURNEY, 0);
        projection.on(review(REVIEW, REVIEWED, true), JOURNEY, 1);
        projection.on(new CarePlanActionAgreed(CHILD, actionId, REVIEW, "Book the health assessment",
                "Social worker", dueOn, REVIEWED), JOURNEY, 2);
    }

    private static LookedAfterReviewHeld review(String reviewId, LocalDate heldOn, boolean spokeBeforehand) {
        return new LookedAfterReviewHeld(CHILD, PERIOD, reviewId, heldOn, ParticipationCode.PN1, spokeBeforehand,
                List.of(), List.of(), "iro.a", "Aisha Ahmed");
    }

    private static ChildConsultedBeforeReview consultation(LocalDate on, ConsultationMethod method,
            PrivateConversation privately) {
        return new ChildConsultedBeforeReview(CHILD, PERIOD, on, method, false, "iro.a", privately);
    }

    private static ChildConsultedBeforeReview consultation(LocalDate on) {
        return new ChildConsultedBeforeReview(CHILD, PERIOD, on, ConsultationMethod.IN_PERSON, true, "iro.a",
                PrivateConversation.SPOKE_IN_PRIVATE);
    }

    private ActionStatus statusOn(LocalDate today) {
        return queriesOn(today).record(CHILD).actions().get(0).status();
    }

    private LookedAfterQueries queriesOn(LocalDate today) {
        Clock clock = Clock.fixed(today.atStartOfDay(ENGLAND).plusHours(12).toInstant(), ENGLAND);
        return new LookedAfterQueries(jdbc, clock, new NamesOnly());
    }

    /** The caseload's looked-after columns for the child, as the caseload query reads them. */
    private LookedAfterSummary summaryOn(LocalDate today) {
        return jdbc.sql("SELECT la.* FROM (SELECT CAST(:child AS VARCHAR) AS child_id) c LEFT JOIN LATERAL ("
                        + LookedAfterQueries.SUMMARY + ") la ON TRUE")
                .param("child", CHILD).param("today", today)
                .query((rs, i) -> LookedAfterQueries.summary(rs)).list().get(0);
    }

    private List<String> allRows() {
        List<String> rows = new ArrayList<>();
        for (String table : TABLES) {
            jdbc.sql("SELECT * FROM " + table).query(rs -> {
                StringBuilder row = new StringBuilder(table);
                for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                    row.append('|').append(rs.getString(i));
                }
                rows.add(row.toString());
            });
        }
        rows.sort(null);
        return rows;
    }

    /** A directory that knows nobody's name: the queries then show usernames. */
    private static class NamesOnly implements StaffDirectory {

        @Override
        public List<ChairOption> chairs(ChairRole role) {
            return List.of();
        }

        @Override
        public Map<String, String> localAuthorities() {
            return Map.of();
        }

        @Override
        public Optional<String> displayName(String username) {
            return Optional.empty();
        }
    }
}
