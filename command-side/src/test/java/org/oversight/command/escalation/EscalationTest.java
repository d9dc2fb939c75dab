package org.oversight.command.escalation;

import static org.oversight.command.escalation.EscalationDirectory.IRO;
import static org.oversight.command.escalation.EscalationDirectory.LA;
import static org.oversight.command.escalation.EscalationDirectory.OTHER_LA;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.hamcrest.CustomTypeSafeMatcher;
import org.hamcrest.Matcher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.oversight.command.childcase.ChildRegister;
import org.oversight.command.rules.DateRule;
import org.oversight.command.rules.RuleViolation;
import org.oversight.events.escalation.EscalationMovedUp;
import org.oversight.events.escalation.EscalationRaised;
import org.oversight.events.escalation.EscalationReferredToCafcass;
import org.oversight.events.escalation.EscalationResolved;
import org.oversight.events.escalation.EscalationResponseReceived;
import org.oversight.events.escalation.EscalationResponseRejected;
import org.oversight.events.escalation.EscalationWithdrawn;

/**
 * The dispute resolution process, rule by rule. The escalation is raised on 3 March 2026 and "today" is
 * 20 March 2026; the local authority uses the default levels team manager, service manager, head of service
 * and director of children's services.
 */
class EscalationTest {

    private static final ZoneId LONDON = ZoneId.of("Europe/London");
    private static final LocalDate TODAY = LocalDate.of(2026, 3, 20);
    private static final LocalDate RAISED_ON = LocalDate.of(2026, 3, 3);
    /** Every child here was born on this day. */
    private static final LocalDate BORN = LocalDate.of(2018, 9, 10);
    private static final String ID = "escalation-5b0f1a52-3c4d-4e5f-8a9b-0c1d2e3f4a5b";
    private static final String CHILD = "c-1";
    private static final String SIBLING = "c-2";
    /** Registered with {@link EscalationDirectory#OTHER_LA}; the others with {@link EscalationDirectory#LA}. */
    private static final String CHILD_OF_OTHER_LA = "c-7";
    private static final String ASK = "Hold a permanence planning meeting within 10 working days";

    private static final String TEAM_MANAGER = "TEAM_MANAGER";
    private static final String SERVICE_MANAGER = "SERVICE_MANAGER";
    private static final String HEAD_OF_SERVICE = "HEAD_OF_SERVICE";
    private static final String DIRECTOR = "DIRECTOR_OF_CHILDRENS_SERVICES";

