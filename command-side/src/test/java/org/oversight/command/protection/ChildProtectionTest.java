package org.oversight.command.protection;

import static org.hamcrest.Matchers.containsString;
import static org.oversight.command.childcase.DemoDirectory.CP;
import static org.oversight.command.childcase.DemoDirectory.DUAL;
import static org.oversight.command.childcase.DemoDirectory.IRO;
import static org.oversight.command.childcase.DemoDirectory.LA;
import static org.oversight.command.protection.Violations.violates;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.axonframework.test.aggregate.ResultValidator;
import org.axonframework.test.aggregate.TestExecutor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.oversight.command.childcase.DemoDirectory;
import org.oversight.command.protection.HoldInitialConference.ChildDecision;
import org.oversight.command.protection.HoldReviewConference.ReviewDecision;
import org.oversight.command.rules.Rule;
import org.oversight.events.childcase.BirthRecorded;
import org.oversight.events.childcase.ChildRegistered;
import org.oversight.events.protection.CategoryOfAbuse;
import org.oversight.events.protection.ChildProtectionPlanEnded;
import org.oversight.events.protection.ChildProtectionPlanStarted;
import org.oversight.events.protection.ChildsView;
import org.oversight.events.protection.ConferenceDateCorrected;
import org.oversight.events.protection.ConferenceOutcome;
import org.oversight.events.protection.ConferenceType;
import org.oversight.events.protection.InitialCategoryCorrected;
import org.oversight.events.protection.InitialConferenceHeld;
import org.oversight.events.protection.InitialConferenceNotRequired;
import org.oversight.events.protection.PlanEndReason;
import org.oversight.events.protection.ReviewConferenceHeld;
import org.oversight.events.protection.Section47EnquiryStarted;
import org.oversight.events.protection.ViewsConveyed;

/**
 * One child's protection journey, decision by decision: each rule has a test that fails without it, and the
 * edge of each date rule (same day, day after) is pinned both ways.
 */
class ChildProtectionTest {

    private static final ZoneId ENGLAND = ZoneId.of("Europe/London");
    /** A Tuesday. */
    private static final LocalDate TODAY = LocalDate.of(2026, 6, 30);
    private static final Clock CLOCK = Clock.fixed(TODAY.atStartOfDay(ENGLAND).toInstant(), ENGLAND);

    private static final String CHILD = "child-1";
    private static final String UNBORN = "child-unborn";
    private static final String BORN_IN_APRIL = "child-born-april";
    private static final String ENQUIRY = "enquiry-1";
    private static final String ICPC_ID = "icpc-1";
    private static final String PLAN_ID = ProtectionIds.planOf(CHILD, ICPC_ID);
    /** Monday 16 February 2026. */
    private static final LocalDate STRATEGY = LocalDate.of(2026, 2, 16);
    /** Tuesday 3 March 2026: the plan starts. */
    private static final LocalDate ICPC = LocalDate.of(2026, 3, 3);
    /** Tuesday 2 June 2026. */
    private static final LocalDate FIRST_REVIEW = LocalDate.of(2026, 6, 2);
    /** Monday 29 June 2026. */
    private static final LocalDate SECOND_REVIEW = LocalDate.of(2026, 6, 29);
    private static final List<String> QUORATE = List.of("Children's social care", "Police", "Health");
    private static final List<String> INQUORATE = List.of("Children's social care", "Police");
    private static final ChildsView SPOKE = new ChildsView(true, ViewsConveyed.ATTENDED_SPOKE_FOR_SELF);
    private static final ChildsView UNBORN_VIEW = new ChildsView(false, ViewsConveyed.TOO_YOUNG_OR_UNBORN);

    private FixtureConfiguration<ChildProtection> fixture;
    private InMemoryEvents cases;

    @BeforeEach
    void setUp() {
        setUp(new DefaultQuoracyPolicy());
    }

    private void setUp(QuoracyPolicy quoracy) {
        DemoDirectory directory = new DemoDirectory();
        cases = new InMemoryEvents(CLOCK, directory, quoracy);
        cases.given("ChildCase", CHILD, new ChildRegistered(CHILD, LA, "A1", "Sam", "Jones",
                LocalDate.of(2020, 5, 1), null, STRATEGY));
        cases.given("ChildCase", UNBORN, new ChildRegistered(UNBORN, LA, "A2", "Baby", "Jones",
                null, LocalDate.of(2026, 7, 20), STRATEGY));
        cases.given("ChildCase", BORN_IN_APRIL,
                new ChildRegistered(BORN_IN_APRIL, LA, "A3", "Baby", "Smith", null, LocalDate.of(2026, 4, 25), STRATEGY),
                new BirthRecorded(BORN_IN_APRIL, LocalDate.of(2026, 4, 20)));
        fixture = new AggregateTestFixture<>(ChildProtection.class);
        fixture.registerInjectableResource(CLOCK);
        fixture.registerInjectableResource(directory);
        fixture.registerInjectableResource(quoracy);
        fixture.registerInjectableResource(cases.registeredChildren());
        fixture.registerAnnotatedCommandHandler(
                new ProtectionCommandHandler(fixture.getRepository(), cases.registeredChildren()));
    }

    @AfterEach
    void tearDown() {
        cases.close();
    }

    /** A fresh fixture for a second run in one test: a fixture remembers the aggregate it last loaded. */
    private void anew() {
        tearDown();
        setUp();
    }

    // Events as earlier decisions left them.

    private static Section47EnquiryStarted enquiry() {
        return new Section47EnquiryStarted(CHILD, ENQUIRY, STRATEGY);
    }

    private static InitialConferenceHeld icpcHeld(String conferenceId, LocalDate heldOn, String enquiryId,
            ConferenceOutcome outcome) {
        return new InitialConferenceHeld(CHILD, conferenceId, ConferenceType.INITIAL, heldOn, enquiryId, QUORATE,
                true, outcome, SPOKE, DUAL.username(), DUAL.displayName(), List.of());
    }

    private static Object[] onAPlanSinceIcpc() {
        return new Object[] {enquiry(), icpcHeld(ICPC_ID, ICPC, ENQUIRY, ConferenceOutcome.PLAN),
                new ChildProtectionPlanStarted(CHILD, PLAN_ID, ICPC, ICPC_ID, CategoryOfAbuse.NEG, 0)};
    }

    /** What a quorate initial conference deciding a plan under neglect on {@code heldOn} records. */
    private static Object[] planStartedAtAnIcpcOn(LocalDate heldOn, String enquiryId) {
        return new Object[] {icpcHeld(ICPC_ID, heldOn, enquiryId, ConferenceOutcome.PLAN),
                new ChildProtectionPlanStarted(CHILD, PLAN_ID, heldOn, ICPC_ID, CategoryOfAbuse.NEG, 0)};
    }

    private static ReviewConferenceHeld reviewHeld(String conferenceId, LocalDate heldOn, boolean continues,
            CategoryOfAbuse latest, CategoryOfAbuse previous) {
        return new ReviewConferenceHeld(CHILD, conferenceId, PLAN_ID, heldOn, QUORATE, true, continues, latest,
                previous, SPOKE, DUAL.username(), DUAL.displayName(), List.of());
    }

