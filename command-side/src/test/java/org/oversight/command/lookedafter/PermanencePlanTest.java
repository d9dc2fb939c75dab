package org.oversight.command.lookedafter;

import static org.hamcrest.Matchers.containsString;
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
import org.oversight.events.lookedafter.LegalStatus;
import org.oversight.events.lookedafter.PeriodOfCareStarted;
import org.oversight.events.lookedafter.PermanencePlan;
import org.oversight.events.lookedafter.PermanencePlanRecorded;

/** The permanence plan of a period of care: recorded, changed, never re-recorded unchanged. */
class PermanencePlanTest {

    private static final LocalDate FIRST = LocalDate.of(2026, 1, 28);

    private JourneyFixture care;

    @BeforeEach
    void setUp() {
        care = new JourneyFixture();
    }

    @Test
    void aPeriodsFirstPermanencePlanNamesNoPreviousPlan() {
        care.fixture.given(started())
                .when(new RecordPermanencePlan(CHILD, FIRST, PermanencePlan.RETURN_HOME))
                .expectEvents(new PermanencePlanRecorded(CHILD, PERIOD, FIRST, PermanencePlan.RETURN_HOME, null))
                .expectResultMessagePayload(1L);
    }

    @Test
    void aChangedPlanNamesThePlanItReplaces() {
        care.fixture.given(started(),
                        new PermanencePlanRecorded(CHILD, PERIOD, FIRST, PermanencePlan.RETURN_HOME, null))
                .when(new RecordPermanencePlan(CHILD, TODAY, PermanencePlan.SPECIAL_GUARDIANSHIP))
                .expectEvents(new PermanencePlanRecorded(CHILD, PERIOD, TODAY, PermanencePlan.SPECIAL_GUARDIANSHIP,
                        PermanencePlan.RETURN_HOME));
    }

    @Test
    void aPlanDatedBeforeTheCurrentPlanIsRefusedAndOneTheSameDayAccepted() {
        care.fixture.given(started(),
                        new PermanencePlanRecorded(CHILD, PERIOD, FIRST, PermanencePlan.RETURN_HOME, null))
                .when(new RecordPermanencePlan(CHILD, FIRST.minusDays(1), PermanencePlan.ADOPTION))
                .expectException(breaks(LookedAfterRule.PERMANENCE_PLANS_IN_ORDER))
                .expectExceptionMessage(containsString("made on 28 January 2026"))
                .expectNoEvents();
        care.fixture.given(started(),
                        new PermanencePlanRecorded(CHILD, PERIOD, FIRST, PermanencePlan.RETURN_HOME, null))
                .when(new RecordPermanencePlan(CHILD, FIRST, PermanencePlan.ADOPTION))
                .expectEvents(new PermanencePlanRecorded(CHILD, PERIOD, FIRST, PermanencePlan.ADOPTION,
                        PermanencePlan.RETURN_HOME));
    }

    @Test
    void recordingTheSamePlanAgainIsRefused() {
        care.fixture.given(started(),
                        new PermanencePlanRecorded(CHILD, PERIOD, FIRST, PermanencePlan.LONG_TERM_FOSTERING, null))
                .when(new RecordPermanencePlan(CHILD, TODAY, PermanencePlan.LONG_TERM_FOSTERING))
                .expectException(breaks(LookedAfterRule.MUST_DIFFER_FROM_CURRENT))
                .expectExceptionMessage(containsString("already recorded as long-term fostering"))
                .expectNoEvents();
    }

    @Test
    void aNewPeriodStartsWithoutAPlanSoItsFirstPlanNamesNone() {
        LocalDate secondStart = LocalDate.of(2026, 2, 10);
        care.fixture.given(started(),
                        new PermanencePlanRecorded(CHILD, PERIOD, FIRST, PermanencePlan.ADOPTION, null),
                        ended(FIRST.plusDays(1)),
                        new PeriodOfCareStarted(CHILD, "period-2", secondStart, LegalStatus.C1, "U6"))
                .when(new RecordPermanencePlan(CHILD, TODAY, PermanencePlan.ADOPTION))
                .expectEvents(new PermanencePlanRecorded(CHILD, "period-2", TODAY, PermanencePlan.ADOPTION, null));
    }

    @Test
    void aPlanDatedBeforeThePeriodStartedIsRefused() {
        care.fixture.given(started())
                .when(new RecordPermanencePlan(CHILD, STARTED.minusDays(1), PermanencePlan.ADOPTION))
                .expectException(breaks(LookedAfterRule.NOT_BEFORE_PERIOD_START))
                .expectNoEvents();
    }

    @Test
    void aPlanDatedTomorrowIsRefused() {
        care.fixture.given(started())
                .when(new RecordPermanencePlan(CHILD, TODAY.plusDays(1), PermanencePlan.ADOPTION))
                .expectException(breaks(LookedAfterRule.DATE_NOT_IN_FUTURE))
                .expectNoEvents();
    }

    @Test
    void aPlanAfterThePeriodEndedIsRefused() {
        care.fixture.given(started(), ended(FIRST))
                .when(new RecordPermanencePlan(CHILD, TODAY, PermanencePlan.ADOPTION))
                .expectException(breaks(LookedAfterRule.NEEDS_OPEN_PERIOD))
                .expectNoEvents();
    }
}
