package org.oversight.command.lookedafter;

import static org.oversight.command.lookedafter.JourneyFixture.CHILD;
import static org.oversight.command.lookedafter.JourneyFixture.PERIOD;
import static org.oversight.command.lookedafter.JourneyFixture.STARTED;
import static org.oversight.command.lookedafter.JourneyFixture.TODAY;
import static org.oversight.command.lookedafter.JourneyFixture.breaks;
import static org.oversight.command.lookedafter.JourneyFixture.ended;
import static org.oversight.command.lookedafter.JourneyFixture.started;

import java.time.LocalDate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.oversight.events.lookedafter.PlacementChanged;
import org.oversight.events.lookedafter.PlacementIntentionRecorded;
import org.oversight.events.lookedafter.SocialWorkerAllocated;
import org.oversight.events.lookedafter.SocialWorkerUnallocated;
import org.oversight.events.lookedafter.SocialWorkerVisited;
import org.oversight.events.lookedafter.VisitPlace;

/**
 * The child's social worker, their statutory visits and whether the placement is meant to last until 18: each is
 * recorded in the open period of care, after it happened, in date order where order matters.
 */
class SocialWorkTest {

    private static final LocalDate ON = LocalDate.of(2026, 2, 16);

    private JourneyFixture care;

    @BeforeEach
    void setUp() {
        care = new JourneyFixture();
    }

    @Test
    void aSocialWorkerIsAllocatedByNameAndTeamFromADay() {
        care.fixture.given(started())
                .when(new AllocateSocialWorker(CHILD, ON, " Priya Nair ", "Children in care team 2"))
                .expectEvents(new SocialWorkerAllocated(CHILD, PERIOD, ON, "Priya Nair", "Children in care team 2"))
                .expectResultMessagePayload(1L);
    }

    @Test
    void aBlankTeamIsRecordedAsNone() {
        care.fixture.given(started())
                .when(new AllocateSocialWorker(CHILD, ON, "Priya Nair", " "))
                .expectEvents(new SocialWorkerAllocated(CHILD, PERIOD, ON, "Priya Nair", null));
    }

    @Test
    void aWorkerMayBeRecordedAsAllocatedBeforeThePeriodStarted() {
        LocalDate before = STARTED.minusMonths(2);
        care.fixture.given(started())
                .when(new AllocateSocialWorker(CHILD, before, "Priya Nair", null))
                .expectEvents(new SocialWorkerAllocated(CHILD, PERIOD, before, "Priya Nair", null));
    }

    @Test
    void theSameWorkerIsNotAllocatedTwice() {
        care.fixture.given(started(), new SocialWorkerAllocated(CHILD, PERIOD, STARTED, "Priya Nair", null))
                .when(new AllocateSocialWorker(CHILD, ON, "Priya Nair", "Another team"))
                .expectException(breaks(LookedAfterRule.MUST_DIFFER_FROM_CURRENT))
                .expectNoEvents();
    }

    @Test
    void aNewWorkerReplacesTheOldOnOrAfterTheLatestChange() {
        care.fixture.given(started(), new SocialWorkerAllocated(CHILD, PERIOD, ON, "Priya Nair", null))
                .when(new AllocateSocialWorker(CHILD, ON, "Tom Hale", null))
                .expectEvents(new SocialWorkerAllocated(CHILD, PERIOD, ON, "Tom Hale", null));
    }

    @Test
    void anAllocationDatedBeforeTheLatestChangeIsRefused() {
        care.fixture.given(started(), new SocialWorkerAllocated(CHILD, PERIOD, ON, "Priya Nair", null))
                .when(new AllocateSocialWorker(CHILD, ON.minusDays(1), "Tom Hale", null))
                .expectException(breaks(SocialWorkRule.ALLOCATIONS_IN_ORDER))
                .expectNoEvents();
    }

    @Test
    void anAllocationInTheFutureIsRefused() {
        care.fixture.given(started())
                .when(new AllocateSocialWorker(CHILD, TODAY.plusDays(1), "Priya Nair", null))
                .expectException(breaks(LookedAfterRule.DATE_NOT_IN_FUTURE))
                .expectNoEvents();
    }

    @Test
    void anAllocationNeedsAnOpenPeriod() {
        care.fixture.given(started(), ended(ON))
                .when(new AllocateSocialWorker(CHILD, ON, "Priya Nair", null))
                .expectException(breaks(LookedAfterRule.NEEDS_OPEN_PERIOD))
                .expectNoEvents();
    }

    @Test
    void anAllocationEndsNamingTheWorkerWhoLeft() {
        care.fixture.given(started(), new SocialWorkerAllocated(CHILD, PERIOD, STARTED, "Priya Nair", null))
                .when(new EndSocialWorkerAllocation(CHILD, ON))
                .expectEvents(new SocialWorkerUnallocated(CHILD, PERIOD, ON, "Priya Nair"));
    }

    @Test
    void noAllocationEndsWhenNobodyIsAllocated() {
        care.fixture.given(started(), new SocialWorkerAllocated(CHILD, PERIOD, STARTED, "Priya Nair", null),
                        new SocialWorkerUnallocated(CHILD, PERIOD, STARTED.plusDays(3), "Priya Nair"))
                .when(new EndSocialWorkerAllocation(CHILD, ON))
                .expectException(breaks(SocialWorkRule.WORKER_MUST_BE_ALLOCATED))
                .expectNoEvents();
    }

