package org.oversight.deploy.importing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.junit.jupiter.api.Test;
import org.oversight.command.protection.RecordConferenceFromReturn;
import org.oversight.deploy.importing.SourceRow.Table;
import org.oversight.events.StreamIds;
import org.oversight.events.protection.CategoryOfAbuse;
import org.oversight.events.protection.ChildProtectionPlanStarted;
import org.oversight.events.protection.ConferenceReportedInReturn;
import org.oversight.events.protection.InitialCategoryCorrected;

/**
 * A conference Oversight holds is compared with what a later census says it decided: the plan it made, the
 * category of abuse it made it under (as last corrected) and the category a review left it under. A difference
 * is a conflict naming the census field; the same decision is simply held.
 */
class HeldComparisonTest {

    private static final String CHILD = "child-1";
    private static final LocalDate ICPC = LocalDate.of(2025, 3, 31);
    private static final LocalDate FIRST_REVIEW = LocalDate.of(2025, 6, 30);
    private static final LocalDate SECOND_REVIEW = LocalDate.of(2025, 12, 31);

    private final List<DomainEventMessage<?>> events = new ArrayList<>();

    @Test
    void theSameInitialCategoryIsHeldAndAnotherIsAConflictNamingTheCensusField() {
        holdPlanUnder(CategoryOfAbuse.NEG);

        assertThat(compare(initial(CategoryOfAbuse.NEG)).conflicts()).isEmpty();
        assertThat(compare(initial(CategoryOfAbuse.NEG)).fresh()).isEmpty();

        HeldComparison.Result other = compare(initial(CategoryOfAbuse.EMO));
        assertThat(other.fresh()).isEmpty();
        assertThat(other.conflicts()).singleElement().satisfies(c -> {
            assertThat(c.field()).isEqualTo("InitialCategoryOfAbuse");
            assertThat(c.rule()).isEqualTo(HeldComparison.RULE);
            assertThat(c.held()).isEqualTo("NEG");
            assertThat(c.inFile()).isEqualTo("EMO");
        });
    }

    @Test
    void aCorrectedInitialCategoryIsTheOneComparedWith() {
        holdPlanUnder(CategoryOfAbuse.NEG);
        hold(new InitialCategoryCorrected(CHILD, "plan-1", CategoryOfAbuse.NEG, CategoryOfAbuse.PHY,
                "Entered under the wrong category"));

        assertThat(compare(initial(CategoryOfAbuse.PHY)).conflicts()).isEmpty();
        assertThat(compare(initial(CategoryOfAbuse.NEG)).conflicts()).singleElement()
                .satisfies(c -> assertThat(c.held()).isEqualTo("PHY"));
    }

    @Test
    void aConferenceHeldToHaveMadeNoPlanConflictsWithAFileSayingItMadeOneAndTheOtherWayRound() {
        hold(reported(false, ICPC, null, null));
        assertThat(compare(initial(CategoryOfAbuse.SAB)).conflicts()).singleElement().satisfies(c -> {
            assertThat(c.field()).isEqualTo("InitialCategoryOfAbuse");
            assertThat(c.held()).isEqualTo("no plan");
            assertThat(c.inFile()).isEqualTo("a plan under SAB");
        });

        events.clear();
        holdPlanUnder(CategoryOfAbuse.SAB);
        assertThat(compare(initial(null)).conflicts()).singleElement().satisfies(c -> {
            assertThat(c.field()).isEqualTo("DateOfInitialCPC");
            assertThat(c.held()).isEqualTo("a plan under SAB");
            assertThat(c.inFile()).isEqualTo("no plan");
        });
    }

    @Test
    void aReviewsCategoryIsComparedWithTheCategoryThePlanStoodUnderAfterThatReview() {
        holdPlanUnder(CategoryOfAbuse.NEG);
        hold(reported(true, FIRST_REVIEW, "plan-1", CategoryOfAbuse.EMO));
        hold(reported(true, SECOND_REVIEW, "plan-1", null));

        // the first review changed the category; the second, whose return said nothing of it, left it as it was
        assertThat(compare(review(FIRST_REVIEW, CategoryOfAbuse.EMO)).conflicts()).isEmpty();
        assertThat(compare(review(SECOND_REVIEW, CategoryOfAbuse.EMO)).conflicts()).isEmpty();
        assertThat(compare(review(SECOND_REVIEW, null)).conflicts()).isEmpty();

        assertThat(compare(review(SECOND_REVIEW, CategoryOfAbuse.NEG)).conflicts()).singleElement().satisfies(c -> {
            assertThat(c.field()).isEqualTo("LatestCategoryOfAbuse");
            assertThat(c.held()).isEqualTo("EMO");
            assertThat(c.inFile()).isEqualTo("NEG");
        });
    }

    private void holdPlanUnder(CategoryOfAbuse category) {
        hold(reported(false, ICPC, "plan-1", null));
        hold(new ChildProtectionPlanStarted(CHILD, "plan-1", ICPC, "conference-1", category, 0));
    }

    private static ConferenceReportedInReturn reported(boolean review, LocalDate on, String planId,
            CategoryOfAbuse latest) {
        return new ConferenceReportedInReturn(CHILD, "conference-" + on, review, on, null, planId, latest,
                "the 2025 CIN census");
    }

    private void hold(Object payload) {
        events.add(new GenericDomainEventMessage<>("Event", StreamIds.protectionOf(CHILD), events.size(), payload));
    }

    private HeldComparison.Result compare(PlannedStep step) {
        HeldHistory held = new HeldHistory(CHILD, events);
        return HeldComparison.compare(held, new ChildPlan("IMP-1", CHILD, List.of(step), null, List.of(step.source())));
    }

    private static PlannedStep initial(CategoryOfAbuse category) {
        SourceRow row = SourceRow.of("cin-2026.xml", 12, category == null ? Table.CIN_SECTION47 : Table.CIN_PLAN,
                "IMP-1", Map.of());
        return new PlannedStep(ICPC, 0, new RecordConferenceFromReturn(CHILD, "conference-new", false, ICPC, null,
                category, 0, null, "the 2026 CIN census"), row);
    }

    private static PlannedStep review(LocalDate on, CategoryOfAbuse latest) {
        SourceRow row = SourceRow.of("cin-2026.xml", 20, Table.CIN_PLAN_REVIEW, "IMP-1", Map.of());
        return new PlannedStep(on, 0, new RecordConferenceFromReturn(CHILD, "review-new", true, on, null, null, 0,
                latest, "the 2026 CIN census"), row);
    }
}
