package org.oversight.command.childcase;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.hamcrest.FeatureMatcher;
import org.hamcrest.Matcher;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.oversight.command.rules.RuleViolation;
import org.oversight.events.childcase.ChildRegistered;
import org.oversight.events.retention.HoldReason;
import org.oversight.events.retention.LegalHoldLifted;
import org.oversight.events.retention.LegalHoldPlaced;

/** Legal holds on a child's record: placed and lifted as recorded decisions, at most one for each reason. */
class LegalHoldsTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 3, 3);
    private static final String CHILD = "5d0b5c1e-7a3f-4c52-9e0d-2b8f4a6c1d37";
    private static final String INQUIRY = "The county's inquiry into placements, 2025";

    private FixtureConfiguration<ChildCase> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(ChildCase.class);
        fixture.registerInjectableResource(Clock.fixed(TODAY.atStartOfDay(ZoneId.of("Europe/London")).toInstant(),
                ZoneId.of("Europe/London")));
        fixture.registerInjectableResource(new DemoDirectory());
        fixture.registerInjectableResource(new HeldIdentifiers());
    }

    private static ChildRegistered registered() {
        return new ChildRegistered(CHILD, DemoDirectory.LA, "A123", "Sam", "Jones", LocalDate.of(2019, 5, 1), null,
                TODAY);
    }

    @Test
    void aHoldIsPlacedWithItsReasonAndNote() {
        fixture.given(registered())
                .when(new PlaceLegalHold(CHILD, HoldReason.INQUIRY, "  " + INQUIRY + " "))
                .expectEvents(new LegalHoldPlaced(CHILD, HoldReason.INQUIRY, INQUIRY))
                .expectResultMessagePayload(1L)
                .expectState(child -> assertThat(child.underLegalHold()).isTrue());
    }

    @Test
    void aRecordWithNoHoldIsNotUnderLegalHold() {
        fixture.given(registered())
                .when(new PlaceLegalHold(CHILD, HoldReason.COMPLAINT, "A complaint by the child's mother"))
                .expectState(child -> assertThat(child.underLegalHold()).isTrue());
        fixture.given(registered(), new LegalHoldPlaced(CHILD, HoldReason.COMPLAINT, "A complaint"))
                .when(new LiftLegalHold(CHILD, HoldReason.COMPLAINT, "The complaint was answered"))
                .expectState(child -> assertThat(child.underLegalHold()).isFalse());
    }

    @Test
    void aSecondHoldForTheSameReasonIsRefused() {
        fixture.given(registered(), new LegalHoldPlaced(CHILD, HoldReason.INQUIRY, INQUIRY))
                .when(new PlaceLegalHold(CHILD, HoldReason.INQUIRY, "Another inquiry"))
                .expectException(violates(LegalHoldRule.ONE_HOLD_FOR_EACH_REASON))
                .expectNoEvents();
    }

    @Test
    void holdsForDifferentReasonsStandSideBySide() {
        fixture.given(registered(), new LegalHoldPlaced(CHILD, HoldReason.INQUIRY, INQUIRY))
                .when(new PlaceLegalHold(CHILD, HoldReason.LITIGATION, "A claim for damages"))
                .expectEvents(new LegalHoldPlaced(CHILD, HoldReason.LITIGATION, "A claim for damages"));
    }

    @Test
    void liftingOneHoldLeavesTheRecordHeldByAnother() {
        fixture.given(registered(), new LegalHoldPlaced(CHILD, HoldReason.INQUIRY, INQUIRY),
                        new LegalHoldPlaced(CHILD, HoldReason.LITIGATION, "A claim for damages"))
                .when(new LiftLegalHold(CHILD, HoldReason.INQUIRY, " The inquiry reported "))
                .expectEvents(new LegalHoldLifted(CHILD, HoldReason.INQUIRY, "The inquiry reported"))
                .expectResultMessagePayload(3L)
                .expectState(child -> assertThat(child.underLegalHold()).isTrue());
    }

    @Test
    void onlyAStandingHoldCanBeLifted() {
        fixture.given(registered(), new LegalHoldPlaced(CHILD, HoldReason.INQUIRY, INQUIRY))
                .when(new LiftLegalHold(CHILD, HoldReason.LITIGATION, "Settled"))
                .expectException(violates(LegalHoldRule.LIFT_ONLY_A_STANDING_HOLD))
                .expectNoEvents();
    }

    @Test
    void aLiftedHoldCanBePlacedAgain() {
        fixture.given(registered(), new LegalHoldPlaced(CHILD, HoldReason.COMPLAINT, "A complaint"),
                        new LegalHoldLifted(CHILD, HoldReason.COMPLAINT, "Answered"))
                .when(new PlaceLegalHold(CHILD, HoldReason.COMPLAINT, "Referred to the ombudsman"))
                .expectEvents(new LegalHoldPlaced(CHILD, HoldReason.COMPLAINT, "Referred to the ombudsman"));
    }

    private static Matcher<RuleViolation> violates(LegalHoldRule rule) {
        return new FeatureMatcher<>(Matchers.equalTo(rule.code()), "a refusal under rule", "rule") {
            @Override
            protected String featureValueOf(RuleViolation actual) {
                return actual.rule();
            }
        };
    }
}
