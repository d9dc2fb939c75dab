package org.oversight.command.lookedafter;

import static org.oversight.command.lookedafter.JourneyFixture.CHILD;
import static org.oversight.command.lookedafter.JourneyFixture.PERIOD;
import static org.oversight.command.lookedafter.JourneyFixture.REVIEW;
import static org.oversight.command.lookedafter.JourneyFixture.STARTED;
import static org.oversight.command.lookedafter.JourneyFixture.TODAY;
import static org.oversight.command.lookedafter.JourneyFixture.breaks;
import static org.oversight.command.lookedafter.JourneyFixture.ended;
import static org.oversight.command.lookedafter.JourneyFixture.reviewed;
import static org.oversight.command.lookedafter.JourneyFixture.started;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.oversight.events.lookedafter.AdvocacyRecorded;
import org.oversight.events.lookedafter.AdvocacyStep;
import org.oversight.events.lookedafter.ChildChairedReview;
import org.oversight.events.lookedafter.ChildChairing;
import org.oversight.events.lookedafter.MeetingChaired;
import org.oversight.events.lookedafter.ParentalResponsibility;
import org.oversight.events.lookedafter.ParentsWishesOutcome;
import org.oversight.events.lookedafter.ParentsWishesSought;
import org.oversight.events.lookedafter.ParticipationCode;

/**
 * The child's voice and the people around the child (advocacy and complaints under sections 26 and 26A of the
 * Children Act 1989; the parents' wishes and feelings under reg 36 of SI 2010/959; the child chairing their
 * review) and the other meetings the IRO chairs.
 */
class ChildsVoiceTest {

    private static final LocalDate ON = LocalDate.of(2026, 2, 16);
    private static final String IRO = Iros.IRO.username();

    private JourneyFixture care;

    @BeforeEach
    void setUp() {
        care = new JourneyFixture();
    }

    @Test
    void tellingTheChildAboutAdvocacyAndComplaintsIsRecordedInTheOpenPeriod() {
        care.fixture.given(started())
                .when(new RecordAdvocacy(CHILD, AdvocacyStep.TOLD_ABOUT_ADVOCACY_AND_COMPLAINTS, ON, IRO))
                .expectEvents(new AdvocacyRecorded(CHILD, PERIOD, AdvocacyStep.TOLD_ABOUT_ADVOCACY_AND_COMPLAINTS, ON,
                        IRO));
    }

    @Test
    void anAdvocateIsAppointedOnOrAfterTheReferral() {
        care.fixture.given(started(), new AdvocacyRecorded(CHILD, PERIOD, AdvocacyStep.REFERRED_FOR_ADVOCACY, ON, IRO))
                .when(new RecordAdvocacy(CHILD, AdvocacyStep.ADVOCATE_APPOINTED, ON, IRO))
                .expectEvents(new AdvocacyRecorded(CHILD, PERIOD, AdvocacyStep.ADVOCATE_APPOINTED, ON, IRO));
    }

    @Test
    void anAdvocateAppointedWithoutAReferralIsRefused() {
        care.fixture.given(started(), new AdvocacyRecorded(CHILD, PERIOD, AdvocacyStep.ADVOCATE_OFFERED, ON, IRO))
                .when(new RecordAdvocacy(CHILD, AdvocacyStep.ADVOCATE_APPOINTED, ON, IRO))
                .expectException(breaks(ChildVoiceRule.ADVOCATE_APPOINTED_AFTER_REFERRAL))
                .expectNoEvents();
    }

    @Test
    void anAdvocateAppointedBeforeTheReferralIsRefused() {
        care.fixture.given(started(), new AdvocacyRecorded(CHILD, PERIOD, AdvocacyStep.REFERRED_FOR_ADVOCACY, ON, IRO))
                .when(new RecordAdvocacy(CHILD, AdvocacyStep.ADVOCATE_APPOINTED, ON.minusDays(1), IRO))
                .expectException(breaks(ChildVoiceRule.ADVOCATE_APPOINTED_AFTER_REFERRAL))
                .expectNoEvents();
    }

    @Test
    void aReferralInAnEarlierPeriodDoesNotCoverAnAppointmentInThisOne() {
        LocalDate restarted = STARTED.plusDays(20);
        care.fixture.given(started(), new AdvocacyRecorded(CHILD, PERIOD, AdvocacyStep.REFERRED_FOR_ADVOCACY,
                        STARTED.plusDays(1), IRO), ended(STARTED.plusDays(10)),
                        new org.oversight.events.lookedafter.PeriodOfCareStarted(CHILD, "period-2", restarted,
                                org.oversight.events.lookedafter.LegalStatus.C2, null))
                .when(new RecordAdvocacy(CHILD, AdvocacyStep.ADVOCATE_APPOINTED, restarted.plusDays(1), IRO))
                .expectException(breaks(ChildVoiceRule.ADVOCATE_APPOINTED_AFTER_REFERRAL))
                .expectNoEvents();
    }

    @Test
    void advocacyBeforeThePeriodStartedOrInTheFutureIsRefused() {
        care.fixture.given(started())
                .when(new RecordAdvocacy(CHILD, AdvocacyStep.ADVOCATE_OFFERED, STARTED.minusDays(1), IRO))
                .expectException(breaks(LookedAfterRule.NOT_BEFORE_PERIOD_START));
        care.fixture.given(started())
                .when(new RecordAdvocacy(CHILD, AdvocacyStep.ADVOCATE_OFFERED, TODAY.plusDays(1), IRO))
                .expectException(breaks(LookedAfterRule.DATE_NOT_IN_FUTURE));
    }