    private FixtureConfiguration<Escalation> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Escalation.class);
        fixture.registerInjectableResource(Clock.fixed(TODAY.atStartOfDay(LONDON).toInstant(), LONDON));
        fixture.registerInjectableResource(new EscalationDirectory());
        fixture.registerInjectableResource(new TwoAuthoritiesPolicy());
        fixture.registerInjectableResource((ChildRegister) childId -> Optional.ofNullable(Map.of(CHILD, LA, SIBLING, LA,
                CHILD_OF_OTHER_LA, OTHER_LA).get(childId)).map(la -> new ChildRegister.Registered(la, BORN, null)));
    }

    /** A refusal under exactly this rule, in words that include these. */
    private static Matcher<RuleViolation> refusal(EscalationRule rule, String words) {
        return new CustomTypeSafeMatcher<>("a refusal under " + rule.code() + " saying \"" + words + "\"") {
            @Override
            protected boolean matchesSafely(RuleViolation violation) {
                return violation.rule().equals(rule.code()) && violation.getMessage().contains(words);
            }
        };
    }

    private static RaiseEscalation raise(boolean formal, String level) {
        return new RaiseEscalation(ID, List.of(CHILD), LA, "PERMANENCE", ASK, formal, level, RAISED_ON,
                IRO.username());
    }

    private static EscalationRaised raisedAt(String level) {
        return new EscalationRaised(ID, List.of(CHILD), LA, "PERMANENCE", ASK, true, level, RAISED_ON,
                IRO.username(), IRO.displayName());
    }

    private static EscalationRaised alertRaised() {
        return new EscalationRaised(ID, List.of(CHILD), LA, "PERMANENCE", ASK, false, null, RAISED_ON,
                IRO.username(), IRO.displayName());
    }

    private static LocalDate day(int dayOfMarch) {
        return LocalDate.of(2026, 3, dayOfMarch);
    }

    /** The team manager's answer on 6 March, which the chair may reject. */
    private static final EscalationResponseReceived TEAM_MANAGER_RESPONDED =
            new EscalationResponseReceived(ID, TEAM_MANAGER, day(6), "Team manager", "Review in 3 months");

    @Nested
    class Raising {

        @Test
        void anEscalationMayBeRaisedOnTheDayTheChildWasBorn() {
            fixture.givenNoPriorActivity()
                    .when(new RaiseEscalation(ID, List.of(CHILD), LA, "PERMANENCE", ASK, false, null, BORN,
                            IRO.username()))
                    .expectEvents(new EscalationRaised(ID, List.of(CHILD), LA, "PERMANENCE", ASK, false, null, BORN,
                            IRO.username(), IRO.displayName()));
        }

        @Test
        void anEscalationDatedBeforeTheChildWasBornIsRefused() {
            fixture.givenNoPriorActivity()
                    .when(new RaiseEscalation(ID, List.of(CHILD, SIBLING), LA, "PERMANENCE", ASK, false, null,
                            BORN.minusDays(1), IRO.username()))
                    .expectException(new CustomTypeSafeMatcher<RuleViolation>("a refusal under date-not-before-child") {
                        @Override
                        protected boolean matchesSafely(RuleViolation violation) {
                            return violation.rule().equals(DateRule.NOT_BEFORE_CHILD.code())
                                    && "raisedOn".equals(violation.field());
                        }
                    })
                    .expectNoEvents();
        }

        @Test
        void aFormalEscalationStartsAtTheChosenLevelAndRecordsTheChairsName() {
            fixture.givenNoPriorActivity()
                    .when(raise(true, TEAM_MANAGER))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(raisedAt(TEAM_MANAGER));
        }

        @Test
        void anInformalAlertHasNoLevel() {
            fixture.givenNoPriorActivity()
                    .when(raise(false, null))
                    .expectEvents(alertRaised());
        }

        @Test
        void aFormalEscalationMayStartAboveTheLowestLevel() {
            fixture.givenNoPriorActivity()
                    .when(raise(true, HEAD_OF_SERVICE))
                    .expectEvents(raisedAt(HEAD_OF_SERVICE));
        }

        @Test
        void oneEscalationMayConcernASiblingGroup() {
            fixture.givenNoPriorActivity()
                    .when(new RaiseEscalation(ID, List.of(CHILD, SIBLING), LA, "CONTACT", ASK, false, null,
                            RAISED_ON, IRO.username()))
                    .expectEvents(new EscalationRaised(ID, List.of(CHILD, SIBLING), LA, "CONTACT", ASK, false, null,
                            RAISED_ON, IRO.username(), IRO.displayName()));
        }

        @Test
        void aSiblingWhoIsNotRegisteredIsRefusedAndNothingIsRaised() {
            fixture.givenNoPriorActivity()
                    .when(new RaiseEscalation(ID, List.of(CHILD, "c-unknown"), LA, "CONTACT", ASK, false, null,
                            RAISED_ON, IRO.username()))
                    .expectException(new CustomTypeSafeMatcher<RuleViolation>("a refusal: child must be registered") {
                        @Override
                        protected boolean matchesSafely(RuleViolation item) {
                            return item.rule().equals("child-must-be-registered") && item.field().equals("childIds");
                        }
                    })
                    .expectNoEvents();
        }

        @Test
        void aChildOfAnotherLocalAuthorityCannotBeInTheGroup() {
            fixture.givenNoPriorActivity()
                    .when(new RaiseEscalation(ID, List.of(CHILD, CHILD_OF_OTHER_LA), LA, "CONTACT", ASK, false, null,
                            RAISED_ON, IRO.username()))
                    .expectException(refusal(EscalationRule.CHILDREN_OF_THE_AUTHORITY,
                            "registered with the local authority it is raised with"))
                    .expectNoEvents();
        }

        @Test
        void anEscalationAboutNoChildIsRefused() {
            fixture.givenNoPriorActivity()
                    .when(new RaiseEscalation(ID, List.of(" "), LA, "PERMANENCE", ASK, false, null, RAISED_ON,
                            IRO.username()))
                    .expectException(refusal(EscalationRule.AT_LEAST_ONE_CHILD, "Select at least one child"))
                    .expectNoEvents();
        }

        @Test
        void aChildNamedTwiceInASiblingGroupIsRefused() {
            fixture.givenNoPriorActivity()
                    .when(new RaiseEscalation(ID, List.of(CHILD, SIBLING, CHILD), LA, "PERMANENCE", ASK, false, null,
                            RAISED_ON, IRO.username()))
                    .expectException(refusal(EscalationRule.EACH_CHILD_NAMED_ONCE, "once"))
                    .expectNoEvents();
        }

        @Test
        void aLocalAuthorityTheServiceDoesNotCoverIsRefused() {
            fixture.givenNoPriorActivity()
                    .when(new RaiseEscalation(ID, List.of(CHILD), "LA9", "PERMANENCE", ASK, false, null, RAISED_ON,
                            IRO.username()))
                    .expectException(refusal(EscalationRule.LOCAL_AUTHORITY_KNOWN, "local authority"))
                    .expectNoEvents();
        }

        @Test
        void someoneUnknownToTheServiceCannotRaiseAnEscalation() {
            fixture.givenNoPriorActivity()
                    .when(new RaiseEscalation(ID, List.of(CHILD), LA, "PERMANENCE", ASK, false, null, RAISED_ON,
                            "nobody"))
                    .expectException(refusal(EscalationRule.RAISED_BY_KNOWN_USER, "registered with the service"))
                    .expectNoEvents();
        }

        @Test
        void aConcernCategoryTheLocalAuthorityDoesNotUseIsRefused() {
            fixture.givenNoPriorActivity()
                    .when(new RaiseEscalation(ID, List.of(CHILD), LA, "SIBLING_CONTACT", ASK, false, null,
                            RAISED_ON, IRO.username()))
                    .expectException(refusal(EscalationRule.CONCERN_CATEGORY_CONFIGURED, "concern categories"))
                    .expectNoEvents();
        }

        @Test
        void eachLocalAuthorityUsesItsOwnConcernCategories() {
            fixture.givenNoPriorActivity()
                    .when(new RaiseEscalation(ID, List.of(CHILD_OF_OTHER_LA), OTHER_LA, "SIBLING_CONTACT", ASK, false, null,
                            RAISED_ON, IRO.username()))
                    .expectEvents(new EscalationRaised(ID, List.of(CHILD_OF_OTHER_LA), OTHER_LA, "SIBLING_CONTACT", ASK,
                            false, null, RAISED_ON, IRO.username(), IRO.displayName()));
            setUp();
            fixture.givenNoPriorActivity()
                    .when(new RaiseEscalation(ID, List.of(CHILD_OF_OTHER_LA), OTHER_LA, "EDUCATION", ASK, false, null,
                            RAISED_ON, IRO.username()))
                    .expectException(refusal(EscalationRule.CONCERN_CATEGORY_CONFIGURED, "concern categories"));
        }

        @Test
        void anEscalationThatAsksForNothingIsRefused() {
            fixture.givenNoPriorActivity()
                    .when(new RaiseEscalation(ID, List.of(CHILD), LA, "PERMANENCE", "  ", false, null, RAISED_ON,
                            IRO.username()))
                    .expectException(refusal(EscalationRule.ASK_STATED, "what you are asking"))
                    .expectNoEvents();
        }

        @Test
        void aFormalEscalationWithoutALevelIsRefused() {
            fixture.givenNoPriorActivity()
                    .when(raise(true, " "))
                    .expectException(refusal(EscalationRule.LEVEL_WHEN_FORMAL, "Select the level"))
                    .expectNoEvents();
        }

        @Test
        void anInformalAlertWithALevelIsRefused() {
            fixture.givenNoPriorActivity()
                    .when(raise(false, TEAM_MANAGER))
                    .expectException(refusal(EscalationRule.LEVEL_WHEN_FORMAL, "An informal alert has no level"))
                    .expectNoEvents();
        }

        @Test
        void aLevelTheLocalAuthorityDoesNotUseIsRefused() {
            fixture.givenNoPriorActivity()
                    .when(raise(true, "PRACTICE_MANAGER"))
                    .expectException(refusal(EscalationRule.LEVEL_CONFIGURED, "levels this local authority uses"))
                    .expectNoEvents();
        }

        @Test
        void eachLocalAuthorityUsesItsOwnLevels() {
            fixture.givenNoPriorActivity()
                    .when(new RaiseEscalation(ID, List.of(CHILD_OF_OTHER_LA), OTHER_LA, "HEALTH", ASK, true, "PRACTICE_MANAGER",
                            RAISED_ON, IRO.username()))
                    .expectEvents(new EscalationRaised(ID, List.of(CHILD_OF_OTHER_LA), OTHER_LA, "HEALTH", ASK, true,
                            "PRACTICE_MANAGER", RAISED_ON, IRO.username(), IRO.displayName()));
            setUp();
            fixture.givenNoPriorActivity()
                    .when(new RaiseEscalation(ID, List.of(CHILD_OF_OTHER_LA), OTHER_LA, "HEALTH", ASK, true, TEAM_MANAGER,
                            RAISED_ON, IRO.username()))
                    .expectException(refusal(EscalationRule.LEVEL_CONFIGURED, "levels this local authority uses"));
        }

        @Test
        void anEscalationRaisedTomorrowIsRefusedButOneRaisedTodayIsAccepted() {
            fixture.givenNoPriorActivity()
                    .when(new RaiseEscalation(ID, List.of(CHILD), LA, "PERMANENCE", ASK, false, null,
                            TODAY.plusDays(1), IRO.username()))
                    .expectException(refusal(EscalationRule.DATE_NOT_IN_FUTURE, "cannot be in the future"))
                    .expectNoEvents();
            setUp();
            fixture.givenNoPriorActivity()
                    .when(new RaiseEscalation(ID, List.of(CHILD), LA, "PERMANENCE", ASK, false, null, TODAY,
                            IRO.username()))
                    .expectEvents(new EscalationRaised(ID, List.of(CHILD), LA, "PERMANENCE", ASK, false, null, TODAY,
                            IRO.username(), IRO.displayName()));
        }
    }

    @Nested
    class MovingUp {

        @Test
        void aMoveToTheNextLevelSkipsNothingAndNeedsNoReason() {
            fixture.given(raisedAt(TEAM_MANAGER))
                    .when(new MoveEscalationUp(ID, SERVICE_MANAGER, day(10), null))
                    .expectEvents(new EscalationMovedUp(ID, TEAM_MANAGER, SERVICE_MANAGER, List.of(), day(10), null))
                    .expectResultMessagePayload(1L);
        }

        @Test
        void theChairMaySkipLevelsGivingAReasonAndTheSkippedLevelsAreRecorded() {
            fixture.given(raisedAt(TEAM_MANAGER))
                    .when(new MoveEscalationUp(ID, DIRECTOR, day(10), "Child at immediate risk of placement breakdown"))
                    .expectEvents(new EscalationMovedUp(ID, TEAM_MANAGER, DIRECTOR,
                            List.of(SERVICE_MANAGER, HEAD_OF_SERVICE), day(10),
                            "Child at immediate risk of placement breakdown"));
        }

        @Test
        void skippingALevelWithoutAReasonIsRefusedNamingTheLevelSkipped() {
            fixture.given(raisedAt(TEAM_MANAGER))
                    .when(new MoveEscalationUp(ID, HEAD_OF_SERVICE, day(10), "  "))
                    .expectException(refusal(EscalationRule.SKIPPING_LEVELS_NEEDS_REASON,
                            "Enter why you are skipping the service manager"))
                    .expectNoEvents();
        }

        @Test
        void movingAnInformalAlertUpMakesItFormalAtTheChosenLevel() {
            fixture.given(alertRaised())
                    .when(new MoveEscalationUp(ID, SERVICE_MANAGER, day(5), null))
                    .expectEvents(new EscalationMovedUp(ID, null, SERVICE_MANAGER, List.of(), day(5), null));
        }

        @Test
        void aMoveToTheSameLevelIsRefused() {
            fixture.given(raisedAt(SERVICE_MANAGER))
                    .when(new MoveEscalationUp(ID, SERVICE_MANAGER, day(10), "Still waiting"))
                    .expectException(refusal(EscalationRule.MOVE_TO_HIGHER_LEVEL,
                            "already with the service manager; choose a higher level"))
                    .expectNoEvents();
        }

        @Test
        void aMoveDownIsRefused() {
            fixture.given(raisedAt(TEAM_MANAGER),
                            new EscalationMovedUp(ID, TEAM_MANAGER, HEAD_OF_SERVICE, List.of(SERVICE_MANAGER), day(5),
                                    "Urgent"))
                    .when(new MoveEscalationUp(ID, SERVICE_MANAGER, day(10), null))
                    .expectException(refusal(EscalationRule.MOVE_TO_HIGHER_LEVEL,
                            "the service manager is below the head of service"))
                    .expectNoEvents();
        }

        @Test
        void anEscalationWithTheDirectorCannotMoveFurther() {
            fixture.given(raisedAt(DIRECTOR))
                    .when(new MoveEscalationUp(ID, DIRECTOR, day(10), "No answer"))
                    .expectException(refusal(EscalationRule.MOVE_TO_HIGHER_LEVEL,
                            "already with the director of children's services"));
        }

        @Test
        void aMoveToALevelTheLocalAuthorityDoesNotUseIsRefused() {
            fixture.given(raisedAt(TEAM_MANAGER))
                    .when(new MoveEscalationUp(ID, "ASSISTANT_DIRECTOR", day(10), "Reason"))
                    .expectException(refusal(EscalationRule.LEVEL_CONFIGURED, "levels this local authority uses"))
                    .expectNoEvents();
        }

        @Test
        void aMoveDatedBeforeTheLastResponseIsRefusedButOnTheSameDayIsAccepted() {
            var response = new EscalationResponseReceived(ID, TEAM_MANAGER, day(9), "Team manager", "Next month");
            fixture.given(raisedAt(TEAM_MANAGER), response)
                    .when(new MoveEscalationUp(ID, SERVICE_MANAGER, day(8), null))
                    .expectException(refusal(EscalationRule.NOT_BEFORE_PREVIOUS_STEP,
                            "A move up cannot be dated before the last response was received on 9 March 2026"))
                    .expectNoEvents();
            setUp();
            fixture.given(raisedAt(TEAM_MANAGER), response)
                    .when(new MoveEscalationUp(ID, SERVICE_MANAGER, day(9), null))
                    .expectEvents(new EscalationMovedUp(ID, TEAM_MANAGER, SERVICE_MANAGER, List.of(), day(9), null));
        }

        @Test
        void aMoveDatedBeforeTheEscalationWasRaisedIsRefused() {
            fixture.given(raisedAt(TEAM_MANAGER))
                    .when(new MoveEscalationUp(ID, SERVICE_MANAGER, day(2), null))
                    .expectException(refusal(EscalationRule.NOT_BEFORE_RAISED,
                            "A move up cannot be dated before the escalation was raised on 3 March 2026"))
                    .expectNoEvents();
        }

        @Test
        void aMoveDatedTomorrowIsRefused() {
            fixture.given(raisedAt(TEAM_MANAGER))
                    .when(new MoveEscalationUp(ID, SERVICE_MANAGER, TODAY.plusDays(1), null))
                    .expectException(refusal(EscalationRule.DATE_NOT_IN_FUTURE,
                            "A move up cannot be dated in the future"))
                    .expectNoEvents();
        }
    }

    @Nested
    class Responses {

        @Test
        void aResponseIsRecordedForTheCurrentLevel() {
            fixture.given(raisedAt(TEAM_MANAGER))
                    .when(new RecordEscalationResponse(ID, TEAM_MANAGER, day(6), " Team manager ", " Allocate "))
                    .expectEvents(new EscalationResponseReceived(ID, TEAM_MANAGER, day(6), "Team manager", "Allocate"))
                    .expectResultMessagePayload(1L);
        }

        @Test
        void anInformalAlertIsAnsweredWithoutALevel() {
            fixture.given(alertRaised())
                    .when(new RecordEscalationResponse(ID, null, day(4), "Social worker", "Visit this week"))
                    .expectEvents(new EscalationResponseReceived(ID, null, day(4), "Social worker", "Visit this week"));
        }

        @Test
        void aResponseForALevelTheEscalationHasLeftIsRefused() {
            fixture.given(raisedAt(TEAM_MANAGER),
                            new EscalationMovedUp(ID, TEAM_MANAGER, SERVICE_MANAGER, List.of(), day(5), null))
                    .when(new RecordEscalationResponse(ID, TEAM_MANAGER, day(6), "Team manager", "Allocate by Friday"))
                    .expectException(refusal(EscalationRule.RESPONSE_AT_CURRENT_LEVEL,
                            "now with the service manager; record the response for that level"))
                    .expectNoEvents();
        }

        @Test
        void aResponseWithALevelToAnInformalAlertIsRefused() {
            fixture.given(alertRaised())
                    .when(new RecordEscalationResponse(ID, TEAM_MANAGER, day(4), "Team manager", "Visit this week"))
                    .expectException(refusal(EscalationRule.RESPONSE_AT_CURRENT_LEVEL, "informal alert"))
                    .expectNoEvents();
        }

        @Test
        void aResponseCannotBeDatedBeforeTheEscalationWasRaised() {
            fixture.given(raisedAt(TEAM_MANAGER))
                    .when(new RecordEscalationResponse(ID, TEAM_MANAGER, day(2), "Team manager", "Allocate"))
                    .expectException(refusal(EscalationRule.NOT_BEFORE_RAISED,
                            "A response cannot be dated before the escalation was raised on 3 March 2026"))
                    .expectNoEvents();
        }

        @Test
        void aResponseCannotBeDatedBeforeTheMoveToItsLevel() {
            fixture.given(raisedAt(TEAM_MANAGER),
                            new EscalationMovedUp(ID, TEAM_MANAGER, SERVICE_MANAGER, List.of(), day(10), null))
                    .when(new RecordEscalationResponse(ID, SERVICE_MANAGER, day(9), "Service manager", "Allocate"))
                    .expectException(refusal(EscalationRule.NOT_BEFORE_PREVIOUS_STEP,
                            "A response cannot be dated before the escalation moved up on 10 March 2026"))
                    .expectNoEvents();
        }

        @Test
        void aResponseCannotBeDatedInTheFuture() {
            fixture.given(raisedAt(TEAM_MANAGER))
                    .when(new RecordEscalationResponse(ID, TEAM_MANAGER, TODAY.plusDays(1), "Team manager", "Allocate"))
                    .expectException(refusal(EscalationRule.DATE_NOT_IN_FUTURE, "cannot be dated in the future"))
                    .expectNoEvents();
        }

        @Test
        void theChairRejectsAResponseGivingAReason() {
            fixture.given(raisedAt(TEAM_MANAGER),
                            TEAM_MANAGER_RESPONDED)
                    .when(new RejectEscalationResponse(ID, day(7), " The child cannot wait 3 months "))
                    .expectEvents(new EscalationResponseRejected(ID, TEAM_MANAGER, day(7),
                            "The child cannot wait 3 months"))
                    .expectResultMessagePayload(2L);
        }

        @Test
        void aRejectionWithoutAReasonIsRefused() {
            fixture.given(raisedAt(TEAM_MANAGER),
                            TEAM_MANAGER_RESPONDED)
                    .when(new RejectEscalationResponse(ID, day(7), ""))
                    .expectException(refusal(EscalationRule.REJECTION_NEEDS_REASON, "why the response is rejected"))
                    .expectNoEvents();
        }

        @Test
        void nothingCanBeRejectedBeforeAResponseArrives() {
            fixture.given(raisedAt(TEAM_MANAGER))
                    .when(new RejectEscalationResponse(ID, day(7), "No answer"))
                    .expectException(refusal(EscalationRule.REJECTION_NEEDS_RESPONSE,
                            "There is no response from the team manager to reject"))
                    .expectNoEvents();
        }

        @Test
        void aResponseAtALowerLevelCannotBeRejectedOnceTheEscalationHasMovedUp() {
            fixture.given(raisedAt(TEAM_MANAGER),
                            TEAM_MANAGER_RESPONDED,
                            new EscalationMovedUp(ID, TEAM_MANAGER, SERVICE_MANAGER, List.of(), day(7), null))
                    .when(new RejectEscalationResponse(ID, day(8), "Too slow"))
                    .expectException(refusal(EscalationRule.REJECTION_NEEDS_RESPONSE, "from the service manager"))
                    .expectNoEvents();
        }

        @Test
        void aResponseIsRejectedOnlyOnce() {
            fixture.given(raisedAt(TEAM_MANAGER),
                            TEAM_MANAGER_RESPONDED,
                            new EscalationResponseRejected(ID, TEAM_MANAGER, day(7), "Too slow"))
                    .when(new RejectEscalationResponse(ID, day(8), "Still too slow"))
                    .expectException(refusal(EscalationRule.REJECTION_NEEDS_RESPONSE, "record the response first"))
                    .expectNoEvents();
        }

        @Test
        void aRejectionCannotBeDatedBeforeTheResponse() {
            fixture.given(raisedAt(TEAM_MANAGER),
                            TEAM_MANAGER_RESPONDED)
                    .when(new RejectEscalationResponse(ID, day(5), "Too slow"))
                    .expectException(refusal(EscalationRule.NOT_BEFORE_PREVIOUS_STEP,
                            "A rejection cannot be dated before the last response was received on 6 March 2026"))
                    .expectNoEvents();
        }

        @Test
        void afterARejectionTheChairEscalatesToTheNextLevel() {
            fixture.given(raisedAt(TEAM_MANAGER),
                            TEAM_MANAGER_RESPONDED,
                            new EscalationResponseRejected(ID, TEAM_MANAGER, day(7), "The child cannot wait"))
                    .when(new MoveEscalationUp(ID, SERVICE_MANAGER, day(7), "Team manager's response rejected"))
                    .expectEvents(new EscalationMovedUp(ID, TEAM_MANAGER, SERVICE_MANAGER, List.of(), day(7),
                            "Team manager's response rejected"))
                    .expectResultMessagePayload(3L);
        }

        @Test
        void afterARejectionTheSameLevelMayRespondAgain() {
            fixture.given(raisedAt(TEAM_MANAGER),
                            TEAM_MANAGER_RESPONDED,
                            new EscalationResponseRejected(ID, TEAM_MANAGER, day(7), "The child cannot wait"))
                    .when(new RecordEscalationResponse(ID, TEAM_MANAGER, day(9), "Team manager", "Meeting on 12 March"))
                    .expectEvents(new EscalationResponseReceived(ID, TEAM_MANAGER, day(9), "Team manager",
                            "Meeting on 12 March"));
        }
    }

    @Nested
    class Resolving {

        @Test
        void anEscalationIsResolvedAtItsCurrentLevelWithTheOutcomeForTheChild() {
            fixture.given(raisedAt(TEAM_MANAGER),
                            new EscalationMovedUp(ID, TEAM_MANAGER, SERVICE_MANAGER, List.of(), day(5), null))
                    .when(new ResolveEscalation(ID, day(12), " Social worker allocated ", true))
                    .expectEvents(new EscalationResolved(ID, day(12), SERVICE_MANAGER, "Social worker allocated", true))
                    .expectResultMessagePayload(2L);
        }

        @Test
        void anInformalAlertResolvedBeforeBecomingFormalHasNoLevel() {
            fixture.given(alertRaised())
                    .when(new ResolveEscalation(ID, day(4), "Visit made", false))
                    .expectEvents(new EscalationResolved(ID, day(4), null, "Visit made", false));
        }

        @Test
        void aResolutionWithoutAnOutcomeForTheChildIsRefused() {
            fixture.given(raisedAt(TEAM_MANAGER))
                    .when(new ResolveEscalation(ID, day(12), " ", true))
                    .expectException(refusal(EscalationRule.RESOLUTION_NEEDS_OUTCOME, "outcome for the child"))
                    .expectNoEvents();
        }

        @Test
        void aResolutionMustSayWhetherItWasInTheChildsInterest() {
            fixture.given(raisedAt(TEAM_MANAGER))
                    .when(new ResolveEscalation(ID, day(12), "Social worker allocated", null))
                    .expectException(refusal(EscalationRule.RESOLUTION_STATES_CHILDS_INTEREST, "child's interest"))
                    .expectNoEvents();
        }

        @Test
        void aResolutionCannotBeDatedBeforeTheLastRejection() {
            fixture.given(raisedAt(TEAM_MANAGER),
                            TEAM_MANAGER_RESPONDED,
                            new EscalationResponseRejected(ID, TEAM_MANAGER, day(8), "Too slow"))
                    .when(new ResolveEscalation(ID, day(7), "Allocated", true))
                    .expectException(refusal(EscalationRule.NOT_BEFORE_PREVIOUS_STEP,
                            "A resolution cannot be dated before the last response was rejected on 8 March 2026"))
                    .expectNoEvents();
        }

        @Test
        void aResolutionCannotBeDatedInTheFuture() {
            fixture.given(raisedAt(TEAM_MANAGER))
                    .when(new ResolveEscalation(ID, TODAY.plusDays(1), "Allocated", true))
                    .expectException(refusal(EscalationRule.DATE_NOT_IN_FUTURE, "cannot be dated in the future"))
                    .expectNoEvents();
        }
    }

    @Nested
    class Withdrawing {

        @Test
        void theChairWithdrawsAnEscalationGivingAReason() {
            fixture.given(raisedAt(TEAM_MANAGER))
                    .when(new WithdrawEscalation(ID, day(4), " Raised about the wrong placement "))
                    .expectEvents(new EscalationWithdrawn(ID, day(4), "Raised about the wrong placement"))
                    .expectResultMessagePayload(1L);
        }

        @Test
        void aWithdrawalWithoutAReasonIsRefused() {
            fixture.given(raisedAt(TEAM_MANAGER))
                    .when(new WithdrawEscalation(ID, day(4), null))
                    .expectException(refusal(EscalationRule.WITHDRAWAL_NEEDS_REASON, "why the escalation is withdrawn"))
                    .expectNoEvents();
        }

        @Test
        void aWithdrawalCannotBeDatedBeforeTheEscalationWasRaised() {
            fixture.given(raisedAt(TEAM_MANAGER))
                    .when(new WithdrawEscalation(ID, day(1), "Duplicate"))
                    .expectException(refusal(EscalationRule.NOT_BEFORE_RAISED,
                            "A withdrawal cannot be dated before the escalation was raised on 3 March 2026"))
                    .expectNoEvents();
        }
    }

    @Nested
    class ReferringToCafcass {

        @Test
        void aReferralToCafcassLeavesTheEscalationOpenAndTheProcessContinues() {
            fixture.given(raisedAt(TEAM_MANAGER),
                            new EscalationReferredToCafcass(ID, day(5), "Legal planning has drifted for a year"))
                    .when(new MoveEscalationUp(ID, SERVICE_MANAGER, day(6), null))
                    .expectEvents(new EscalationMovedUp(ID, TEAM_MANAGER, SERVICE_MANAGER, List.of(), day(6), null));
        }

        @Test
        void aReferralMayBeMadeWhileTheEscalationWaitsForAResponse() {
            fixture.given(raisedAt(TEAM_MANAGER),
                            new EscalationMovedUp(ID, TEAM_MANAGER, SERVICE_MANAGER, List.of(), day(10), null))
                    .when(new ReferToCafcass(ID, day(9), " Child's plan has drifted "))
                    .expectEvents(new EscalationReferredToCafcass(ID, day(9), "Child's plan has drifted"))
                    .expectResultMessagePayload(2L);
        }

        @Test
        void anEscalationIsReferredToCafcassOnlyOnce() {
            fixture.given(raisedAt(TEAM_MANAGER), new EscalationReferredToCafcass(ID, day(5), "Drift"))
                    .when(new ReferToCafcass(ID, day(9), "Drift again"))
                    .expectException(refusal(EscalationRule.CAFCASS_REFERRAL_ONCE,
                            "already referred to Cafcass on 5 March 2026"))
                    .expectNoEvents();
        }

        @Test
        void aReferralWithoutAReasonIsRefused() {
            fixture.given(raisedAt(TEAM_MANAGER))
                    .when(new ReferToCafcass(ID, day(9), "\t"))
                    .expectException(refusal(EscalationRule.CAFCASS_REFERRAL_NEEDS_REASON,
                            "why the case is referred to Cafcass"))
                    .expectNoEvents();
        }

        @Test
        void aReferralCannotBeDatedBeforeTheEscalationWasRaisedNorInTheFuture() {
            fixture.given(raisedAt(TEAM_MANAGER))
                    .when(new ReferToCafcass(ID, day(2), "Drift"))
                    .expectException(refusal(EscalationRule.NOT_BEFORE_RAISED, "raised on 3 March 2026"));
            setUp();
            fixture.given(raisedAt(TEAM_MANAGER))
                    .when(new ReferToCafcass(ID, TODAY.plusDays(1), "Drift"))
                    .expectException(refusal(EscalationRule.DATE_NOT_IN_FUTURE, "cannot be dated in the future"));
        }
    }

    @Nested
    class OnceClosed {

        private final EscalationResolved resolved =
                new EscalationResolved(ID, day(12), TEAM_MANAGER, "Allocated", true);
        private final EscalationWithdrawn withdrawn = new EscalationWithdrawn(ID, day(4), "Duplicate");

        @Test
        void nothingMoreIsRecordedOnAResolvedEscalation() {
            fixture.given(raisedAt(TEAM_MANAGER), resolved)
                    .when(new RecordEscalationResponse(ID, TEAM_MANAGER, day(13), "Team manager", "More"))
                    .expectException(refusal(EscalationRule.NOTHING_AFTER_CLOSED,
                            "This escalation was resolved on 12 March 2026; nothing more can be recorded on it"))
                    .expectNoEvents();
        }

        @Test
        void aResolvedEscalationCannotBeMovedUpOrWithdrawn() {
            fixture.given(raisedAt(TEAM_MANAGER), resolved)
                    .when(new MoveEscalationUp(ID, SERVICE_MANAGER, day(13), null))
                    .expectException(refusal(EscalationRule.NOTHING_AFTER_CLOSED, "resolved on 12 March 2026"));
            setUp();
            fixture.given(raisedAt(TEAM_MANAGER), resolved)
                    .when(new WithdrawEscalation(ID, day(13), "Changed my mind"))
                    .expectException(refusal(EscalationRule.NOTHING_AFTER_CLOSED, "resolved on 12 March 2026"));
        }

        @Test
        void aWithdrawnEscalationCannotBeReferredToCafcassOrResolved() {
            fixture.given(raisedAt(TEAM_MANAGER), withdrawn)
                    .when(new ReferToCafcass(ID, day(5), "Drift"))
                    .expectException(refusal(EscalationRule.NOTHING_AFTER_CLOSED, "withdrawn on 4 March 2026"))
                    .expectNoEvents();
            setUp();
            fixture.given(raisedAt(TEAM_MANAGER), withdrawn)
                    .when(new ResolveEscalation(ID, day(5), "Allocated", true))
                    .expectException(refusal(EscalationRule.NOTHING_AFTER_CLOSED, "withdrawn on 4 March 2026"));
        }

        @Test
        void aRejectionAfterResolutionIsRefusedAsClosedNotForWantOfAResponse() {
            fixture.given(raisedAt(TEAM_MANAGER),
                            TEAM_MANAGER_RESPONDED, resolved)
                    .when(new RejectEscalationResponse(ID, day(13), "Too slow"))
                    .expectException(refusal(EscalationRule.NOTHING_AFTER_CLOSED, "resolved on 12 March 2026"));
        }
    }

    @Nested
    class AWholeJourney {

        @Test
        void anAlertBecomesFormalSkipsALevelIsReferredToCafcassAndIsResolvedByTheHeadOfService() {
            fixture.given(alertRaised(),
                            new EscalationResponseReceived(ID, null, day(4), "Social worker", "Will visit"),
                            new EscalationResponseRejected(ID, null, day(5), "No visit date"),
                            new EscalationMovedUp(ID, null, TEAM_MANAGER, List.of(), day(5), "Alert not answered"),
                            new EscalationReferredToCafcass(ID, day(6), "Placement at risk"),
                            new EscalationMovedUp(ID, TEAM_MANAGER, HEAD_OF_SERVICE, List.of(SERVICE_MANAGER), day(9),
                                    "Service manager on leave"),
                            new EscalationResponseReceived(ID, HEAD_OF_SERVICE, day(11), "Head of service",
                                    "Placement support package agreed"))
                    .when(new ResolveEscalation(ID, day(12), "Placement stabilised with support", true))
                    .expectEvents(new EscalationResolved(ID, day(12), HEAD_OF_SERVICE,
                            "Placement stabilised with support", true))
                    .expectResultMessagePayload(7L);
        }
    }
}
