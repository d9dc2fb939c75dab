package org.oversight.command.lookedafter;

import static org.oversight.command.lookedafter.JourneyFixture.CHILD;
import static org.oversight.command.lookedafter.JourneyFixture.PERIOD;
import static org.oversight.command.lookedafter.JourneyFixture.TODAY;
import static org.oversight.command.lookedafter.JourneyFixture.breaks;
import static org.oversight.command.lookedafter.JourneyFixture.started;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.oversight.events.lookedafter.PlacementChanged;

/**
 * A move says whether the child went to another carer, so that the SSDA903 episode it opens is told as P (placement
 * and carer) or T (placement, same carer); a move to another carer may keep the placement type.
 */
class PlacementCarerTest {

    private JourneyFixture care;

    @BeforeEach
    void setUp() {
        care = new JourneyFixture();
    }

    @Test
    void aMoveToAnotherCarerIsRecordedAsSuch() {
        care.fixture.given(started())
                .when(ChangePlacement.of(CHILD, TODAY, "U4", true))
                .expectEvents(new PlacementChanged(CHILD, PERIOD, TODAY, "U6", "U4", true));
    }

    @Test
    void aNewPlacementWithTheSameCarerIsRecordedAsSuch() {
        care.fixture.given(started())
                .when(ChangePlacement.of(CHILD, TODAY, "U4", false))
                .expectEvents(new PlacementChanged(CHILD, PERIOD, TODAY, "U6", "U4", false));
    }

    @Test
    void aMoveToAnotherCarerOfTheSameTypeOfPlacementIsAMove() {
        care.fixture.given(started())
                .when(ChangePlacement.of(CHILD, TODAY, "U6", true))
                .expectEvents(new PlacementChanged(CHILD, PERIOD, TODAY, "U6", "U6", true));
    }

    @Test
    void theSameTypeOfPlacementWithTheSameCarerIsNoMove() {
        care.fixture.given(started())
                .when(ChangePlacement.of(CHILD, TODAY, "U6", false))
                .expectException(breaks(LookedAfterRule.MUST_DIFFER_FROM_CURRENT))
                .expectNoEvents();
    }
}