    private TestExecutor<ChildProtection> onAPlan(Object... later) {
        return fixture.given(onAPlanSinceIcpc()).andGiven(List.of(later));
    }

    /** On a plan from 3 March to Wednesday 1 April 2026, with a new enquiry from 25 March. */
    private TestExecutor<ChildProtection> afterAPlanEndedOnFirstApril() {
        return onAPlan(new ChildProtectionPlanEnded(CHILD, PLAN_ID, LocalDate.of(2026, 4, 1),
                        PlanEndReason.TRANSFERRED_TO_ANOTHER_AUTHORITY, null),
                new Section47EnquiryStarted(CHILD, "enquiry-2", LocalDate.of(2026, 3, 25)));
    }

    // Commands as a chair enters them.

    private static HoldInitialConference initial(ConferenceType type, LocalDate heldOn, List<String> agencies,
            ChildDecision... decisions) {
        return new HoldInitialConference(ICPC_ID, type, heldOn, agencies, DUAL.username(), List.of(decisions));
    }

    private static HoldInitialConference icpc(LocalDate heldOn, ChildDecision decision) {
        return initial(ConferenceType.INITIAL, heldOn, QUORATE, decision);
    }

    private static ChildDecision plan(String enquiryId, CategoryOfAbuse category) {
        return new ChildDecision(CHILD, enquiryId, ConferenceOutcome.PLAN, category, 0, SPOKE);
    }

    private static ChildDecision noPlan(String enquiryId) {
        return new ChildDecision(CHILD, enquiryId, ConferenceOutcome.NO_PLAN, null, 0, SPOKE);
    }

    private static HoldReviewConference review(String conferenceId, LocalDate heldOn, ReviewDecision decision) {
        return new HoldReviewConference(conferenceId, heldOn, QUORATE, DUAL.username(), List.of(decision));
    }

    private static ReviewDecision continues(CategoryOfAbuse latest) {
        return new ReviewDecision(CHILD, true, latest, null, SPOKE);
    }

    private static ReviewDecision ends(PlanEndReason reason) {
        return new ReviewDecision(CHILD, false, null, reason, SPOKE);
    }

    private static ResultValidator<ChildProtection> refused(ResultValidator<ChildProtection> result, Rule rule,
            String message) {
        return result.expectException(violates(rule)).expectExceptionMessage(containsString(message)).expectNoEvents();
    }

    @Nested
    class Enquiries {

        @Test
        void aStrategyDiscussionStartsASection47Enquiry() {
            fixture.givenNoPriorActivity()
                    .when(new RecordStrategyDiscussion(CHILD, ENQUIRY, STRATEGY))
                    .expectEvents(enquiry())
                    .expectResultMessagePayload(0L);
        }

        @Test
        void aStrategyDiscussionTodayIsAcceptedButTomorrowIsRefused() {
            fixture.givenNoPriorActivity()
                    .when(new RecordStrategyDiscussion(CHILD, ENQUIRY, TODAY))
                    .expectEvents(new Section47EnquiryStarted(CHILD, ENQUIRY, TODAY));
            anew();
            refused(fixture.givenNoPriorActivity()
                    .when(new RecordStrategyDiscussion(CHILD, "enquiry-2", TODAY.plusDays(1))),
                    ProtectionRule.DATE_NOT_IN_FUTURE, "1 July 2026 has not happened yet");
        }

        @Test
        void anEnquiryIsRecordedOnce() {
            refused(fixture.given(enquiry()).when(new RecordStrategyDiscussion(CHILD, ENQUIRY, STRATEGY)),
                    ProtectionRule.ENQUIRY_RECORDED_ONCE, "already recorded");
        }

        @Test
        void onlyARegisteredChildHasAProtectionJourneyTheCaseIsNotFound() {
            fixture.givenNoPriorActivity().when(new RecordStrategyDiscussion("nobody", ENQUIRY, STRATEGY))
                    .expectException(AggregateNotFoundException.class)
                    .expectNoEvents();
        }

        @Test
        void anEnquiryMayConcludeThatNoInitialConferenceIsNeeded() {
            fixture.given(enquiry())
                    .when(new RecordInitialConferenceNotRequired(CHILD, ENQUIRY, ICPC, " Concerns not substantiated "))
                    .expectEvents(new InitialConferenceNotRequired(CHILD, ENQUIRY, ICPC, "Concerns not substantiated"))
                    .expectResultMessagePayload(1L);
        }

        @Test
        void noConferenceMayBeDecidedOnTheDayOfTheStrategyDiscussionButNotBefore() {
            fixture.given(enquiry())
                    .when(new RecordInitialConferenceNotRequired(CHILD, ENQUIRY, STRATEGY, "No concerns"))
                    .expectEvents(new InitialConferenceNotRequired(CHILD, ENQUIRY, STRATEGY, "No concerns"));
            anew();
            refused(fixture.given(enquiry())
                    .when(new RecordInitialConferenceNotRequired(CHILD, ENQUIRY, STRATEGY.minusDays(1), "No concerns")),
                    ProtectionRule.NOT_BEFORE_STRATEGY_DISCUSSION, "strategy discussion on 16 February 2026");
        }

        @Test
        void aDecisionThatNoConferenceIsNeededConcludesAnEnquiryOnlyOnce() {
            refused(fixture.given(enquiry(), new InitialConferenceNotRequired(CHILD, ENQUIRY, ICPC, "No concerns"))
                    .when(new RecordInitialConferenceNotRequired(CHILD, ENQUIRY, ICPC, "No concerns")),
                    ProtectionRule.ENQUIRY_MUST_BE_OPEN, "has already concluded");
        }

        @Test
        void aDecisionThatNoConferenceIsNeededNeedsAnEnquiry() {
            refused(fixture.givenNoPriorActivity()
                    .when(new RecordInitialConferenceNotRequired(CHILD, ENQUIRY, ICPC, "No concerns")),
                    ProtectionRule.ENQUIRY_MUST_BE_OPEN, "none with this reference");
        }

        @Test
        void aDecisionThatNoConferenceIsNeededIsNotInTheFuture() {
            refused(fixture.given(enquiry())
                    .when(new RecordInitialConferenceNotRequired(CHILD, ENQUIRY, TODAY.plusDays(1), "No concerns")),
                    ProtectionRule.DATE_NOT_IN_FUTURE, "cannot be in the future");
        }
    }

    @Nested
    class InitialConferences {

        @Test
        void aPlanStartsOnTheDateOfTheConferenceThatMadeIt() {
            fixture.given(enquiry())
                    .when(icpc(ICPC, plan(ENQUIRY, CategoryOfAbuse.NEG)))
                    .expectEvents(icpcHeld(ICPC_ID, ICPC, ENQUIRY, ConferenceOutcome.PLAN),
                            new ChildProtectionPlanStarted(CHILD, PLAN_ID, ICPC, ICPC_ID, CategoryOfAbuse.NEG, 0))
                    .expectResultMessagePayload(Map.of(CHILD, 2L));
        }

