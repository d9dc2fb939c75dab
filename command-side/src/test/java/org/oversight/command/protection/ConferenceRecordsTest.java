package org.oversight.command.protection;

import static org.hamcrest.Matchers.containsString;
import static org.oversight.command.childcase.DemoDirectory.DUAL;
import static org.oversight.command.childcase.DemoDirectory.LA;
import static org.oversight.command.protection.Violations.violates;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.axonframework.test.aggregate.ResultValidator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.oversight.command.childcase.DemoDirectory;
import org.oversight.command.protection.RecordConferenceAttendance.Attendee;
import org.oversight.command.protection.RecordConferenceRecommendations.Recommendation;
import org.oversight.command.rules.Rule;
import org.oversight.events.childcase.ChildRegistered;
import org.oversight.events.protection.ConferenceRecommendationsRecorded.AgencyRecommendation;
import org.oversight.events.protection.Attendance;
import org.oversight.events.protection.CategoryOfAbuse;
import org.oversight.events.protection.ChildProtectionPlanStarted;
import org.oversight.events.protection.ChildsView;
import org.oversight.events.protection.ConferenceAttendanceRecorded;
import org.oversight.events.protection.ConferenceAttendanceRecorded.ConferenceAttendee;
import org.oversight.events.protection.ConferenceOutcome;
import org.oversight.events.protection.ConferenceRecommendationsRecorded;
import org.oversight.events.protection.ConferenceRole;
import org.oversight.events.protection.ConferenceType;
import org.oversight.events.protection.InitialCategoryCorrected;
import org.oversight.events.protection.InitialConferenceHeld;
import org.oversight.events.protection.InquorateConferenceRecorded;
import org.oversight.events.protection.InquorateDecision;
import org.oversight.events.protection.ConferenceAttendanceRecorded.NamedFamilyMember;
import org.oversight.events.protection.ReviewConferenceHeld;
import org.oversight.events.protection.Section47EnquiryStarted;
import org.oversight.events.protection.TransferInNotificationReceived;
import org.oversight.events.protection.ViewsConveyed;

/**
 * The conference as it happened: each rule of {@link ConferenceRecordRule} has a test that fails without it, and
 * an inquorate review is held to {@link ProtectionRule#INQUORATE_REVIEW_CANNOT_END_PLAN} in
 * {@link ChildProtectionTest}.
 */
class ConferenceRecordsTest {

    private static final ZoneId ENGLAND = ZoneId.of("Europe/London");
    /** A Tuesday. */
    private static final LocalDate TODAY = LocalDate.of(2026, 6, 30);
    private static final Clock CLOCK = Clock.fixed(TODAY.atStartOfDay(ENGLAND).toInstant(), ENGLAND);

    private static final String CHILD = "child-1";
    private static final String UNBORN = "child-unborn";
    private static final String ENQUIRY = "enquiry-1";
    private static final String ICPC_ID = "icpc-1";
    private static final String REVIEW_ID = "review-1";
    private static final String PLAN_ID = ProtectionIds.planOf(CHILD, ICPC_ID);
    private static final LocalDate STRATEGY = LocalDate.of(2026, 2, 16);
    /** Tuesday 3 March 2026. */
    private static final LocalDate ICPC = LocalDate.of(2026, 3, 3);
    private static final LocalDate REVIEW = LocalDate.of(2026, 6, 2);
    private static final List<String> QUORATE = List.of("Children's social care", "Police", "Health visitor");
    private static final List<String> INQUORATE = List.of("Children's social care", "Police");
    private static final ChildsView SPOKE = new ChildsView(true, ViewsConveyed.ATTENDED_SPOKE_FOR_SELF);
    private static final String BY = DUAL.username();

    private FixtureConfiguration<ChildProtection> fixture;
    private InMemoryEvents cases;

