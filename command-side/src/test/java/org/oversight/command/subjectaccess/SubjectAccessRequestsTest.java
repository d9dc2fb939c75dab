package org.oversight.command.subjectaccess;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.hamcrest.FeatureMatcher;
import org.hamcrest.Matcher;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.oversight.command.childcase.ChildCase;
import org.oversight.command.childcase.DemoDirectory;
import org.oversight.command.childcase.HeldIdentifiers;
import org.oversight.command.rules.RuleViolation;
import org.oversight.events.childcase.ChildRegistered;
import org.oversight.events.subjectaccess.RequesterRelationship;
import org.oversight.events.subjectaccess.ReviewedItem;
import org.oversight.events.subjectaccess.SubjectAccessCopyPrepared;
import org.oversight.events.subjectaccess.SubjectAccessCopyReleased;
import org.oversight.events.subjectaccess.SubjectAccessDeadlineExtended;
import org.oversight.events.subjectaccess.SubjectAccessRequested;
import org.oversight.events.subjectaccess.Whose;

class SubjectAccessRequestsTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 3, 3);
    private static final String CHILD = "5d0b5c1e-7a3f-4c52-9e0d-2b8f4a6c1d37";
    private static final String REQUEST = "r-1";

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
        return new ChildRegistered(CHILD, DemoDirectory.LA, "A123", "Sam", "Jones", LocalDate.of(2012, 5, 1), null,
                LocalDate.of(2020, 1, 1));
    }

    private static SubjectAccessRequested requested(LocalDate receivedOn) {
        return new SubjectAccessRequested(CHILD, REQUEST, "Alex Jones", RequesterRelationship.PARENT, receivedOn);
    }

    private static SubjectAccessCopyPrepared prepared(LocalDate on) {
        return new SubjectAccessCopyPrepared(CHILD, REQUEST, on, 40L, List.of());
    }

    private static Matcher<Throwable> brokenRule(String code) {
        return new FeatureMatcher<Throwable, String>(Matchers.equalTo(code), "a rule violation of", "rule") {
            @Override
            protected String featureValueOf(Throwable actual) {
                return actual instanceof RuleViolation violation ? violation.rule() : null;
            }
        };
    }

    @Nested
    class Requesting {

        @Test
        void aRequestIsRecordedOnTheChildsRecordWithWhoAskedAndWhen() {
            fixture.given(registered())
                    .when(new RecordSubjectAccessRequest(CHILD, REQUEST, "  Alex Jones ",
                            RequesterRelationship.PARENT, TODAY.minusDays(2)))
                    .expectEvents(requested(TODAY.minusDays(2)));
        }

        @Test
        void aRequestReceivedTomorrowIsRefused() {
            fixture.given(registered())
                    .when(new RecordSubjectAccessRequest(CHILD, REQUEST, "Alex Jones", RequesterRelationship.PARENT,
                            TODAY.plusDays(1)))
                    .expectException(brokenRule("request-received-not-in-future"))
                    .expectNoEvents();
        }

        @Test
        void theSameRequestIsRecordedOnce() {
            fixture.given(registered(), requested(TODAY))
                    .when(new RecordSubjectAccessRequest(CHILD, REQUEST, "Alex Jones", RequesterRelationship.PARENT,
                            TODAY))
                    .expectException(brokenRule("request-recorded-once"));
        }

        @Test
        void nothingIsDecidedAboutARequestNotRecordedForThisChild() {
            fixture.given(registered())
                    .when(new ReleaseSubjectAccessCopy(CHILD, "r-unknown", TODAY, "Alex Jones"))
                    .expectException(brokenRule("subject-access-request-must-exist"));
        }
    }

    /** UK GDPR article 12(3): two further months, told within one month of receipt, with the reasons. */
    @Nested
    class Extending {

        @Test
        void anExtensionToldOnTheCorrespondingDayOfTheNextMonthIsInTime() {
            fixture.given(registered(), requested(LocalDate.of(2026, 1, 15)))
                    .when(new ExtendSubjectAccessDeadline(CHILD, REQUEST, LocalDate.of(2026, 2, 15), " Complex "))
                    .expectEvents(new SubjectAccessDeadlineExtended(CHILD, REQUEST, LocalDate.of(2026, 2, 15),
                            "Complex"));
        }

        @Test
        void anExtensionToldTheDayAfterIsTooLate() {
            fixture.given(registered(), requested(LocalDate.of(2026, 1, 15)))
                    .when(new ExtendSubjectAccessDeadline(CHILD, REQUEST, LocalDate.of(2026, 2, 16), "Complex"))
                    .expectException(brokenRule("extension-told-within-a-month"));
        }

        @Test
        void aRequestReceivedOnTheThirtyFirstOfJanuaryIsToldByTheLastDayOfFebruary() {
            fixture.given(registered(), requested(LocalDate.of(2026, 1, 31)))
                    .when(new ExtendSubjectAccessDeadline(CHILD, REQUEST, LocalDate.of(2026, 2, 28), "Complex"))
                    .expectSuccessfulHandlerExecution();
            fixture.given(registered(), requested(LocalDate.of(2026, 1, 31)))
                    .when(new ExtendSubjectAccessDeadline(CHILD, REQUEST, LocalDate.of(2026, 3, 1), "Complex"))
                    .expectException(brokenRule("extension-told-within-a-month"));
        }

        @Test
        void inALeapYearTheLastDayOfFebruaryIsTheTwentyNinth() {
            fixture.given(registered(), requested(LocalDate.of(2024, 1, 31)))
                    .when(new ExtendSubjectAccessDeadline(CHILD, REQUEST, LocalDate.of(2024, 2, 29), "Complex"))
                    .expectSuccessfulHandlerExecution();
            fixture.given(registered(), requested(LocalDate.of(2024, 1, 31)))
                    .when(new ExtendSubjectAccessDeadline(CHILD, REQUEST, LocalDate.of(2024, 3, 1), "Complex"))
                    .expectException(brokenRule("extension-told-within-a-month"));
        }

        @Test
        void anExtensionCannotBeToldBeforeTheRequestArrived() {
            fixture.given(registered(), requested(TODAY.minusDays(3)))
                    .when(new ExtendSubjectAccessDeadline(CHILD, REQUEST, TODAY.minusDays(4), "Complex"))
                    .expectException(brokenRule("extension-told-within-a-month"));
        }

        @Test
        void theTimeIsExtendedOnce() {
            fixture.given(registered(), requested(TODAY.minusDays(3)),
                            new SubjectAccessDeadlineExtended(CHILD, REQUEST, TODAY.minusDays(2), "Complex"))
                    .when(new ExtendSubjectAccessDeadline(CHILD, REQUEST, TODAY, "Still complex"))
                    .expectException(brokenRule("extended-once"));
        }
    }

    @Nested
    class Preparing {

        @Test
        void aCopyRecordsEachReviewedPieceReleasedOrWithheldWithItsReason() {
            fixture.given(registered(), requested(TODAY.minusDays(5)))
                    .when(new PrepareSubjectAccessCopy(CHILD, REQUEST, TODAY, 40L, List.of(
                            new PrepareSubjectAccessCopy.Item("k1", Whose.NAMED_PERSON, false, " No consent "),
                            new PrepareSubjectAccessCopy.Item("k2", Whose.WRITTEN_WORDS, true, " "))))
                    .expectEvents(new SubjectAccessCopyPrepared(CHILD, REQUEST, TODAY, 40L, List.of(
                            new ReviewedItem("k1", Whose.NAMED_PERSON, false, "No consent"),
                            new ReviewedItem("k2", Whose.WRITTEN_WORDS, true, null))));
        }

        @Test
        void aPieceWithheldWithoutAReasonIsRefused() {
            fixture.given(registered(), requested(TODAY.minusDays(5)))
                    .when(new PrepareSubjectAccessCopy(CHILD, REQUEST, TODAY, 40L, List.of(
                            new PrepareSubjectAccessCopy.Item("k1", Whose.NAMED_PERSON, false, "  "))))
                    .expectException(brokenRule("withheld-with-a-reason"))
                    .expectNoEvents();
        }

        @Test
        void aPieceIsDecidedOnce() {
            fixture.given(registered(), requested(TODAY.minusDays(5)))
                    .when(new PrepareSubjectAccessCopy(CHILD, REQUEST, TODAY, 40L, List.of(
                            new PrepareSubjectAccessCopy.Item("k1", Whose.NAMED_PERSON, true, null),
                            new PrepareSubjectAccessCopy.Item("k1", Whose.NAMED_PERSON, false, "No consent"))))
                    .expectException(brokenRule("item-decided-once"));
        }

        @Test
        void aCopyIsNotPreparedBeforeTheRequestArrived() {
            fixture.given(registered(), requested(TODAY.minusDays(5)))
                    .when(new PrepareSubjectAccessCopy(CHILD, REQUEST, TODAY.minusDays(6), 40L, List.of()))
                    .expectException(brokenRule("prepared-within-the-request"));
        }

        @Test
        void aCopyMayBePreparedAgainBeforeItIsReleased() {
            fixture.given(registered(), requested(TODAY.minusDays(5)), prepared(TODAY.minusDays(1)))
                    .when(new PrepareSubjectAccessCopy(CHILD, REQUEST, TODAY, 41L, List.of()))
                    .expectEvents(new SubjectAccessCopyPrepared(CHILD, REQUEST, TODAY, 41L, List.of()));
        }
    }

    @Nested
    class Releasing {

        @Test
        void aPreparedCopyIsReleasedToTheRequester() {
            fixture.given(registered(), requested(TODAY.minusDays(5)), prepared(TODAY.minusDays(1)))
                    .when(new ReleaseSubjectAccessCopy(CHILD, REQUEST, TODAY, " Alex Jones "))
                    .expectEvents(new SubjectAccessCopyReleased(CHILD, REQUEST, TODAY, "Alex Jones"));
        }

        @Test
        void aCopyNotYetPreparedCannotBeReleased() {
            fixture.given(registered(), requested(TODAY.minusDays(5)))
                    .when(new ReleaseSubjectAccessCopy(CHILD, REQUEST, TODAY, "Alex Jones"))
                    .expectException(brokenRule("released-after-preparation"));
        }

        @Test
        void aCopyIsNotReleasedBeforeTheDayItWasPrepared() {
            fixture.given(registered(), requested(TODAY.minusDays(5)), prepared(TODAY.minusDays(1)))
                    .when(new ReleaseSubjectAccessCopy(CHILD, REQUEST, TODAY.minusDays(2), "Alex Jones"))
                    .expectException(brokenRule("release-date-after-preparation"));
        }

        @Test
        void onceReleasedTheRequestIsAnsweredAndNothingMoreIsDecided() {
            fixture.given(registered(), requested(TODAY.minusDays(5)), prepared(TODAY.minusDays(1)),
                            new SubjectAccessCopyReleased(CHILD, REQUEST, TODAY, "Alex Jones"))
                    .when(new PrepareSubjectAccessCopy(CHILD, REQUEST, TODAY, 41L, List.of()))
                    .expectException(brokenRule("request-still-open"));
        }
    }
}