        @Test
        void aConferenceThatDecidesNoPlanStartsNone() {
            fixture.given(enquiry())
                    .when(icpc(ICPC, noPlan(ENQUIRY)))
                    .expectEvents(icpcHeld(ICPC_ID, ICPC, ENQUIRY, ConferenceOutcome.NO_PLAN));
        }

        @Test
        void aConferenceIsNeverHeldOnASaturdayOrSunday() {
            refused(fixture.given(enquiry()).when(icpc(LocalDate.of(2026, 3, 7), plan(ENQUIRY, CategoryOfAbuse.NEG))),
                    ProtectionRule.CONFERENCE_ON_A_WEEKDAY, "7 March 2026 is a Saturday");
            anew();
            refused(fixture.given(enquiry()).when(icpc(LocalDate.of(2026, 3, 8), plan(ENQUIRY, CategoryOfAbuse.NEG))),
                    ProtectionRule.CONFERENCE_ON_A_WEEKDAY, "8 March 2026 is a Sunday");
        }

        @Test
        void aConferenceOnAFridayIsAccepted() {
            fixture.given(enquiry())
                    .when(icpc(LocalDate.of(2026, 3, 6), plan(ENQUIRY, CategoryOfAbuse.NEG)))
                    .expectEvents(planStartedAtAnIcpcOn(LocalDate.of(2026, 3, 6), ENQUIRY));
        }

        @Test
        void aConferenceTodayIsAcceptedButTomorrowIsRefused() {
            fixture.given(enquiry())
                    .when(icpc(TODAY, plan(ENQUIRY, CategoryOfAbuse.NEG)))
                    .expectEvents(planStartedAtAnIcpcOn(TODAY, ENQUIRY));
            anew();
            refused(fixture.given(enquiry()).when(icpc(TODAY.plusDays(1), plan(ENQUIRY, CategoryOfAbuse.NEG))),
                    ProtectionRule.DATE_NOT_IN_FUTURE, "cannot be in the future");
        }

        @Test
        void theChairMustBeAChildProtectionChair() {
            var byIro = new HoldInitialConference(ICPC_ID, ConferenceType.INITIAL, ICPC, QUORATE, IRO.username(),
                    List.of(plan(ENQUIRY, CategoryOfAbuse.NEG)));
            refused(fixture.given(enquiry()).when(byIro),
                    ProtectionRule.CHAIR_MUST_BE_CP_CHAIR, "cannot chair child protection conferences");
        }

        @Test
        void anUnknownChairIsRefused() {
            var byNobody = new HoldInitialConference(ICPC_ID, ConferenceType.INITIAL, ICPC, QUORATE, "nobody",
                    List.of(plan(ENQUIRY, CategoryOfAbuse.NEG)));
            refused(fixture.given(enquiry()).when(byNobody),
                    ProtectionRule.CHAIR_MUST_BE_CP_CHAIR, "registered with the service");
        }

        @Test
        void theChairsNameAsTheDirectoryHoldsItIsRecorded() {
            var byCpChair = new HoldInitialConference(ICPC_ID, ConferenceType.INITIAL, ICPC, QUORATE, CP.username(),
                    List.of(noPlan(ENQUIRY)));
            fixture.given(enquiry())
                    .when(byCpChair)
                    .expectEvents(new InitialConferenceHeld(CHILD, ICPC_ID, ConferenceType.INITIAL, ICPC, ENQUIRY,
                            QUORATE, true, ConferenceOutcome.NO_PLAN, SPOKE, CP.username(), "Chris Clarke", List.of()));
        }

        @Test
        void aReviewIsNotRecordedAsAnInitialConference() {
            refused(fixture.given(onAPlanSinceIcpc())
                    .when(initial(ConferenceType.REVIEW, FIRST_REVIEW, QUORATE, noPlan(null))),
                    ProtectionRule.CONFERENCE_TYPE_INITIAL, "as a review");
        }

        @Test
        void anInitialConferenceNeedsAnEnquiry() {
            refused(fixture.givenNoPriorActivity().when(icpc(ICPC, plan(ENQUIRY, CategoryOfAbuse.NEG))),
                    ProtectionRule.ENQUIRY_MUST_BE_OPEN, "Select the section 47 enquiry");
            anew();
            refused(fixture.given(enquiry()).when(icpc(ICPC, plan(null, CategoryOfAbuse.NEG))),
                    ProtectionRule.ENQUIRY_MUST_BE_OPEN, "Select the section 47 enquiry");
        }

        @Test
        void anEnquiryThatFoundNoConferenceNeededCannotLeadToOne() {
            refused(fixture.given(enquiry(), new InitialConferenceNotRequired(CHILD, ENQUIRY, ICPC, "No concerns"))
                    .when(icpc(ICPC, plan(ENQUIRY, CategoryOfAbuse.NEG))),
                    ProtectionRule.ENQUIRY_MUST_BE_OPEN, "strategy discussion on 16 February 2026 has already concluded");
        }

        @Test
        void anInitialConferenceMayBeOnTheDayOfTheStrategyDiscussionButNotBefore() {
            fixture.given(enquiry())
                    .when(icpc(STRATEGY, plan(ENQUIRY, CategoryOfAbuse.NEG)))
                    .expectEvents(planStartedAtAnIcpcOn(STRATEGY, ENQUIRY));
            anew();
            refused(fixture.given(new Section47EnquiryStarted(CHILD, ENQUIRY, ICPC))
                    .when(icpc(LocalDate.of(2026, 3, 2), plan(ENQUIRY, CategoryOfAbuse.NEG))),
                    ProtectionRule.NOT_BEFORE_STRATEGY_DISCUSSION, "before the strategy discussion on 3 March 2026");
        }

        @Test
        void aTransferInConferenceNeedsNoEnquiry() {
            fixture.givenNoPriorActivity()
                    .when(initial(ConferenceType.TRANSFER_IN, ICPC, QUORATE,
                            new ChildDecision(CHILD, null, ConferenceOutcome.PLAN, CategoryOfAbuse.EMO, 1, SPOKE)))
                    .expectEvents(new InitialConferenceHeld(CHILD, ICPC_ID, ConferenceType.TRANSFER_IN, ICPC, null,
                                    QUORATE, true, ConferenceOutcome.PLAN, SPOKE, DUAL.username(), DUAL.displayName(),
                                    List.of()),
                            new ChildProtectionPlanStarted(CHILD, PLAN_ID, ICPC, ICPC_ID, CategoryOfAbuse.EMO, 1))
                    .expectResultMessagePayload(Map.of(CHILD, 1L));
        }

        @Test
        void aTransferInConferenceNamesNoEnquiry() {
            refused(fixture.given(enquiry())
                    .when(initial(ConferenceType.TRANSFER_IN, ICPC, QUORATE, plan(ENQUIRY, CategoryOfAbuse.EMO))),
                    ProtectionRule.ENQUIRY_MUST_BE_OPEN, "leave the enquiry blank");
        }