    @Test
    void theParentsWishesAreRecordedWithWhoseAndWhatCameOfIt() {
        care.fixture.given(started())
                .when(new RecordParentsWishes(CHILD, ON, ParentalResponsibility.OTHER_WITH_PARENTAL_RESPONSIBILITY,
                        ParentsWishesOutcome.NOT_REASONABLY_PRACTICABLE, IRO))
                .expectEvents(new ParentsWishesSought(CHILD, PERIOD, ON,
                        ParentalResponsibility.OTHER_WITH_PARENTAL_RESPONSIBILITY,
                        ParentsWishesOutcome.NOT_REASONABLY_PRACTICABLE, IRO));
    }

    @Test
    void parentsWishesNeedAnOpenPeriod() {
        care.fixture.given()
                .when(new RecordParentsWishes(CHILD, ON, ParentalResponsibility.PARENT,
                        ParentsWishesOutcome.ASCERTAINED, IRO))
                .expectException(breaks(LookedAfterRule.NEEDS_OPEN_PERIOD));
    }

    @Test
    void theChildCoChairingARecordedReviewIsRecordedOnce() {
        care.fixture.given(started(), reviewed(REVIEW, ON, ParticipationCode.PN1))
                .when(new RecordChildChairing(CHILD, REVIEW, ChildChairing.CO_CHAIRED, IRO))
                .expectEvents(new ChildChairedReview(CHILD, REVIEW, ChildChairing.CO_CHAIRED, IRO));
        care.fixture.given(started(), reviewed(REVIEW, ON, ParticipationCode.PN1),
                        new ChildChairedReview(CHILD, REVIEW, ChildChairing.CO_CHAIRED, IRO))
                .when(new RecordChildChairing(CHILD, REVIEW, ChildChairing.CHAIRED, IRO))
                .expectException(breaks(ChildVoiceRule.CHAIRING_RECORDED_ONCE))
                .expectNoEvents();
    }

    @Test
    void aChildWhoDidNotAttendTheReviewDidNotChairIt() {
        care.fixture.given(started(), reviewed(REVIEW, ON, ParticipationCode.PN5))
                .when(new RecordChildChairing(CHILD, REVIEW, ChildChairing.CO_CHAIRED, IRO))
                .expectException(breaks(ChildVoiceRule.CHAIRING_NEEDS_ATTENDANCE))
                .expectNoEvents();
        care.fixture.given(started(), reviewed(REVIEW, ON, ParticipationCode.PN4))
                .when(new RecordChildChairing(CHILD, REVIEW, ChildChairing.CO_CHAIRED, IRO))
                .expectEvents(new ChildChairedReview(CHILD, REVIEW, ChildChairing.CO_CHAIRED, IRO));
    }

    @Test
    void chairingAReviewNotRecordedIsRefused() {
        care.fixture.given(started())
                .when(new RecordChildChairing(CHILD, "no-such-review", ChildChairing.CHAIRED, IRO))
                .expectException(breaks(LookedAfterRule.REVIEW_MUST_EXIST));
    }

    @Test
    void aMeetingOfABuiltInTypeIsRecordedWithTheTypesTitle() {
        care.fixture.given(started())
                .when(new RecordMeetingChaired(CHILD, "m-1", "secure-accommodation-review", ON,
                        List.of("Social worker", " Child ", "Social worker"), " Placement to continue ", IRO))
                .expectEvents(new MeetingChaired(CHILD, PERIOD, "m-1", "secure-accommodation-review",
                        "Secure accommodation review (section 25)", ON, List.of("Social worker", "Child"),
                        "Placement to continue", IRO));
    }

    @Test
    void aMeetingOfATypeTheAuthorityAddedIsRecorded() {
        care.fixture.given(started())
                .when(new RecordMeetingChaired(CHILD, "m-1", "family-group", ON, List.of("Parent"), "Agreed", IRO))
                .expectEvents(new MeetingChaired(CHILD, PERIOD, "m-1", "family-group", "Family group meeting", ON,
                        List.of("Parent"), "Agreed", IRO));
    }

    @Test
    void aMeetingOfAnUnknownTypeIsRefused() {
        care.fixture.given(started())
                .when(new RecordMeetingChaired(CHILD, "m-1", "tea-party", ON, List.of("Parent"), "Agreed", IRO))
                .expectException(breaks(ChildVoiceRule.MEETING_TYPE_MUST_BE_KNOWN))
                .expectNoEvents();
    }

    @Test
    void aMeetingWithNoOneTakingPartIsRefused() {
        care.fixture.given(started())
                .when(new RecordMeetingChaired(CHILD, "m-1", "disruption", ON, List.of(), "Agreed", IRO))
                .expectException(breaks(ChildVoiceRule.MEETING_NEEDS_ATTENDEES_AND_OUTCOME))
                .expectNoEvents();
    }

    @Test
    void aMeetingRecordedTwiceIsRefused() {
        care.fixture.given(started(), new MeetingChaired(CHILD, PERIOD, "m-1", "disruption", "Disruption meeting",
                        ON, List.of("Carer"), "Agreed", IRO))
                .when(new RecordMeetingChaired(CHILD, "m-1", "disruption", ON, List.of("Carer"), "Agreed", IRO))
                .expectException(breaks(ChildVoiceRule.MEETING_NOT_RECORDED_TWICE))
                .expectNoEvents();
    }
}