    @BeforeEach
    void setUp() {
        DemoDirectory directory = new DemoDirectory();
        QuoracyPolicy quoracy = new DefaultQuoracyPolicy();
        cases = new InMemoryEvents(CLOCK, directory, quoracy);
        cases.given("ChildCase", CHILD, new ChildRegistered(CHILD, LA, "A1", "Sam", "Jones",
                LocalDate.of(2020, 5, 1), null, STRATEGY));
        cases.given("ChildCase", UNBORN, new ChildRegistered(UNBORN, LA, "A2", "Baby", "Jones",
                null, LocalDate.of(2026, 7, 20), STRATEGY));
        fixture = new AggregateTestFixture<>(ChildProtection.class);
        fixture.registerInjectableResource(CLOCK);
        fixture.registerInjectableResource(directory);
        fixture.registerInjectableResource(quoracy);
        fixture.registerInjectableResource(cases.registeredChildren());
    }

    @AfterEach
    void tearDown() {
        cases.close();
    }

    private static Object[] planAtIcpc(boolean quorate) {
        return new Object[] {new Section47EnquiryStarted(CHILD, ENQUIRY, STRATEGY),
                new InitialConferenceHeld(CHILD, ICPC_ID, ConferenceType.INITIAL, ICPC, ENQUIRY,
                        quorate ? QUORATE : INQUORATE, quorate, ConferenceOutcome.PLAN, SPOKE, BY,
                        DUAL.displayName(), List.of()),
                new ChildProtectionPlanStarted(CHILD, PLAN_ID, ICPC, ICPC_ID, CategoryOfAbuse.NEG, 0)};
    }

    private static Object[] noPlanAtInquorateIcpc() {
        return new Object[] {new Section47EnquiryStarted(CHILD, ENQUIRY, STRATEGY),
                new InitialConferenceHeld(CHILD, ICPC_ID, ConferenceType.INITIAL, ICPC, ENQUIRY, INQUORATE, false,
                        ConferenceOutcome.NO_PLAN, SPOKE, BY, DUAL.displayName(), List.of())};
    }

    private static ReviewConferenceHeld inquorateReview() {
        return new ReviewConferenceHeld(CHILD, REVIEW_ID, PLAN_ID, REVIEW, INQUORATE, false, true,
                CategoryOfAbuse.NEG, CategoryOfAbuse.NEG, SPOKE, BY, DUAL.displayName(), List.of());
    }

    private static ResultValidator<ChildProtection> refused(ResultValidator<ChildProtection> result, Rule rule,
            String message) {
        return result.expectException(violates(rule)).expectExceptionMessage(containsString(message)).expectNoEvents();
    }

    private static Attendee agency(String agency, Attendance attendance) {
        return new Attendee(ConferenceRole.AGENCY, agency, null, true, attendance, true, true);
    }

    private static RecordConferenceAttendance attendance(Attendee... attendees) {
        return new RecordConferenceAttendance(CHILD, ICPC_ID, List.of(attendees), BY);
    }

    @Nested
    class WhoWasInvitedAndWhoCame {

        @Test
        void attendanceIsRecordedByRoleWithTheFamilysNamesApart() {
            fixture.given(planAtIcpc(true))
                    .when(attendance(
                            new Attendee(ConferenceRole.CHILD, null, "Sam", true, Attendance.PART, false, null),
                            new Attendee(ConferenceRole.PARENT, null, "Alex Jones", true, Attendance.ALL, false, null),
                            new Attendee(ConferenceRole.PARENT, null, null, true, Attendance.NONE, false, null),
                            agency("Police", Attendance.ALL),
                            new Attendee(ConferenceRole.INTERPRETER, null, null, false, Attendance.ALL, false, null)))
                    .expectEvents(new ConferenceAttendanceRecorded(CHILD, ICPC_ID, List.of(
                            new ConferenceAttendee(ConferenceRole.CHILD, null, true, Attendance.PART, false, null),
                            new ConferenceAttendee(ConferenceRole.PARENT, null, true, Attendance.ALL, false, null),
                            new ConferenceAttendee(ConferenceRole.PARENT, null, true, Attendance.NONE, false, null),
                            new ConferenceAttendee(ConferenceRole.AGENCY, "Police", true, Attendance.ALL, true, true),
                            new ConferenceAttendee(ConferenceRole.INTERPRETER, null, false, Attendance.ALL, false,
                                    null)),
                            List.of(new NamedFamilyMember(0, "Sam"), new NamedFamilyMember(1, "Alex Jones")), BY));
        }