        @Test
        void aConferenceIsRecordedOnceForAChild() {
            refused(fixture.given(enquiry(), icpcHeld(ICPC_ID, ICPC, ENQUIRY, ConferenceOutcome.NO_PLAN),
                            new Section47EnquiryStarted(CHILD, "enquiry-2", ICPC))
                    .when(icpc(ICPC, plan("enquiry-2", CategoryOfAbuse.NEG))),
                    ProtectionRule.CONFERENCE_RECORDED_ONCE, "already recorded");
        }

        @Test
        void aConferenceDecidesForEachChildOnce() {
            refused(fixture.given(enquiry())
                    .when(initial(ConferenceType.INITIAL, ICPC, QUORATE, plan(ENQUIRY, CategoryOfAbuse.NEG),
                            noPlan(ENQUIRY))),
                    ProtectionRule.EACH_CHILD_DECIDED_ONCE, "only once");
        }

        @Test
        void anInitialConferenceMayFollowAnEarlierOneThatDecidedNoPlan() {
            fixture.given(enquiry(), icpcHeld("icpc-0", ICPC, ENQUIRY, ConferenceOutcome.NO_PLAN),
                            new Section47EnquiryStarted(CHILD, "enquiry-2", FIRST_REVIEW))
                    .when(icpc(FIRST_REVIEW, plan("enquiry-2", CategoryOfAbuse.NEG)))
                    .expectEvents(planStartedAtAnIcpcOn(FIRST_REVIEW, "enquiry-2"));
        }
    }

    @Nested
    class PreBirthConferences {

        private HoldInitialConference preBirth(String childId, LocalDate heldOn, ChildsView view) {
            return initial(ConferenceType.PRE_BIRTH, heldOn, QUORATE,
                    new ChildDecision(childId, ENQUIRY, ConferenceOutcome.PLAN, CategoryOfAbuse.NEG, 0, view));
        }

        @Test
        void aPreBirthConferenceMayMakeAPlanForAChildRegisteredBeforeBirth() {
            fixture.given(new Section47EnquiryStarted(UNBORN, ENQUIRY, STRATEGY))
                    .when(preBirth(UNBORN, ICPC, UNBORN_VIEW))
                    .expectEvents(new InitialConferenceHeld(UNBORN, ICPC_ID, ConferenceType.PRE_BIRTH, ICPC, ENQUIRY,
                                    QUORATE, true, ConferenceOutcome.PLAN, UNBORN_VIEW, DUAL.username(),
                                    DUAL.displayName(), List.of()),
                            new ChildProtectionPlanStarted(UNBORN, ProtectionIds.planOf(UNBORN, ICPC_ID), ICPC, ICPC_ID,
                                    CategoryOfAbuse.NEG, 0));
        }

        @Test
        void aPreBirthConferenceIsOnlyForAChildRegisteredBeforeBirth() {
            refused(fixture.given(enquiry()).when(preBirth(CHILD, ICPC, UNBORN_VIEW)),
                    ProtectionRule.PRE_BIRTH_ONLY_BEFORE_BIRTH, "only for a child registered before birth");
        }

        @Test
        void aPreBirthConferenceHeldBeforeABirthRecordedSinceIsAccepted() {
            fixture.given(new Section47EnquiryStarted(BORN_IN_APRIL, ENQUIRY, STRATEGY))
                    .when(preBirth(BORN_IN_APRIL, ICPC, UNBORN_VIEW))
                    .expectEvents(new InitialConferenceHeld(BORN_IN_APRIL, ICPC_ID, ConferenceType.PRE_BIRTH, ICPC,
                                    ENQUIRY, QUORATE, true, ConferenceOutcome.PLAN, UNBORN_VIEW, DUAL.username(),
                                    DUAL.displayName(), List.of()),
                            new ChildProtectionPlanStarted(BORN_IN_APRIL, ProtectionIds.planOf(BORN_IN_APRIL, ICPC_ID),
                                    ICPC, ICPC_ID, CategoryOfAbuse.NEG, 0));
        }

        @Test
        void aPreBirthConferenceAfterTheBirthIsRefused() {
            refused(fixture.given(new Section47EnquiryStarted(BORN_IN_APRIL, ENQUIRY, STRATEGY))
                    .when(preBirth(BORN_IN_APRIL, FIRST_REVIEW, UNBORN_VIEW)),
                    ProtectionRule.PRE_BIRTH_ONLY_BEFORE_BIRTH, "before the birth on 20 April 2026");
        }

        @Test
        void aChildNotYetBornHasAPreBirthNotAnInitialConference() {
            refused(fixture.given(new Section47EnquiryStarted(UNBORN, ENQUIRY, STRATEGY))
                    .when(initial(ConferenceType.INITIAL, ICPC, QUORATE,
                            new ChildDecision(UNBORN, ENQUIRY, ConferenceOutcome.PLAN, CategoryOfAbuse.NEG, 0,
                                    UNBORN_VIEW))),
                    ProtectionRule.PRE_BIRTH_ONLY_BEFORE_BIRTH, "had not been born by 3 March 2026");
        }

        @Test
        void anUnbornChildConveysNoViews() {
            refused(fixture.given(new Section47EnquiryStarted(UNBORN, ENQUIRY, STRATEGY))
                    .when(preBirth(UNBORN, ICPC, new ChildsView(false, ViewsConveyed.NOT_CONVEYED))),
                    ProtectionRule.CHILDS_VIEW_CONSISTENT, "not yet born");
        }
    }

    @Nested
    class QuorateConferences {

        private ResultValidator<ChildProtection> planProposedWith(List<String> agencies) {
            return fixture.given(enquiry())
                    .when(initial(ConferenceType.INITIAL, ICPC, agencies, plan(ENQUIRY, CategoryOfAbuse.NEG)));
        }

        @Test
        void aPlanCannotBeMadeAtAnInquorateConference() {
            refused(planProposedWith(INQUORATE),
                    ProtectionRule.PLAN_NEEDS_QUORATE_CONFERENCE, "at least 2 other agencies");
        }

        @Test
        void anInquorateConferenceIsStillRecordedWhenItDecidesNoPlan() {
            fixture.given(enquiry())
                    .when(initial(ConferenceType.INITIAL, ICPC, INQUORATE, noPlan(ENQUIRY)))
                    .expectEvents(new InitialConferenceHeld(CHILD, ICPC_ID, ConferenceType.INITIAL, ICPC, ENQUIRY,
                            INQUORATE, false, ConferenceOutcome.NO_PLAN, SPOKE, DUAL.username(), DUAL.displayName(),
                            List.of()));
        }

        @Test
        void threeOtherAgenciesWithoutChildrensSocialCareAreNotQuorate() {
            refused(planProposedWith(List.of("Police", "Health", "School")),
                    ProtectionRule.PLAN_NEEDS_QUORATE_CONFERENCE, "children's social care");
        }

        @Test
        void anAgencyNamedTwiceCountsOnce() {
            refused(planProposedWith(List.of("Children's social care", "Police", "police ")),
                    ProtectionRule.PLAN_NEEDS_QUORATE_CONFERENCE, "quorate");
        }

