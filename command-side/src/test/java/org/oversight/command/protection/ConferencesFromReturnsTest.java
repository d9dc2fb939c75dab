package org.oversight.command.protection;

import static org.oversight.command.childcase.DemoDirectory.LA;
import static org.oversight.command.protection.Violations.violates;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.oversight.command.childcase.DemoDirectory;
import org.oversight.events.childcase.ChildRegistered;
import org.oversight.events.protection.CategoryOfAbuse;
import org.oversight.events.protection.ChildProtectionPlanEnded;
import org.oversight.events.protection.ChildProtectionPlanStarted;
import org.oversight.events.protection.ConferenceReportedInReturn;
import org.oversight.events.protection.PlanEndReason;
import org.oversight.events.protection.Section47EnquiryStarted;

/**
 * A child protection history known only from the CIN census: conferences recorded as the return reports them,
 * with their quoracy not known, held to the same rules of order as a conference a chair records; a plan's end with
 * its reason not recorded, which a chair cannot give.
 */
class ConferencesFromReturnsTest {

    private static final ZoneId ENGLAND = ZoneId.of("Europe/London");
    private static final LocalDate TODAY = LocalDate.of(2026, 6, 30);
    private static final Clock CLOCK = Clock.fixed(TODAY.atStartOfDay(ENGLAND).toInstant(), ENGLAND);
    private static final String CHILD = "child-1";
    private static final String ENQUIRY = "enquiry-1";
    private static final String ICPC_ID = "icpc-1";
    private static final String PLAN_ID = ProtectionIds.planOf(CHILD, ICPC_ID);
    private static final LocalDate STRATEGY = LocalDate.of(2025, 2, 3);
    private static final LocalDate ICPC = LocalDate.of(2025, 2, 20);
    private static final LocalDate REVIEW = LocalDate.of(2025, 5, 15);
    private static final String CENSUS = "the 2025 census";

    private FixtureConfiguration<ChildProtection> fixture;
    private InMemoryEvents cases;

    @BeforeEach
    void setUp() {
        DemoDirectory directory = new DemoDirectory();
        cases = new InMemoryEvents(CLOCK, directory, new DefaultQuoracyPolicy());
        cases.given("ChildCase", CHILD, new ChildRegistered(CHILD, LA, "A1", "", "", LocalDate.of(2018, 5, 1), null,
                STRATEGY));
        fixture = new AggregateTestFixture<>(ChildProtection.class);
        fixture.registerInjectableResource(CLOCK);
        fixture.registerInjectableResource(directory);
        fixture.registerInjectableResource(new DefaultQuoracyPolicy());
        fixture.registerInjectableResource(cases.registeredChildren());
    }

    @AfterEach
    void tearDown() {
        cases.close();
    }

    private static RecordConferenceFromReturn initial(String enquiryId, CategoryOfAbuse category) {
        return new RecordConferenceFromReturn(CHILD, ICPC_ID, false, ICPC, enquiryId, category, 0, null, CENSUS);
    }

    private static RecordConferenceFromReturn review(String id, LocalDate on, CategoryOfAbuse latest) {
        return new RecordConferenceFromReturn(CHILD, id, true, on, null, null, 0, latest, CENSUS);
    }

    private static ConferenceReportedInReturn reportedInitial() {
        return new ConferenceReportedInReturn(CHILD, ICPC_ID, false, ICPC, ENQUIRY, PLAN_ID, null, CENSUS);
    }

    private static ChildProtectionPlanStarted planStarted() {
        return new ChildProtectionPlanStarted(CHILD, PLAN_ID, ICPC, ICPC_ID, CategoryOfAbuse.NEG, 0);
    }

    @Test
    void anInitialConferenceFromTheCensusConcludesItsEnquiryAndStartsThePlan() {
        fixture.given(new Section47EnquiryStarted(CHILD, ENQUIRY, STRATEGY))
                .when(initial(ENQUIRY, CategoryOfAbuse.NEG))
                .expectSuccessfulHandlerExecution()
                .expectEvents(reportedInitial(), planStarted());
    }

    @Test
    void aPlanFromTheCensusWithoutItsEnquiryStartsAtItsConference() {
        fixture.givenNoPriorActivity()
                .when(initial(null, CategoryOfAbuse.EMO))
                .expectEvents(new ConferenceReportedInReturn(CHILD, ICPC_ID, false, ICPC, null, PLAN_ID, null, CENSUS),
                        new ChildProtectionPlanStarted(CHILD, PLAN_ID, ICPC, ICPC_ID, CategoryOfAbuse.EMO, 0));
    }