        @Test
        void attendanceIsForAConferenceAlreadyRecorded() {
            refused(fixture.givenNoPriorActivity().when(attendance(agency("Police", Attendance.ALL))),
                    ConferenceRecordRule.CONFERENCE_MUST_BE_RECORDED, "record the conference first");
        }

        @Test
        void attendanceIsRecordedOnce() {
            refused(fixture.given(planAtIcpc(true))
                            .andGiven(new ConferenceAttendanceRecorded(CHILD, ICPC_ID, List.of(), List.of(), BY))
                            .when(attendance(agency("Police", Attendance.ALL))),
                    ConferenceRecordRule.RECORDED_ONCE_PER_CONFERENCE, "already recorded");
        }

        @Test
        void anAgencysRepresentativeNamesTheAgencyAndNoOneElseDoes() {
            refused(fixture.given(planAtIcpc(true)).when(attendance(agency(" ", Attendance.ALL))),
                    ConferenceRecordRule.AGENCY_NAMED_FOR_AGENCY, "Enter the agency");
            refused(fixture.given(planAtIcpc(true)).when(attendance(
                            new Attendee(ConferenceRole.ADVOCATE, "Police", null, true, Attendance.ALL, false, null))),
                    ConferenceRecordRule.AGENCY_NAMED_FOR_AGENCY, "Only an agency's representative");
        }

        @Test
        void professionalsAreRecordedByRoleNotName() {
            refused(fixture.given(planAtIcpc(true)).when(attendance(
                            new Attendee(ConferenceRole.ADVOCATE, null, "Jo Bloggs", true, Attendance.ALL, false,
                                    null))),
                    ConferenceRecordRule.NAME_ONLY_FOR_FAMILY, "recorded by role");
        }

        @Test
        void aReportIsSharedWithTheFamilyOnlyIfItWasReceived() {
            refused(fixture.given(planAtIcpc(true)).when(attendance(
                            new Attendee(ConferenceRole.AGENCY, "Police", null, true, Attendance.ALL, true, null))),
                    ConferenceRecordRule.REPORT_SHARED_ONLY_WHEN_RECEIVED, "Say whether the report was shared");
            refused(fixture.given(planAtIcpc(true)).when(attendance(
                            new Attendee(ConferenceRole.AGENCY, "Police", null, true, Attendance.ALL, false, false))),
                    ConferenceRecordRule.REPORT_SHARED_ONLY_WHEN_RECEIVED, "No report was received");
        }

        @Test
        void anUnbornChildDidNotAttend() {
            String preBirth = "pre-birth-1";
            Object[] held = {new Section47EnquiryStarted(UNBORN, ENQUIRY, STRATEGY),
                    new InitialConferenceHeld(UNBORN, preBirth, ConferenceType.PRE_BIRTH, ICPC, ENQUIRY, QUORATE, true,
                            ConferenceOutcome.NO_PLAN, new ChildsView(false, ViewsConveyed.TOO_YOUNG_OR_UNBORN), BY,
                            DUAL.displayName(), List.of())};
            refused(fixture.given(held).when(new RecordConferenceAttendance(UNBORN, preBirth, List.of(
                            new Attendee(ConferenceRole.CHILD, null, null, false, Attendance.PART, false, null)), BY)),
                    ConferenceRecordRule.UNBORN_CHILD_DID_NOT_ATTEND, "not yet born on 3 March 2026");
            fixture.given(held).when(new RecordConferenceAttendance(UNBORN, preBirth, List.of(
                            new Attendee(ConferenceRole.CHILD, null, null, false, Attendance.NONE, false, null)), BY))
                    .expectSuccessfulHandlerExecution();
        }