    @Test
    void anAllocationDoesNotEndBeforeItBegan() {
        care.fixture.given(started(), new SocialWorkerAllocated(CHILD, PERIOD, ON, "Priya Nair", null))
                .when(new EndSocialWorkerAllocation(CHILD, ON.minusDays(1)))
                .expectException(breaks(SocialWorkRule.ALLOCATIONS_IN_ORDER))
                .expectNoEvents();
    }

    @Test
    void aVisitRecordsWhetherTheChildWasSeenAloneAndWhere() {
        care.fixture.given(started())
                .when(new RecordSocialWorkerVisit(CHILD, ON, true, VisitPlace.HOME))
                .expectEvents(new SocialWorkerVisited(CHILD, PERIOD, ON, true, VisitPlace.HOME));
    }

    @Test
    void aVisitOnTheDayThePeriodStartedIsAccepted() {
        care.fixture.given(started())
                .when(new RecordSocialWorkerVisit(CHILD, STARTED, false, VisitPlace.OFFICE))
                .expectEvents(new SocialWorkerVisited(CHILD, PERIOD, STARTED, false, VisitPlace.OFFICE));
    }

    @Test
    void aVisitBeforeThePeriodStartedIsRefused() {
        care.fixture.given(started())
                .when(new RecordSocialWorkerVisit(CHILD, STARTED.minusDays(1), true, VisitPlace.HOME))
                .expectException(breaks(LookedAfterRule.NOT_BEFORE_PERIOD_START))
                .expectNoEvents();
    }

    @Test
    void aVisitInTheFutureIsRefused() {
        care.fixture.given(started())
                .when(new RecordSocialWorkerVisit(CHILD, TODAY.plusDays(1), true, VisitPlace.HOME))
                .expectException(breaks(LookedAfterRule.DATE_NOT_IN_FUTURE))
                .expectNoEvents();
    }

    @Test
    void aVisitNeedsAnOpenPeriod() {
        care.fixture.given(started(), ended(ON))
                .when(new RecordSocialWorkerVisit(CHILD, ON, true, VisitPlace.HOME))
                .expectException(breaks(LookedAfterRule.NEEDS_OPEN_PERIOD))
                .expectNoEvents();
    }

    @Test
    void aSecondVisitOnTheSameDayIsRefused() {
        care.fixture.given(started(), new SocialWorkerVisited(CHILD, PERIOD, ON, true, VisitPlace.HOME))
                .when(new RecordSocialWorkerVisit(CHILD, ON, false, VisitPlace.SCHOOL))
                .expectException(breaks(SocialWorkRule.ONE_VISIT_A_DAY))
                .expectNoEvents();
    }

    @Test
    void thePlacementIntendedUntilEighteenNamesThePlacementItIsAbout() {
        LocalDate moved = STARTED.plusDays(10);
        care.fixture.given(started(), new PlacementChanged(CHILD, PERIOD, moved, "U6", "U4"))
                .when(new RecordPlacementIntention(CHILD, ON, true))
                .expectEvents(new PlacementIntentionRecorded(CHILD, PERIOD, moved, ON, true));
    }

    @Test
    void anIntentionIsNotDecidedBeforeThePlacementStarted() {
        LocalDate moved = ON;
        care.fixture.given(started(), new PlacementChanged(CHILD, PERIOD, moved, "U6", "U4"))
                .when(new RecordPlacementIntention(CHILD, moved.minusDays(1), true))
                .expectException(breaks(SocialWorkRule.INTENTION_NOT_BEFORE_PLACEMENT))
                .expectNoEvents();
    }

    @Test
    void theSameIntentionIsNotRecordedTwiceForOnePlacement() {
        care.fixture.given(started(), new PlacementIntentionRecorded(CHILD, PERIOD, STARTED, STARTED, true))
                .when(new RecordPlacementIntention(CHILD, ON, true))
                .expectException(breaks(LookedAfterRule.MUST_DIFFER_FROM_CURRENT))
                .expectNoEvents();
    }

    @Test
    void aNewPlacementStartsUndecided() {
        LocalDate moved = STARTED.plusDays(10);
        care.fixture.given(started(), new PlacementIntentionRecorded(CHILD, PERIOD, STARTED, STARTED, true),
                        new PlacementChanged(CHILD, PERIOD, moved, "U6", "U4"))
                .when(new RecordPlacementIntention(CHILD, ON, true))
                .expectEvents(new PlacementIntentionRecorded(CHILD, PERIOD, moved, ON, true));
    }

    @Test
    void aChangedIntentionIsNotDatedBeforeTheDecisionItReplaces() {
        care.fixture.given(started(), new PlacementIntentionRecorded(CHILD, PERIOD, STARTED, ON, true))
                .when(new RecordPlacementIntention(CHILD, ON.minusDays(1), false))
                .expectException(breaks(SocialWorkRule.INTENTIONS_IN_ORDER))
                .expectNoEvents();
    }

    @Test
    void anIntentionNeedsAnOpenPeriod() {
        care.fixture.given(started(), ended(ON))
                .when(new RecordPlacementIntention(CHILD, ON, true))
                .expectException(breaks(LookedAfterRule.NEEDS_OPEN_PERIOD))
                .expectNoEvents();
    }
}