        @Test
        void agencyNamesAreMatchedWhateverTheirCaseSpacingOrApostrophe() {
            planProposedWith(List.of(" children\u2019s SOCIAL care", "Police", "Health"))
                    // matched loosely, kept as written but for the spaces around it
                    .expectEvents(new InitialConferenceHeld(CHILD, ICPC_ID, ConferenceType.INITIAL, ICPC, ENQUIRY,
                                    List.of("children\u2019s SOCIAL care", "Police", "Health"), true, ConferenceOutcome.PLAN, SPOKE, DUAL.username(), DUAL.displayName(),
                                    List.of()),
                            new ChildProtectionPlanStarted(CHILD, PLAN_ID, ICPC, ICPC_ID, CategoryOfAbuse.NEG, 0));
        }

        @Test
        void aLocalAuthorityMayAskForMoreAgencies() {
            tearDown();
            setUp(localAuthority -> 3);
            refused(planProposedWith(QUORATE),
                    ProtectionRule.PLAN_NEEDS_QUORATE_CONFERENCE, "at least 3 other agencies");
        }
    }

    @Nested
    class StartingPlans {

        @Test
        void aPlanNeedsAnInitialCategory() {
            refused(fixture.given(enquiry()).when(icpc(ICPC, plan(ENQUIRY, null))),
                    ProtectionRule.INITIAL_CATEGORY_WITH_PLAN, "Select the category of abuse");
        }

        @Test
        void aDecisionOfNoPlanHasNoCategory() {
            refused(fixture.given(enquiry())
                    .when(icpc(ICPC, new ChildDecision(CHILD, ENQUIRY, ConferenceOutcome.NO_PLAN, CategoryOfAbuse.NEG,
                            0, SPOKE))),
                    ProtectionRule.INITIAL_CATEGORY_WITH_PLAN, "only when the child becomes subject to a plan");
        }

        @Test
        void aChildOnAPlanHasNoFurtherInitialConference() {
            refused(onAPlan(new Section47EnquiryStarted(CHILD, "enquiry-2", LocalDate.of(2026, 5, 1)))
                    .when(new HoldInitialConference("icpc-2", ConferenceType.INITIAL, FIRST_REVIEW, QUORATE,
                            DUAL.username(), List.of(plan("enquiry-2", CategoryOfAbuse.PHY)))),
                    ProtectionRule.ONE_OPEN_PLAN, "which started on 3 March 2026; hold a review conference instead");
        }

        @Test
        void aNewPlanCannotStartOnTheDayThePreviousOneEnded() {
            refused(afterAPlanEndedOnFirstApril()
                    .when(new HoldInitialConference("icpc-2", ConferenceType.INITIAL, LocalDate.of(2026, 4, 1),
                            QUORATE, DUAL.username(),
                            List.of(new ChildDecision(CHILD, "enquiry-2", ConferenceOutcome.PLAN, CategoryOfAbuse.PHY,
                                    1, SPOKE)))),
                    ProtectionRule.PLANS_DO_NOT_OVERLAP, "after the previous plan ended on 1 April 2026");
        }

        @Test
        void aNewPlanMayStartTheDayAfterThePreviousOneEnded() {
            LocalDate dayAfter = LocalDate.of(2026, 4, 2);
            String secondPlan = ProtectionIds.planOf(CHILD, "icpc-2");
            afterAPlanEndedOnFirstApril()
                    .when(new HoldInitialConference("icpc-2", ConferenceType.INITIAL, dayAfter, QUORATE,
                            DUAL.username(), List.of(new ChildDecision(CHILD, "enquiry-2", ConferenceOutcome.PLAN,
                                    CategoryOfAbuse.PHY, 1, SPOKE))))
                    .expectEvents(new InitialConferenceHeld(CHILD, "icpc-2", ConferenceType.INITIAL, dayAfter,
                                    "enquiry-2", QUORATE, true, ConferenceOutcome.PLAN, SPOKE, DUAL.username(),
                                    DUAL.displayName(), List.of()),
                            new ChildProtectionPlanStarted(CHILD, secondPlan, dayAfter, "icpc-2", CategoryOfAbuse.PHY, 1));
        }

        @Test
        void thePreviousPlansCountIncludesThePlansHeldHere() {
            refused(afterAPlanEndedOnFirstApril()
                    .when(new HoldInitialConference("icpc-2", ConferenceType.INITIAL, LocalDate.of(2026, 4, 2),
                            QUORATE, DUAL.username(), List.of(plan("enquiry-2", CategoryOfAbuse.PHY)))),
                    ProtectionRule.PREVIOUS_PLANS_INCLUDE_PLANS_HERE, "already had 1 plan recorded here");
        }

        @Test
        void howTheChildsViewsReachedTheConferenceIsRecorded() {
            refused(fixture.given(enquiry())
                    .when(icpc(ICPC, new ChildDecision(CHILD, ENQUIRY, ConferenceOutcome.PLAN, CategoryOfAbuse.NEG, 0,
                            new ChildsView(true, null)))),
                    ProtectionRule.CHILDS_VIEW_CONSISTENT, "Record how the child's views reached the conference");
        }

        @Test
        void attendanceAndHowViewsWereConveyedMustAgree() {
            refused(fixture.given(enquiry())
                    .when(icpc(ICPC, new ChildDecision(CHILD, ENQUIRY, ConferenceOutcome.PLAN, CategoryOfAbuse.NEG, 0,
                            new ChildsView(false, ViewsConveyed.ATTENDED_SPOKE_FOR_SELF)))),
                    ProtectionRule.CHILDS_VIEW_CONSISTENT, "did not attend");
            anew();
            refused(fixture.given(enquiry())
                    .when(icpc(ICPC, new ChildDecision(CHILD, ENQUIRY, ConferenceOutcome.PLAN, CategoryOfAbuse.NEG, 0,
                            new ChildsView(true, ViewsConveyed.THROUGH_ADVOCATE)))),
                    ProtectionRule.CHILDS_VIEW_CONSISTENT, "attended");
        }
    }

    @Nested
    class Reviews {

        @Test
        void aReviewMayChangeTheLatestCategory() {
            onAPlan()
                    .when(review("review-1", FIRST_REVIEW, continues(CategoryOfAbuse.EMO)))
                    .expectEvents(reviewHeld("review-1", FIRST_REVIEW, true, CategoryOfAbuse.EMO, CategoryOfAbuse.NEG))
                    .expectResultMessagePayload(Map.of(CHILD, 3L));
        }

        @Test
        void aReviewThatNamesNoCategoryKeepsTheLatest() {
            onAPlan(reviewHeld("review-1", FIRST_REVIEW, true, CategoryOfAbuse.EMO, CategoryOfAbuse.NEG))
                    .when(review("review-2", SECOND_REVIEW, continues(null)))
                    .expectEvents(reviewHeld("review-2", SECOND_REVIEW, true, CategoryOfAbuse.EMO,
                            CategoryOfAbuse.EMO));
        }

        @Test
        void aReviewThatEndsThePlanEndsItThatDay() {
            onAPlan()
                    .when(review("review-1", FIRST_REVIEW, ends(PlanEndReason.NO_LONGER_AT_RISK)))
                    .expectEvents(reviewHeld("review-1", FIRST_REVIEW, false, CategoryOfAbuse.NEG, CategoryOfAbuse.NEG),
                            new ChildProtectionPlanEnded(CHILD, PLAN_ID, FIRST_REVIEW, PlanEndReason.NO_LONGER_AT_RISK,
                                    "review-1"))
                    .expectResultMessagePayload(Map.of(CHILD, 4L));
        }