        @Test
        void parentsAttendedAllOnlyWhenEveryParentStayedThroughout() {
            ConferenceAttendee all = new ConferenceAttendee(ConferenceRole.PARENT, null, true, Attendance.ALL, false,
                    null);
            ConferenceAttendee none = new ConferenceAttendee(ConferenceRole.CARER, null, true, Attendance.NONE, false,
                    null);
            org.junit.jupiter.api.Assertions.assertEquals(Attendance.ALL,
                    new ConferenceAttendanceRecorded(CHILD, ICPC_ID, List.of(all, all), null, BY).parentsAttended());
            org.junit.jupiter.api.Assertions.assertEquals(Attendance.PART,
                    new ConferenceAttendanceRecorded(CHILD, ICPC_ID, List.of(all, none), null, BY).parentsAttended());
            org.junit.jupiter.api.Assertions.assertEquals(Attendance.NONE,
                    new ConferenceAttendanceRecorded(CHILD, ICPC_ID, List.of(none), null, BY).parentsAttended());
        }
    }

    @Nested
    class RecommendationsAndDissent {

        private RecordConferenceRecommendations icpc(ConferenceOutcome decision, CategoryOfAbuse category,
                Recommendation... recommendations) {
            return new RecordConferenceRecommendations(CHILD, ICPC_ID, List.of(recommendations), decision, category,
                    "Mother disagrees with the plan", BY);
        }

        @Test
        void aDissentingAgencyIsRecordedWithItsReason() {
            fixture.given(planAtIcpc(true))
                    .when(icpc(ConferenceOutcome.PLAN, CategoryOfAbuse.NEG,
                            new Recommendation("Police", ConferenceOutcome.PLAN, CategoryOfAbuse.NEG, null),
                            new Recommendation(" School ", ConferenceOutcome.NO_PLAN, null,
                                    "Attendance has improved and there are no concerns in school")))
                    .expectEvents(new ConferenceRecommendationsRecorded(CHILD, ICPC_ID, List.of(
                            new AgencyRecommendation("Police", ConferenceOutcome.PLAN, CategoryOfAbuse.NEG, null),
                            new AgencyRecommendation("School", ConferenceOutcome.NO_PLAN, null,
                                    "Attendance has improved and there are no concerns in school")),
                            ConferenceOutcome.PLAN, CategoryOfAbuse.NEG, "Mother disagrees with the plan", BY));
        }

        @Test
        void aDissentWithoutAReasonIsRefused() {
            refused(fixture.given(planAtIcpc(true)).when(icpc(ConferenceOutcome.PLAN, CategoryOfAbuse.NEG,
                            new Recommendation("Police", ConferenceOutcome.PLAN, CategoryOfAbuse.PHY, " "))),
                    ConferenceRecordRule.DISSENT_GIVES_REASON, "record its reason");
        }

        @Test
        void anAgencyThatAgreedHasNoDissent() {
            refused(fixture.given(planAtIcpc(true)).when(icpc(ConferenceOutcome.PLAN, CategoryOfAbuse.NEG,
                            new Recommendation("Police", ConferenceOutcome.PLAN, CategoryOfAbuse.NEG, "Agreed"))),
                    ConferenceRecordRule.DISSENT_GIVES_REASON, "no dissent to record");
        }