    @Test
    void aReviewFromTheCensusReviewsTheOpenPlanAndKeepsItsCategoryWhenTheReturnGivesNone() {
        fixture.given(new Section47EnquiryStarted(CHILD, ENQUIRY, STRATEGY), reportedInitial(), planStarted())
                .when(review("review-1", REVIEW, null))
                .expectEvents(new ConferenceReportedInReturn(CHILD, "review-1", true, REVIEW, null, PLAN_ID,
                        CategoryOfAbuse.NEG, CENSUS));
    }

    @Test
    void aReviewFromTheCensusKeepsTheOrderOfTheRecord() {
        // on the day the plan started: CIN rule 8841, as for a review a chair records
        fixture.given(new Section47EnquiryStarted(CHILD, ENQUIRY, STRATEGY), reportedInitial(), planStarted())
                .when(review("review-1", ICPC, null))
                .expectException(violates(ProtectionRule.REVIEW_AFTER_PLAN_START)).expectNoEvents();
    }

    @Test
    void aReviewFromTheCensusNeedsAnOpenPlan() {
        fixture.givenNoPriorActivity()
                .when(review("review-1", REVIEW, null))
                .expectException(violates(ProtectionRule.DECISION_NEEDS_OPEN_PLAN)).expectNoEvents();
    }

    @Test
    void anInitialConferenceFromTheCensusCannotStartASecondOpenPlan() {
        fixture.given(reportedInitial(), planStarted())
                .when(new RecordConferenceFromReturn(CHILD, "icpc-2", false, REVIEW, null, CategoryOfAbuse.PHY, 1,
                        null, CENSUS))
                .expectException(violates(ProtectionRule.ONE_OPEN_PLAN)).expectNoEvents();
    }

    @Test
    void aConferenceFromTheCensusIsNotBeforeItsStrategyDiscussion() {
        fixture.given(new Section47EnquiryStarted(CHILD, ENQUIRY, ICPC.plusDays(1)))
                .when(initial(ENQUIRY, CategoryOfAbuse.NEG))
                .expectException(violates(ProtectionRule.NOT_BEFORE_STRATEGY_DISCUSSION)).expectNoEvents();
    }

    @Test
    void aPlanEndFromTheCensusIsRecordedWithItsReasonNotRecorded() {
        fixture.given(reportedInitial(), planStarted(),
                        new ConferenceReportedInReturn(CHILD, "review-1", true, REVIEW, null, PLAN_ID,
                                CategoryOfAbuse.NEG, CENSUS))
                .when(new EndChildProtectionPlanFromReturn(CHILD, REVIEW.plusDays(10)))
                .expectEvents(new ChildProtectionPlanEnded(CHILD, PLAN_ID, REVIEW.plusDays(10),
                        PlanEndReason.NOT_RECORDED, null));
    }

    @Test
    void aPlanEndFromTheCensusIsNotBeforeTheLastReview() {
        fixture.given(reportedInitial(), planStarted(),
                        new ConferenceReportedInReturn(CHILD, "review-1", true, REVIEW, null, PLAN_ID,
                                CategoryOfAbuse.NEG, CENSUS))
                .when(new EndChildProtectionPlanFromReturn(CHILD, REVIEW.minusDays(1)))
                .expectException(violates(ProtectionRule.PLAN_END_NOT_BEFORE_LAST_REVIEW)).expectNoEvents();
    }

    @Test
    void aChairCannotGiveTheReasonOnlyAReturnGives() {
        fixture.given(reportedInitial(), planStarted())
                .when(new EndChildProtectionPlan(CHILD, REVIEW, PlanEndReason.NOT_RECORDED))
                .expectException(violates(ProtectionRule.END_REASON_GIVEN)).expectNoEvents();
    }

    @Test
    void aChairsLaterReviewFollowsTheReviewsFromTheCensus() {
        // the reported review counts as the plan's last review for the end a chair records after it
        fixture.given(reportedInitial(), planStarted(),
                        new ConferenceReportedInReturn(CHILD, "review-1", true, REVIEW, null, PLAN_ID,
                                CategoryOfAbuse.NEG, CENSUS))
                .when(new EndChildProtectionPlan(CHILD, REVIEW.minusDays(1), PlanEndReason.NO_LONGER_AT_RISK))
                .expectException(violates(ProtectionRule.PLAN_END_NOT_BEFORE_LAST_REVIEW)).expectNoEvents();
    }
}
