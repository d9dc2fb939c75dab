package org.oversight.command.protection;

import static org.oversight.command.childcase.DemoDirectory.DUAL;
import static org.oversight.command.childcase.DemoDirectory.LA;
import static org.oversight.command.protection.Violations.violates;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.axonframework.test.aggregate.TestExecutor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.oversight.command.childcase.DemoDirectory;
import org.oversight.command.protection.AgreeProtectionPlan.AgreedAction;
import org.oversight.command.protection.RecordCoreGroupMeeting.Progress;
import org.oversight.command.rules.Rule;
import org.oversight.events.childcase.ChildRegistered;
import org.oversight.events.protection.CategoryOfAbuse;
import org.oversight.events.protection.ChildProtectionPlanEnded;
import org.oversight.events.protection.ChildProtectionPlanStarted;
import org.oversight.events.protection.ChildsView;
import org.oversight.events.protection.ConferenceOutcome;
import org.oversight.events.protection.ConferenceType;
import org.oversight.events.protection.CoreGroupMeetingHeld;
import org.oversight.events.protection.InitialConferenceHeld;
import org.oversight.events.protection.PlanEndReason;
import org.oversight.events.protection.PlanMidwayFinding;
import org.oversight.events.protection.ProtectionActionAgreed;
import org.oversight.events.protection.ProtectionActionCancelled;
import org.oversight.events.protection.ProtectionActionChanged;
import org.oversight.events.protection.ProtectionActionCompleted;
import org.oversight.events.protection.ProtectionMidwayCheckRecorded;
import org.oversight.events.protection.ProtectionPlanAgreed;
import org.oversight.events.protection.ReviewConferenceHeld;
import org.oversight.events.protection.Section47EnquiryStarted;
import org.oversight.events.protection.StrategyMeetingDecision;
import org.oversight.events.protection.StrategyMeetingHeld;
import org.oversight.events.protection.ViewsConveyed;

/**
 * A child protection plan between conferences and the strategy meetings a chair chairs: each rule has a test that
 * fails without it, and each date rule's edge (same day, day before) is pinned.
 */
class PlanBetweenConferencesTest {

    private static final ZoneId ENGLAND = ZoneId.of("Europe/London");
    /** A Tuesday. */
    private static final LocalDate TODAY = LocalDate.of(2026, 6, 30);
    private static final Clock CLOCK = Clock.fixed(TODAY.atStartOfDay(ENGLAND).toInstant(), ENGLAND);

    private static final String CHILD = "child-1";
    private static final String ENQUIRY = "enquiry-1";
    private static final String ICPC_ID = "icpc-1";
    private static final String REVIEW_ID = "review-1";
    private static final String PLAN_ID = ProtectionIds.planOf(CHILD, ICPC_ID);
    private static final String FIRST_ACTION = PlanIds.actionOf(CHILD, ICPC_ID, 0);
    private static final String SECOND_ACTION = PlanIds.actionOf(CHILD, ICPC_ID, 1);
    /** Monday 16 February 2026. */
    private static final LocalDate STRATEGY = LocalDate.of(2026, 2, 16);
    /** Tuesday 3 March 2026: the plan starts. */
    private static final LocalDate ICPC = LocalDate.of(2026, 3, 3);
    /** Tuesday 2 June 2026. */
    private static final LocalDate REVIEW = LocalDate.of(2026, 6, 2);
    private static final List<String> QUORATE = List.of("Children's social care", "Police", "Health visitor");
    private static final ChildsView SPOKE = new ChildsView(true, ViewsConveyed.ATTENDED_SPOKE_FOR_SELF);
    private static final List<String> OUTCOMES = List.of("Sam is safe at home and attends school every day");
    private static final String CONTINGENCY = "If the home becomes unsafe, a legal planning meeting is called";

    private FixtureConfiguration<ChildProtection> fixture;
    private InMemoryEvents cases;