        @Test
        void theChairsDecisionIsTheOneTheConferenceRecorded() {
            refused(fixture.given(planAtIcpc(true)).when(icpc(ConferenceOutcome.NO_PLAN, null,
                            new Recommendation("Police", ConferenceOutcome.NO_PLAN, null, null))),
                    ConferenceRecordRule.CHAIR_DECISION_MATCHES_CONFERENCE, "recorded a plan under Neglect");
            refused(fixture.given(planAtIcpc(true)).when(icpc(ConferenceOutcome.PLAN, CategoryOfAbuse.EMO,
                            new Recommendation("Police", ConferenceOutcome.PLAN, CategoryOfAbuse.EMO, null))),
                    ConferenceRecordRule.CHAIR_DECISION_MATCHES_CONFERENCE, "recorded a plan under Neglect");
        }

        @Test
        void theChairsDecisionFollowsACorrectedInitialCategory() {
            fixture.given(planAtIcpc(true))
                    .andGiven(new InitialCategoryCorrected(CHILD, PLAN_ID, CategoryOfAbuse.NEG, CategoryOfAbuse.EMO,
                            "Wrong line"))
                    .when(icpc(ConferenceOutcome.PLAN, CategoryOfAbuse.EMO,
                            new Recommendation("Police", ConferenceOutcome.PLAN, CategoryOfAbuse.EMO, null)))
                    .expectSuccessfulHandlerExecution();
        }

        @Test
        void aPlanRecommendationNamesItsCategory() {
            refused(fixture.given(planAtIcpc(true)).when(icpc(ConferenceOutcome.PLAN, CategoryOfAbuse.NEG,
                            new Recommendation("Police", ConferenceOutcome.PLAN, null, "No category"))),
                    ConferenceRecordRule.CATEGORY_WITH_PLAN_RECOMMENDATION, "Select the category");
            refused(fixture.given(planAtIcpc(true)).when(icpc(ConferenceOutcome.PLAN, CategoryOfAbuse.NEG,
                            new Recommendation("Police", ConferenceOutcome.NO_PLAN, CategoryOfAbuse.NEG, "No"))),
                    ConferenceRecordRule.CATEGORY_WITH_PLAN_RECOMMENDATION, "no category");
        }

        @Test
        void eachAgencyRecommendsOnce() {
            refused(fixture.given(planAtIcpc(true)).when(icpc(ConferenceOutcome.PLAN, CategoryOfAbuse.NEG,
                            new Recommendation("Police", ConferenceOutcome.PLAN, CategoryOfAbuse.NEG, null),
                            new Recommendation("police", ConferenceOutcome.PLAN, CategoryOfAbuse.NEG, null))),
                    ConferenceRecordRule.ONE_RECOMMENDATION_PER_AGENCY, "one recommendation");
        }

        @Test
        void atAReviewPlanMeansThePlanContinues() {
            fixture.given(planAtIcpc(true)).andGiven(inquorateReview())
                    .when(new RecordConferenceRecommendations(CHILD, REVIEW_ID, List.of(
                            new Recommendation("Police", ConferenceOutcome.NO_PLAN, null, "Risk has reduced")),
                            ConferenceOutcome.PLAN, CategoryOfAbuse.NEG, null, BY))
                    .expectEvents(new ConferenceRecommendationsRecorded(CHILD, REVIEW_ID, List.of(
                            new AgencyRecommendation("Police", ConferenceOutcome.NO_PLAN, null, "Risk has reduced")),
                            ConferenceOutcome.PLAN, CategoryOfAbuse.NEG, null, BY));
        }
    }

    @Nested
    class InquorateConferences {

        @Test
        void anInquorateReviewRecordsWhyAndThatThePlanContinues() {
            fixture.given(planAtIcpc(true)).andGiven(inquorateReview())
                    .when(new RecordInquorateConference(CHILD, REVIEW_ID, "Health and school sent apologies",
                            InquorateDecision.PLAN_CONTINUES_UNTIL_QUORATE_REVIEW, BY))
                    .expectEvents(new InquorateConferenceRecorded(CHILD, REVIEW_ID, "Health and school sent apologies",
                            InquorateDecision.PLAN_CONTINUES_UNTIL_QUORATE_REVIEW, BY));
        }