        @Test
        void aReviewOnTheDayThePlanStartedIsRefused() {
            refused(onAPlan().when(review("review-1", ICPC, continues(null))),
                    ProtectionRule.REVIEW_AFTER_PLAN_START, "after the plan started on 3 March 2026");
        }

        @Test
        void aReviewTheDayAfterThePlanStartedIsAccepted() {
            onAPlan()
                    .when(review("review-1", ICPC.plusDays(1), continues(null)))
                    .expectEvents(reviewHeld("review-1", ICPC.plusDays(1), true, CategoryOfAbuse.NEG,
                            CategoryOfAbuse.NEG));
        }

        @Test
        void aReviewIsAfterThePreviousReview() {
            refused(onAPlan(reviewHeld("review-1", FIRST_REVIEW, true, CategoryOfAbuse.NEG, CategoryOfAbuse.NEG))
                            .when(review("review-2", FIRST_REVIEW, continues(null))),
                    ProtectionRule.REVIEW_AFTER_PREVIOUS_REVIEW, "after the previous review on 2 June 2026");
            anew();
            refused(onAPlan(reviewHeld("review-1", FIRST_REVIEW, true, CategoryOfAbuse.NEG, CategoryOfAbuse.NEG))
                            .when(review("review-2", LocalDate.of(2026, 6, 1), continues(null))),
                    ProtectionRule.REVIEW_AFTER_PREVIOUS_REVIEW, "after the previous review on 2 June 2026");
        }

        @Test
        void aChildWithoutAPlanHasNoReview() {
            refused(fixture.given(enquiry()).when(review("review-1", FIRST_REVIEW, continues(null))),
                    ProtectionRule.DECISION_NEEDS_OPEN_PLAN, "no child protection plan to review");
        }

        @Test
        void afterThePlanEndedOnlyANewEnquiryOrConferenceFollows() {
            refused(afterAPlanEndedOnFirstApril().when(review("review-1", FIRST_REVIEW, continues(null))),
                    ProtectionRule.DECISION_NEEDS_OPEN_PLAN, "plan ended on 1 April 2026");
        }

        @Test
        void aReviewThatEndsThePlanSaysWhy() {
            refused(onAPlan().when(review("review-1", FIRST_REVIEW, ends(null))),
                    ProtectionRule.END_REASON_WHEN_PLAN_ENDS, "Select why the plan ends");
            anew();
            refused(onAPlan().when(review("review-1", FIRST_REVIEW,
                            new ReviewDecision(CHILD, true, null, PlanEndReason.OTHER, SPOKE))),
                    ProtectionRule.END_REASON_WHEN_PLAN_ENDS, "only when the plan ends");
        }

        @Test
        void anInquorateReviewThatTriesToEndThePlanIsRefused() {
            refused(onAPlan().when(new HoldReviewConference("review-1", FIRST_REVIEW, INQUORATE, DUAL.username(),
                            List.of(ends(PlanEndReason.NO_LONGER_AT_RISK)))),
                    ProtectionRule.INQUORATE_REVIEW_CANNOT_END_PLAN, "cannot end a plan");
        }

        @Test
        void anInquorateReviewMayContinueThePlan() {
            onAPlan()
                    .when(new HoldReviewConference("review-1", FIRST_REVIEW, INQUORATE, DUAL.username(),
                            List.of(continues(null))))
                    .expectEvents(new ReviewConferenceHeld(CHILD, "review-1", PLAN_ID, FIRST_REVIEW, INQUORATE, false,
                            true, CategoryOfAbuse.NEG, CategoryOfAbuse.NEG, SPOKE, DUAL.username(), DUAL.displayName(),
                            List.of()));
        }

        @Test
        void aReviewIsOnAWeekday() {
            refused(onAPlan().when(review("review-1", LocalDate.of(2026, 6, 6), continues(null))),
                    ProtectionRule.CONFERENCE_ON_A_WEEKDAY, "is a Saturday");
        }

        @Test
        void theInitialCategoryStaysAsItWasWhenAReviewChangesTheLatest() {
            onAPlan(reviewHeld("review-1", FIRST_REVIEW, true, CategoryOfAbuse.EMO, CategoryOfAbuse.NEG))
                    .when(new CorrectInitialCategory(CHILD, PLAN_ID, CategoryOfAbuse.PHY, "Wrong line picked"))
                    .expectEvents(new InitialCategoryCorrected(CHILD, PLAN_ID, CategoryOfAbuse.NEG, CategoryOfAbuse.PHY,
                            "Wrong line picked"));
        }
    }

    @Nested
    class EndingPlans {

        @Test
        void aPlanMayEndWithoutAConference() {
            onAPlan()
                    .when(new EndChildProtectionPlan(CHILD, FIRST_REVIEW, PlanEndReason.TRANSFERRED_TO_ANOTHER_AUTHORITY))
                    .expectEvents(new ChildProtectionPlanEnded(CHILD, PLAN_ID, FIRST_REVIEW,
                            PlanEndReason.TRANSFERRED_TO_ANOTHER_AUTHORITY, null))
                    .expectResultMessagePayload(3L);
        }

        @Test
        void aPlanMayEndOnTheDayItStartedButNotBefore() {
            onAPlan()
                    .when(new EndChildProtectionPlan(CHILD, ICPC, PlanEndReason.OTHER))
                    .expectEvents(new ChildProtectionPlanEnded(CHILD, PLAN_ID, ICPC, PlanEndReason.OTHER, null));
            anew();
            refused(onAPlan().when(new EndChildProtectionPlan(CHILD, ICPC.minusDays(1), PlanEndReason.OTHER)),
                    ProtectionRule.PLAN_END_NOT_BEFORE_START, "before it started on 3 March 2026");
        }

        @Test
        void aPlanMayEndOnTheDayOfItsLastReviewButNotBefore() {
            ReviewConferenceHeld reviewed = reviewHeld("review-1", FIRST_REVIEW, true, CategoryOfAbuse.NEG,
                    CategoryOfAbuse.NEG);
            onAPlan(reviewed)
                    .when(new EndChildProtectionPlan(CHILD, FIRST_REVIEW, PlanEndReason.BECAME_LOOKED_AFTER))
                    .expectEvents(new ChildProtectionPlanEnded(CHILD, PLAN_ID, FIRST_REVIEW,
                            PlanEndReason.BECAME_LOOKED_AFTER, null));
            anew();
            refused(onAPlan(reviewed)
                            .when(new EndChildProtectionPlan(CHILD, FIRST_REVIEW.minusDays(1), PlanEndReason.OTHER)),
                    ProtectionRule.PLAN_END_NOT_BEFORE_LAST_REVIEW, "last review conference on 2 June 2026");
        }