    @BeforeEach
    void setUp() {
        DemoDirectory directory = new DemoDirectory();
        QuoracyPolicy quoracy = new DefaultQuoracyPolicy();
        cases = new InMemoryEvents(CLOCK, directory, quoracy);
        cases.given("ChildCase", CHILD, new ChildRegistered(CHILD, LA, "A1", "Sam", "Jones",
                LocalDate.of(2020, 5, 1), null, STRATEGY));
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

    // Events as earlier decisions left them.

    private static Object[] onAPlan() {
        return new Object[] {new Section47EnquiryStarted(CHILD, ENQUIRY, STRATEGY),
                new InitialConferenceHeld(CHILD, ICPC_ID, ConferenceType.INITIAL, ICPC, ENQUIRY, QUORATE, true,
                        ConferenceOutcome.PLAN, SPOKE, DUAL.username(), DUAL.displayName(), List.of()),
                new ChildProtectionPlanStarted(CHILD, PLAN_ID, ICPC, ICPC_ID, CategoryOfAbuse.NEG, 0)};
    }

    private static ReviewConferenceHeld reviewed() {
        return new ReviewConferenceHeld(CHILD, REVIEW_ID, PLAN_ID, REVIEW, QUORATE, true, true, CategoryOfAbuse.NEG,
                CategoryOfAbuse.NEG, SPOKE, DUAL.username(), DUAL.displayName(), List.of());
    }

    private static Object[] agreedAtIcpc() {
        return new Object[] {new ProtectionPlanAgreed(CHILD, PLAN_ID, ICPC_ID, ICPC, OUTCOMES, CONTINGENCY),
                new ProtectionActionAgreed(CHILD, FIRST_ACTION, PLAN_ID, ICPC_ID, "Refer the family to parenting support",
                        "Social worker", LocalDate.of(2026, 3, 31), ICPC),
                new ProtectionActionAgreed(CHILD, SECOND_ACTION, PLAN_ID, ICPC_ID, "Register Sam with a dentist",
                        "Health visitor", LocalDate.of(2026, 4, 30), ICPC)};
    }

    private TestExecutor<ChildProtection> givenAgreedPlan(Object... later) {
        return fixture.given(onAPlan()).andGiven(List.of(agreedAtIcpc())).andGiven(List.of(later));
    }

    // Commands as a chair enters them.

    private static AgreeProtectionPlan agree(String conferenceId, AgreedAction... actions) {
        return new AgreeProtectionPlan(CHILD, conferenceId, OUTCOMES, CONTINGENCY, List.of(actions));
    }

    private static AgreedAction action(String text, String owner, LocalDate due) {
        return new AgreedAction(text, owner, due);
    }

    private static RecordCoreGroupMeeting coreGroup(String id, LocalDate heldOn, Progress... progress) {
        return new RecordCoreGroupMeeting(CHILD, id, heldOn, List.of("Children's social care", "School"),
                List.of(progress), "Support has begun");
    }

    private static void refusedUnder(TestExecutor<ChildProtection> given, Object command, Rule rule) {
        given.when(command).expectNoEvents().expectException(violates(rule));
    }

    @Nested
    class AgreeingThePlan {

        @Test
        void theConferenceThatStartedThePlanAgreesItsOutcomesContingencyAndActions() {
            fixture.given(onAPlan())
                    .when(agree(ICPC_ID, action("Refer the family to parenting support", "Social worker",
                            LocalDate.of(2026, 3, 31)), action("Register Sam with a dentist", "Health visitor",
                            LocalDate.of(2026, 4, 30))))
                    .expectEvents(agreedAtIcpc());
        }

        @Test
        void aLaterReviewChangesTheOutcomesAndMayAddActions() {
            List<String> changed = List.of("Sam is safe at home", "Sam's teeth are treated");
            givenAgreedPlan(reviewed())
                    .when(new AgreeProtectionPlan(CHILD, REVIEW_ID, changed, "A new contingency",
                            List.of(action("Book the dental treatment", "Parent", REVIEW))))
                    .expectEvents(new ProtectionPlanAgreed(CHILD, PLAN_ID, REVIEW_ID, REVIEW, changed,
                                    "A new contingency"),
                            new ProtectionActionAgreed(CHILD, PlanIds.actionOf(CHILD, REVIEW_ID, 0), PLAN_ID,
                                    REVIEW_ID, "Book the dental treatment", "Parent", REVIEW, REVIEW));
        }

        @Test
        void onlyAConferenceOfTheOpenPlanAgreesIt() {
            refusedUnder(fixture.given(onAPlan()), agree("some-other-conference",
                    action("An action", "Owner", ICPC)), PlanBetweenConferencesRule.AGREED_AT_A_CONFERENCE_OF_THE_PLAN);
        }

        @Test
        void noPlanIsAgreedWithoutAnOpenPlan() {
            refusedUnder(fixture.given(onAPlan()).andGiven(new ChildProtectionPlanEnded(CHILD, PLAN_ID,
                    LocalDate.of(2026, 5, 1), PlanEndReason.NO_LONGER_AT_RISK, null)),
                    agree(ICPC_ID, action("An action", "Owner", ICPC)), ProtectionRule.DECISION_NEEDS_OPEN_PLAN);
        }

        @Test
        void aConferenceAgreesThePlanOnceAndAnEarlierOneCannotChangeALaterAgreement() {
            refusedUnder(givenAgreedPlan(), agree(ICPC_ID, action("An action", "Owner", ICPC)),
                    PlanBetweenConferencesRule.AGREED_ONCE_AND_IN_ORDER);
        }

        @Test
        void thePlanNeedsAnOutcome() {
            refusedUnder(fixture.given(onAPlan()), new AgreeProtectionPlan(CHILD, ICPC_ID, List.of(" "), CONTINGENCY,
                    List.of(action("An action", "Owner", ICPC))),
                    PlanBetweenConferencesRule.PLAN_NEEDS_OUTCOMES_ACTIONS_AND_CONTINGENCY);
        }

        @Test
        void thePlanNeedsAContingencyPlan() {
            refusedUnder(fixture.given(onAPlan()), new AgreeProtectionPlan(CHILD, ICPC_ID, OUTCOMES, "",
                    List.of(action("An action", "Owner", ICPC))),
                    PlanBetweenConferencesRule.PLAN_NEEDS_OUTCOMES_ACTIONS_AND_CONTINGENCY);
        }

        @Test
        void theFirstAgreementNeedsAnAction() {
            refusedUnder(fixture.given(onAPlan()), agree(ICPC_ID),
                    PlanBetweenConferencesRule.PLAN_NEEDS_OUTCOMES_ACTIONS_AND_CONTINGENCY);
        }

        @Test
        void aLaterAgreementMayAddNoAction() {
            givenAgreedPlan(reviewed()).when(agree(REVIEW_ID))
                    .expectEvents(new ProtectionPlanAgreed(CHILD, PLAN_ID, REVIEW_ID, REVIEW, OUTCOMES, CONTINGENCY));
        }

        @Test
        void everyActionNamesItsOwner() {
            refusedUnder(fixture.given(onAPlan()), agree(ICPC_ID, action("An action", " ", ICPC)),
                    PlanBetweenConferencesRule.ACTION_NEEDS_TEXT_AND_OWNER);
        }

        @Test
        void anActionIsDueOnOrAfterTheConferenceNeverTheDayBefore() {
            fixture.given(onAPlan()).when(agree(ICPC_ID, action("Today", "Owner", ICPC))).expectSuccessfulHandlerExecution();
            tearDown();
            setUp();
            refusedUnder(fixture.given(onAPlan()), agree(ICPC_ID, action("Yesterday", "Owner", ICPC.minusDays(1))),
                    PlanBetweenConferencesRule.ACTION_DUE_NOT_BEFORE_CONFERENCE);
        }
    }

    @Nested
    class TheActions {

        @Test
        void anOpenActionIsCompleted() {
            givenAgreedPlan().when(new CompleteProtectionAction(CHILD, FIRST_ACTION, LocalDate.of(2026, 3, 20)))
                    .expectEvents(new ProtectionActionCompleted(CHILD, FIRST_ACTION, LocalDate.of(2026, 3, 20)));
        }

        @Test
        void aDoneActionIsNotDoneAgain() {
            refusedUnder(givenAgreedPlan(new ProtectionActionCompleted(CHILD, FIRST_ACTION, LocalDate.of(2026, 3, 20))),
                    new CompleteProtectionAction(CHILD, FIRST_ACTION, LocalDate.of(2026, 3, 21)),
                    PlanBetweenConferencesRule.ACTION_MUST_BE_OPEN);
        }

        @Test
        void anActionOfAnEndedPlanIsNoLongerOpen() {
            refusedUnder(givenAgreedPlan(new ChildProtectionPlanEnded(CHILD, PLAN_ID, LocalDate.of(2026, 5, 1),
                            PlanEndReason.NO_LONGER_AT_RISK, null)),
                    new CompleteProtectionAction(CHILD, FIRST_ACTION, LocalDate.of(2026, 5, 2)),
                    PlanBetweenConferencesRule.ACTION_MUST_BE_OPEN);
        }

        @Test
        void anUnknownActionIsRefused() {
            refusedUnder(givenAgreedPlan(), new CompleteProtectionAction(CHILD, "no-such", LocalDate.of(2026, 3, 20)),
                    PlanBetweenConferencesRule.ACTION_MUST_EXIST);
        }

        @Test
        void anActionIsNotCompletedBeforeTheConferenceThatAgreedIt() {
            refusedUnder(givenAgreedPlan(), new CompleteProtectionAction(CHILD, FIRST_ACTION, ICPC.minusDays(1)),
                    PlanBetweenConferencesRule.ACTION_NOT_BEFORE_AGREEMENT);
        }

        @Test
        void anActionIsChangedWithAReason() {
            givenAgreedPlan().when(new ChangeProtectionAction(CHILD, FIRST_ACTION, "Refer to parenting support",
                            "Family support worker", LocalDate.of(2026, 4, 14), "The social worker changed",
                            LocalDate.of(2026, 3, 25)))
                    .expectEvents(new ProtectionActionChanged(CHILD, FIRST_ACTION, "Refer to parenting support",
                            "Family support worker", LocalDate.of(2026, 4, 14), "The social worker changed",
                            LocalDate.of(2026, 3, 25)));
        }

        @Test
        void aChangeChangesSomething() {
            refusedUnder(givenAgreedPlan(), new ChangeProtectionAction(CHILD, FIRST_ACTION,
                            "Refer the family to parenting support", "Social worker", LocalDate.of(2026, 3, 31),
                            "No change", LocalDate.of(2026, 3, 25)),
                    PlanBetweenConferencesRule.ACTION_CHANGE_MUST_DIFFER);
        }

        @Test
        void aChangeSaysWhy() {
            refusedUnder(givenAgreedPlan(), new ChangeProtectionAction(CHILD, FIRST_ACTION, "Other", "Social worker",
                    LocalDate.of(2026, 3, 31), " ", LocalDate.of(2026, 3, 25)), PlanBetweenConferencesRule.REASON_REQUIRED);
        }

        @Test
        void anActionIsCancelledWithAReason() {
            givenAgreedPlan().when(new CancelProtectionAction(CHILD, SECOND_ACTION, LocalDate.of(2026, 4, 1),
                            "Sam is already registered"))
                    .expectEvents(new ProtectionActionCancelled(CHILD, SECOND_ACTION, LocalDate.of(2026, 4, 1),
                            "Sam is already registered"));
        }

        @Test
        void aCancelledActionIsNotChanged() {
            refusedUnder(givenAgreedPlan(new ProtectionActionCancelled(CHILD, SECOND_ACTION, LocalDate.of(2026, 4, 1),
                            "Not needed")),
                    new ChangeProtectionAction(CHILD, SECOND_ACTION, "Other", "Parent", LocalDate.of(2026, 5, 1),
                            "Why", LocalDate.of(2026, 4, 2)), PlanBetweenConferencesRule.ACTION_MUST_BE_OPEN);
        }

        @Test
        void anActionIsNotCompletedInTheFuture() {
            refusedUnder(givenAgreedPlan(), new CompleteProtectionAction(CHILD, FIRST_ACTION, TODAY.plusDays(1)),
                    ProtectionRule.DATE_NOT_IN_FUTURE);
        }
    }

    @Nested
    class TheCoreGroup {

        @Test
        void aCoreGroupRecordsAttendanceAndProgressOnOpenActions() {
            givenAgreedPlan().when(coreGroup("cg-1", LocalDate.of(2026, 3, 16),
                            new Progress(FIRST_ACTION, CoreGroupMeetingHeld.Progress.ON_TRACK)))
                    .expectEvents(new CoreGroupMeetingHeld(CHILD, "cg-1", PLAN_ID, LocalDate.of(2026, 3, 16),
                            List.of("Children's social care", "School"),
                            List.of(new CoreGroupMeetingHeld.ActionProgress(FIRST_ACTION, CoreGroupMeetingHeld.Progress.ON_TRACK)),
                            "Support has begun"));
        }

        @Test
        void aCoreGroupMayMeetOnTheDayThePlanStartsButNotBefore() {
            givenAgreedPlan().when(coreGroup("cg-1", ICPC)).expectSuccessfulHandlerExecution();
            tearDown();
            setUp();
            refusedUnder(givenAgreedPlan(), coreGroup("cg-1", ICPC.minusDays(1)),
                    PlanBetweenConferencesRule.CORE_GROUP_WHILE_PLAN_OPEN);
        }

        @Test
        void aCoreGroupNeedsAnOpenPlan() {
            refusedUnder(fixture.given(new Section47EnquiryStarted(CHILD, ENQUIRY, STRATEGY)),
                    coreGroup("cg-1", LocalDate.of(2026, 3, 16)), ProtectionRule.DECISION_NEEDS_OPEN_PLAN);
        }

        @Test
        void aCoreGroupIsRecordedOnce() {
            refusedUnder(givenAgreedPlan(new CoreGroupMeetingHeld(CHILD, "cg-1", PLAN_ID, LocalDate.of(2026, 3, 16),
                            List.of("School"), List.of(), null)),
                    coreGroup("cg-1", LocalDate.of(2026, 3, 17)), PlanBetweenConferencesRule.CORE_GROUP_RECORDED_ONCE);
        }

        @Test
        void aCoreGroupRecordsWhoAttended() {
            refusedUnder(givenAgreedPlan(), new RecordCoreGroupMeeting(CHILD, "cg-1", LocalDate.of(2026, 3, 16),
                    List.of(" "), List.of(), null), PlanBetweenConferencesRule.CORE_GROUP_NEEDS_ATTENDANCE);
        }

        @Test
        void progressIsOnlyForOpenActions() {
            refusedUnder(givenAgreedPlan(new ProtectionActionCompleted(CHILD, FIRST_ACTION, LocalDate.of(2026, 3, 10))),
                    coreGroup("cg-1", LocalDate.of(2026, 3, 16),
                            new Progress(FIRST_ACTION, CoreGroupMeetingHeld.Progress.ON_TRACK)),
                    PlanBetweenConferencesRule.PROGRESS_ON_OPEN_ACTIONS);
        }

        @Test
        void progressOnAnActionIsRecordedOnce() {
            refusedUnder(givenAgreedPlan(), coreGroup("cg-1", LocalDate.of(2026, 3, 16),
                            new Progress(FIRST_ACTION, CoreGroupMeetingHeld.Progress.ON_TRACK),
                            new Progress(FIRST_ACTION, CoreGroupMeetingHeld.Progress.DELAYED)),
                    PlanBetweenConferencesRule.PROGRESS_ON_OPEN_ACTIONS);
        }
    }

    @Nested
    class TheMidwayCheck {

        @Test
        void theChairChecksThePlanAndRaisesAnAlert() {
            givenAgreedPlan().when(new RecordProtectionMidwayCheck(CHILD, LocalDate.of(2026, 4, 15),
                            PlanMidwayFinding.CONCERNS_NOTED, " Team manager "))
                    .expectEvents(new ProtectionMidwayCheckRecorded(CHILD, PLAN_ID, LocalDate.of(2026, 4, 15),
                            PlanMidwayFinding.CONCERNS_NOTED, "Team manager"));
        }

        @Test
        void anAlertComesOnlyFromConcerns() {
            refusedUnder(givenAgreedPlan(), new RecordProtectionMidwayCheck(CHILD, LocalDate.of(2026, 4, 15),
                    PlanMidwayFinding.PLAN_ON_TRACK, "Team manager"), PlanBetweenConferencesRule.ALERT_FROM_CONCERNS);
        }

        @Test
        void theCheckFallsAfterTheLatestConferenceNotOnItsDay() {
            refusedUnder(givenAgreedPlan(reviewed()), new RecordProtectionMidwayCheck(CHILD, REVIEW,
                    PlanMidwayFinding.PLAN_ON_TRACK, null), PlanBetweenConferencesRule.MIDWAY_CHECK_BETWEEN_CONFERENCES);
        }
    }

    @Nested
    class StrategyMeetings {

        private static final List<String> AGENCIES = List.of("Children's social care", "Police", "GP");

        @Test
        void aMeetingThatDecidesOnEnquiriesStartsTheEnquiryFromItsDate() {
            fixture.givenNoPriorActivity()
                    .when(new RecordStrategyMeeting(CHILD, "sm-1", STRATEGY, AGENCIES,
                            StrategyMeetingDecision.SECTION_47_ENQUIRY, ENQUIRY))
                    .expectEvents(new StrategyMeetingHeld(CHILD, "sm-1", STRATEGY, AGENCIES,
                                    StrategyMeetingDecision.SECTION_47_ENQUIRY, ENQUIRY),
                            new Section47EnquiryStarted(CHILD, ENQUIRY, STRATEGY));
        }

        @Test
        void aMeetingThatDecidesNoFurtherActionStartsNoEnquiry() {
            fixture.givenNoPriorActivity()
                    .when(new RecordStrategyMeeting(CHILD, "sm-1", STRATEGY, AGENCIES,
                            StrategyMeetingDecision.NO_FURTHER_ACTION, null))
                    .expectEvents(new StrategyMeetingHeld(CHILD, "sm-1", STRATEGY, AGENCIES,
                            StrategyMeetingDecision.NO_FURTHER_ACTION, null));
        }

        @Test
        void aMeetingIncludesSocialCarePoliceAndHealth() {
            refusedUnder(fixture.givenNoPriorActivity(), new RecordStrategyMeeting(CHILD, "sm-1", STRATEGY,
                            List.of("Children's social care", "Police", "School"),
                            StrategyMeetingDecision.NO_FURTHER_ACTION, null),
                    PlanBetweenConferencesRule.STRATEGY_MEETING_AGENCIES);
        }

        @Test
        void aMeetingIsRecordedOnce() {
            refusedUnder(fixture.given(new StrategyMeetingHeld(CHILD, "sm-1", STRATEGY, AGENCIES,
                            StrategyMeetingDecision.NO_FURTHER_ACTION, null)),
                    new RecordStrategyMeeting(CHILD, "sm-1", STRATEGY, AGENCIES,
                            StrategyMeetingDecision.NO_FURTHER_ACTION, null),
                    PlanBetweenConferencesRule.STRATEGY_MEETING_RECORDED_ONCE);
        }

        @Test
        void anEnquiryAlreadyStartedIsNotStartedAgain() {
            refusedUnder(fixture.given(new Section47EnquiryStarted(CHILD, ENQUIRY, STRATEGY)),
                    new RecordStrategyMeeting(CHILD, "sm-1", STRATEGY, AGENCIES,
                            StrategyMeetingDecision.SECTION_47_ENQUIRY, ENQUIRY), ProtectionRule.ENQUIRY_RECORDED_ONCE);
        }

        @Test
        void onlyAnEnquiryDecisionNamesAnEnquiry() {
            refusedUnder(fixture.givenNoPriorActivity(), new RecordStrategyMeeting(CHILD, "sm-1", STRATEGY, AGENCIES,
                    StrategyMeetingDecision.OTHER, ENQUIRY), ProtectionRule.ENQUIRY_MUST_BE_OPEN);
        }

        @Test
        void aMeetingIsNotInTheFuture() {
            refusedUnder(fixture.givenNoPriorActivity(), new RecordStrategyMeeting(CHILD, "sm-1", TODAY.plusDays(1),
                    AGENCIES, StrategyMeetingDecision.NO_FURTHER_ACTION, null), ProtectionRule.DATE_NOT_IN_FUTURE);
        }

        @Test
        void theEnquiryAMeetingStartedIsConcludedByTheInitialConference() {
            fixture.given(new StrategyMeetingHeld(CHILD, "sm-1", STRATEGY, AGENCIES,
                            StrategyMeetingDecision.SECTION_47_ENQUIRY, ENQUIRY),
                            new Section47EnquiryStarted(CHILD, ENQUIRY, STRATEGY))
                    .when(new HoldInitialConference(ICPC_ID, ConferenceType.INITIAL, ICPC, QUORATE, DUAL.username(),
                            List.of(new HoldInitialConference.ChildDecision(CHILD, ENQUIRY, ConferenceOutcome.PLAN,
                                    CategoryOfAbuse.NEG, 0, SPOKE))))
                    .expectSuccessfulHandlerExecution();
        }
    }

    @Nested
    class CorrectingAConferenceDate {

        @Test
        void theConferenceMayNotMovePastTheFirstStepOfAnActionItAgreed() {
            refusedUnder(givenAgreedPlan(new ProtectionActionCompleted(CHILD, FIRST_ACTION, LocalDate.of(2026, 3, 10))),
                    new CorrectConferenceDate(CHILD, ICPC_ID, LocalDate.of(2026, 3, 11), "Typed the wrong date"),
                    PlanBetweenConferencesRule.ACTION_NOT_BEFORE_AGREEMENT);
        }

        @Test
        void theConferenceMayNotMovePastAnActionsDueDate() {
            refusedUnder(givenAgreedPlan(), new CorrectConferenceDate(CHILD, ICPC_ID, LocalDate.of(2026, 4, 1),
                    "Typed the wrong date"), PlanBetweenConferencesRule.ACTION_DUE_NOT_BEFORE_CONFERENCE);
        }

        @Test
        void thePlanMayNotStartAfterItsFirstCoreGroup() {
            refusedUnder(givenAgreedPlan(new CoreGroupMeetingHeld(CHILD, "cg-1", PLAN_ID, LocalDate.of(2026, 3, 9),
                            List.of("School"), List.of(), null)),
                    new CorrectConferenceDate(CHILD, ICPC_ID, LocalDate.of(2026, 3, 10), "Typed the wrong date"),
                    PlanBetweenConferencesRule.CORE_GROUP_WHILE_PLAN_OPEN);
        }

        @Test
        void aCorrectionThatStillFitsMovesTheAgreementWithIt() {
            givenAgreedPlan(new CoreGroupMeetingHeld(CHILD, "cg-1", PLAN_ID, LocalDate.of(2026, 3, 9),
                            List.of("School"), List.of(), null))
                    .when(new CorrectConferenceDate(CHILD, ICPC_ID, LocalDate.of(2026, 3, 9), "Typed the wrong date"))
                    .expectSuccessfulHandlerExecution();
        }
    }
}