        @Test
        void aQuorateConferenceHasNoInquorateRecord() {
            refused(fixture.given(planAtIcpc(true)).when(new RecordInquorateConference(CHILD, ICPC_ID, "None",
                            InquorateDecision.RECONVENE, BY)),
                    ConferenceRecordRule.INQUORATE_RECORD_ONLY_FOR_INQUORATE, "recorded as quorate");
        }

        @Test
        void theReasonIsGiven() {
            refused(fixture.given(noPlanAtInquorateIcpc()).when(new RecordInquorateConference(CHILD, ICPC_ID, "  ",
                            InquorateDecision.RECONVENE, BY)),
                    ConferenceRecordRule.INQUORATE_REASON_GIVEN, "Enter why");
        }

        @Test
        void theDecisionFitsTheConference() {
            refused(fixture.given(noPlanAtInquorateIcpc()).when(new RecordInquorateConference(CHILD, ICPC_ID,
                            "Police absent", InquorateDecision.PLAN_CONTINUES_UNTIL_QUORATE_REVIEW, BY)),
                    ConferenceRecordRule.INQUORATE_DECISION_FITS_CONFERENCE, "cannot continue a plan");
            refused(fixture.given(planAtIcpc(true)).andGiven(inquorateReview()).when(new RecordInquorateConference(
                            CHILD, REVIEW_ID, "Police absent", InquorateDecision.PROCEEDED_NO_PLAN, BY)),
                    ConferenceRecordRule.INQUORATE_DECISION_FITS_CONFERENCE, "continues until a quorate review");
            fixture.given(noPlanAtInquorateIcpc())
                    .when(new RecordInquorateConference(CHILD, ICPC_ID, "Police absent",
                            InquorateDecision.PROCEEDED_NO_PLAN, BY))
                    .expectSuccessfulHandlerExecution();
        }
    }

    @Nested
    class TransferIn {

        @Test
        void aNotificationMayStartTheChildsJourneyHere() {
            fixture.givenNoPriorActivity()
                    .when(new RecordTransferInNotification(CHILD, "notice-1", LocalDate.of(2026, 6, 1),
                            " Northshire ", LocalDate.of(2025, 11, 3), BY))
                    .expectEvents(new TransferInNotificationReceived(CHILD, "notice-1", LocalDate.of(2026, 6, 1),
                            "Northshire", LocalDate.of(2025, 11, 3), BY))
                    .expectResultMessagePayload(0L);
        }

        @Test
        void theOtherPlanStartedByTheDayOfTheNotification() {
            refused(fixture.givenNoPriorActivity().when(new RecordTransferInNotification(CHILD, "notice-1",
                            LocalDate.of(2026, 6, 1), "Northshire", LocalDate.of(2026, 6, 2), BY)),
                    ConferenceRecordRule.OTHER_PLAN_BEFORE_NOTIFICATION, "1 June 2026");
        }

        @Test
        void aNotificationIsRecordedOnce() {
            refused(fixture.given(new TransferInNotificationReceived(CHILD, "notice-1", LocalDate.of(2026, 6, 1),
                            "Northshire", LocalDate.of(2025, 11, 3), BY))
                            .when(new RecordTransferInNotification(CHILD, "notice-1", LocalDate.of(2026, 6, 1),
                                    "Northshire", LocalDate.of(2025, 11, 3), BY)),
                    ConferenceRecordRule.NOTIFICATION_RECORDED_ONCE, "already recorded");
        }

        @Test
        void aNotificationIsNotRecordedBeforeItArrives() {
            refused(fixture.givenNoPriorActivity().when(new RecordTransferInNotification(CHILD, "notice-1",
                            TODAY.plusDays(1), "Northshire", LocalDate.of(2025, 11, 3), BY)),
                    ProtectionRule.DATE_NOT_IN_FUTURE, "");
        }
    }
}