        @Test
        void onlyAnOpenPlanEnds() {
            refused(afterAPlanEndedOnFirstApril()
                            .when(new EndChildProtectionPlan(CHILD, FIRST_REVIEW, PlanEndReason.REACHED_18)),
                    ProtectionRule.DECISION_NEEDS_OPEN_PLAN, "ended on 1 April 2026");
            anew();
            refused(fixture.givenNoPriorActivity()
                            .when(new EndChildProtectionPlan(CHILD, FIRST_REVIEW, PlanEndReason.REACHED_18)),
                    ProtectionRule.DECISION_NEEDS_OPEN_PLAN, "no child protection plan to end");
        }

        @Test
        void aPlanDoesNotEndInTheFuture() {
            refused(onAPlan().when(new EndChildProtectionPlan(CHILD, TODAY.plusDays(1), PlanEndReason.REACHED_18)),
                    ProtectionRule.DATE_NOT_IN_FUTURE, "cannot be in the future");
        }
    }

    @Nested
    class Corrections {

        private static final LocalDate MONDAY_BEFORE = LocalDate.of(2026, 3, 2);

        @Test
        void aConferenceDateIsCorrectedNamingWhatItWasAndWhy() {
            onAPlan()
                    .when(new CorrectConferenceDate(CHILD, ICPC_ID, MONDAY_BEFORE, " Minutes dated wrongly "))
                    .expectEvents(new ConferenceDateCorrected(CHILD, ICPC_ID, ICPC, MONDAY_BEFORE,
                            "Minutes dated wrongly"))
                    .expectResultMessagePayload(3L);
        }

        @Test
        void thePlanStartMovesWithTheConferenceThatMadeIt() {
            onAPlan(new ConferenceDateCorrected(CHILD, ICPC_ID, ICPC, MONDAY_BEFORE, "Minutes dated wrongly"))
                    .when(review("review-1", ICPC, continues(null)))
                    .expectEvents(reviewHeld("review-1", ICPC, true, CategoryOfAbuse.NEG, CategoryOfAbuse.NEG));
            anew();
            refused(onAPlan(new ConferenceDateCorrected(CHILD, ICPC_ID, ICPC, LocalDate.of(2026, 3, 5), "Typo"))
                            .when(review("review-1", LocalDate.of(2026, 3, 4), continues(null))),
                    ProtectionRule.REVIEW_AFTER_PLAN_START, "after the plan started on 5 March 2026");
        }

        @Test
        void thePlanEndMovesWithTheReviewThatEndedIt() {
            LocalDate ended = LocalDate.of(2026, 4, 1);
            onAPlan(reviewHeld("review-1", ended, false, CategoryOfAbuse.NEG, CategoryOfAbuse.NEG),
                            new ChildProtectionPlanEnded(CHILD, PLAN_ID, ended, PlanEndReason.NO_LONGER_AT_RISK,
                                    "review-1"),
                            new Section47EnquiryStarted(CHILD, "enquiry-2", LocalDate.of(2026, 3, 25)),
                            new ConferenceDateCorrected(CHILD, "review-1", ended, LocalDate.of(2026, 3, 31), "Typo"))
                    .when(new HoldInitialConference("icpc-2", ConferenceType.INITIAL, ended, QUORATE,
                            DUAL.username(), List.of(new ChildDecision(CHILD, "enquiry-2", ConferenceOutcome.PLAN,
                                    CategoryOfAbuse.PHY, 1, SPOKE))))
                    .expectEvents(new InitialConferenceHeld(CHILD, "icpc-2", ConferenceType.INITIAL, ended, "enquiry-2",
                                    QUORATE, true, ConferenceOutcome.PLAN, SPOKE, DUAL.username(), DUAL.displayName(),
                                    List.of()),
                            new ChildProtectionPlanStarted(CHILD, ProtectionIds.planOf(CHILD, "icpc-2"), ended,
                                    "icpc-2", CategoryOfAbuse.PHY, 1));
        }

        @Test
        void aCorrectionSaysWhy() {
            refused(onAPlan().when(new CorrectConferenceDate(CHILD, ICPC_ID, MONDAY_BEFORE, "  ")),
                    ProtectionRule.CORRECTION_NEEDS_REASON, "Enter why");
            anew();
            refused(onAPlan().when(new CorrectInitialCategory(CHILD, PLAN_ID, CategoryOfAbuse.PHY, null)),
                    ProtectionRule.CORRECTION_NEEDS_REASON, "Enter why");
        }

        @Test
        void aCorrectionNamesAConferenceOrPlanOfThisChild() {
            refused(onAPlan().when(new CorrectConferenceDate(CHILD, "no-such", MONDAY_BEFORE, "Typo")),
                    ProtectionRule.CORRECTION_NAMES_EXISTING_RECORD, "No conference with this reference");
            anew();
            refused(onAPlan().when(new CorrectInitialCategory(CHILD, "no-such", CategoryOfAbuse.PHY, "Typo")),
                    ProtectionRule.CORRECTION_NAMES_EXISTING_RECORD, "No plan with this reference");
            anew();
            refused(fixture.givenNoPriorActivity().when(new CorrectConferenceDate(CHILD, ICPC_ID, ICPC, "Typo")),
                    ProtectionRule.CORRECTION_NAMES_EXISTING_RECORD, "No conference with this reference");
        }

        @Test
        void aCorrectionChangesTheRecord() {
            refused(onAPlan().when(new CorrectConferenceDate(CHILD, ICPC_ID, ICPC, "Typo")),
                    ProtectionRule.CORRECTION_CHANGES_RECORD, "already recorded as held on 3 March 2026");
            anew();
            refused(onAPlan().when(new CorrectInitialCategory(CHILD, PLAN_ID, CategoryOfAbuse.NEG, "Typo")),
                    ProtectionRule.CORRECTION_CHANGES_RECORD, "already Neglect");
        }

        @Test
        void aCorrectedConferenceDateIsAPastWeekday() {
            refused(onAPlan().when(new CorrectConferenceDate(CHILD, ICPC_ID, LocalDate.of(2026, 3, 1), "Typo")),
                    ProtectionRule.CONFERENCE_ON_A_WEEKDAY, "1 March 2026 is a Sunday");
            anew();
            refused(onAPlan(reviewHeld("review-1", FIRST_REVIEW, true, CategoryOfAbuse.NEG, CategoryOfAbuse.NEG))
                            .when(new CorrectConferenceDate(CHILD, "review-1", TODAY.plusDays(1), "Typo")),
                    ProtectionRule.DATE_NOT_IN_FUTURE, "cannot be in the future");
        }

        @Test
        void aCorrectedInitialConferenceStaysOnOrAfterItsStrategyDiscussion() {
            refused(onAPlan().when(new CorrectConferenceDate(CHILD, ICPC_ID, LocalDate.of(2026, 2, 13), "Typo")),
                    ProtectionRule.NOT_BEFORE_STRATEGY_DISCUSSION, "strategy discussion on 16 February 2026");
        }

        @Test
        void aCorrectedPlanStartStaysBeforeTheFirstReview() {
            refused(onAPlan(reviewHeld("review-1", FIRST_REVIEW, true, CategoryOfAbuse.NEG, CategoryOfAbuse.NEG))
                            .when(new CorrectConferenceDate(CHILD, ICPC_ID, FIRST_REVIEW, "Typo")),
                    ProtectionRule.REVIEW_AFTER_PLAN_START, "after the plan started on 2 June 2026");
        }

        @Test
        void aCorrectedPlanStartStaysOnOrBeforeAnEndWithoutConference() {
            refused(onAPlan(new ChildProtectionPlanEnded(CHILD, PLAN_ID, ICPC, PlanEndReason.OTHER, null))
                            .when(new CorrectConferenceDate(CHILD, ICPC_ID, ICPC.plusDays(1), "Typo")),
                    ProtectionRule.PLAN_END_NOT_BEFORE_START, "before it started on 4 March 2026");
        }

        @Test
        void aCorrectedPlanStartStaysAfterThePreviousPlanEnded() {
            String secondPlan = ProtectionIds.planOf(CHILD, "icpc-2");
            LocalDate secondStart = LocalDate.of(2026, 4, 2);
            refused(afterAPlanEndedOnFirstAprilThen(
                            new InitialConferenceHeld(CHILD, "icpc-2", ConferenceType.INITIAL, secondStart, "enquiry-2",
                                    QUORATE, true, ConferenceOutcome.PLAN, SPOKE, DUAL.username(), DUAL.displayName(),
                                    List.of()),
                            new ChildProtectionPlanStarted(CHILD, secondPlan, secondStart, "icpc-2",
                                    CategoryOfAbuse.PHY, 1))
                            .when(new CorrectConferenceDate(CHILD, "icpc-2", LocalDate.of(2026, 4, 1), "Typo")),
                    ProtectionRule.PLANS_DO_NOT_OVERLAP, "previous plan ended on 1 April 2026");
        }

        @Test
        void aCorrectedReviewStaysBetweenItsNeighbours() {
            Object[] twoReviews = {
                    reviewHeld("review-1", FIRST_REVIEW, true, CategoryOfAbuse.NEG, CategoryOfAbuse.NEG),
                    reviewHeld("review-2", SECOND_REVIEW, true, CategoryOfAbuse.NEG, CategoryOfAbuse.NEG)};
            refused(onAPlan(twoReviews).when(new CorrectConferenceDate(CHILD, "review-2", FIRST_REVIEW, "Typo")),
                    ProtectionRule.REVIEW_AFTER_PREVIOUS_REVIEW, "previous review on 2 June 2026");
            anew();
            refused(onAPlan(twoReviews).when(new CorrectConferenceDate(CHILD, "review-1", SECOND_REVIEW, "Typo")),
                    ProtectionRule.REVIEW_AFTER_PREVIOUS_REVIEW, "previous review on 29 June 2026");
            anew();
            refused(onAPlan(twoReviews).when(new CorrectConferenceDate(CHILD, "review-1", ICPC, "Typo")),
                    ProtectionRule.REVIEW_AFTER_PLAN_START, "after the plan started on 3 March 2026");
            anew();
            onAPlan(twoReviews)
                    .when(new CorrectConferenceDate(CHILD, "review-1", LocalDate.of(2026, 6, 3), "Typo"))
                    .expectEvents(new ConferenceDateCorrected(CHILD, "review-1", FIRST_REVIEW, LocalDate.of(2026, 6, 3),
                            "Typo"));
        }

        @Test
        void aCorrectedLastReviewStaysOnOrBeforeAnEndWithoutConference() {
            refused(onAPlan(reviewHeld("review-1", FIRST_REVIEW, true, CategoryOfAbuse.NEG, CategoryOfAbuse.NEG),
                            new ChildProtectionPlanEnded(CHILD, PLAN_ID, FIRST_REVIEW.plusDays(1), PlanEndReason.OTHER,
                                    null))
                            .when(new CorrectConferenceDate(CHILD, "review-1", FIRST_REVIEW.plusDays(2), "Typo")),
                    ProtectionRule.PLAN_END_NOT_BEFORE_LAST_REVIEW, "last review conference on 4 June 2026");
        }

        @Test
        void aCorrectedEndingReviewStaysBeforeTheNextPlan() {
            LocalDate ended = LocalDate.of(2026, 4, 1);
            LocalDate nextStart = LocalDate.of(2026, 4, 2);
            refused(onAPlan(reviewHeld("review-1", ended, false, CategoryOfAbuse.NEG, CategoryOfAbuse.NEG),
                            new ChildProtectionPlanEnded(CHILD, PLAN_ID, ended, PlanEndReason.NO_LONGER_AT_RISK,
                                    "review-1"),
                            new Section47EnquiryStarted(CHILD, "enquiry-2", LocalDate.of(2026, 3, 25)),
                            new InitialConferenceHeld(CHILD, "icpc-2", ConferenceType.INITIAL, nextStart, "enquiry-2",
                                    QUORATE, true, ConferenceOutcome.PLAN, SPOKE, DUAL.username(), DUAL.displayName(),
                                    List.of()),
                            new ChildProtectionPlanStarted(CHILD, ProtectionIds.planOf(CHILD, "icpc-2"), nextStart,
                                    "icpc-2", CategoryOfAbuse.PHY, 1))
                            .when(new CorrectConferenceDate(CHILD, "review-1", nextStart, "Typo")),
                    ProtectionRule.PLANS_DO_NOT_OVERLAP, "previous plan ended on 2 April 2026");
        }

        @Test
        void correctingTheInitialCategoryBeforeAnyReviewCorrectsTheLatestToo() {
            onAPlan(new InitialCategoryCorrected(CHILD, PLAN_ID, CategoryOfAbuse.NEG, CategoryOfAbuse.PHY, "Typo"))
                    .when(review("review-1", FIRST_REVIEW, continues(null)))
                    .expectEvents(reviewHeld("review-1", FIRST_REVIEW, true, CategoryOfAbuse.PHY, CategoryOfAbuse.PHY));
        }

        @Test
        void correctingTheInitialCategoryAfterAReviewLeavesTheLatestAsTheReviewSetIt() {
            onAPlan(reviewHeld("review-1", FIRST_REVIEW, true, CategoryOfAbuse.EMO, CategoryOfAbuse.NEG),
                            new InitialCategoryCorrected(CHILD, PLAN_ID, CategoryOfAbuse.NEG, CategoryOfAbuse.PHY, "Typo"))
                    .when(review("review-2", SECOND_REVIEW, continues(null)))
                    .expectEvents(reviewHeld("review-2", SECOND_REVIEW, true, CategoryOfAbuse.EMO,
                            CategoryOfAbuse.EMO));
        }

        @Test
        void aPlansInitialCategoryMayBeCorrectedAfterItEnded() {
            afterAPlanEndedOnFirstApril()
                    .when(new CorrectInitialCategory(CHILD, PLAN_ID, CategoryOfAbuse.SAB, "Typo"))
                    .expectEvents(new InitialCategoryCorrected(CHILD, PLAN_ID, CategoryOfAbuse.NEG, CategoryOfAbuse.SAB,
                            "Typo"));
        }
    }

    private TestExecutor<ChildProtection> afterAPlanEndedOnFirstAprilThen(Object... later) {
        return afterAPlanEndedOnFirstApril().andGiven(List.of(later));
    }
}
