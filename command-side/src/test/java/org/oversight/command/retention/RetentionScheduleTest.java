package org.oversight.command.retention;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.hamcrest.FeatureMatcher;
import org.hamcrest.Matcher;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.oversight.command.childcase.DemoDirectory;
import org.oversight.command.rules.RuleViolation;
import org.oversight.events.retention.LocalRetentionChanged;
import org.oversight.events.retention.RecordType;
import org.oversight.events.retention.RetentionTrigger;

/** A local authority's retention schedule: the local rows change as recorded decisions, the statutory one never. */
class RetentionScheduleTest {

    private static final String LA = DemoDirectory.LA;
    private static final String WHY = "Agreed by the information governance board";

    private FixtureConfiguration<RetentionSchedule> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(RetentionSchedule.class);
        fixture.registerInjectableResource(new DemoDirectory());
    }

    @Test
    void anAdministratorSetsTheYearsAndTheDayTheyCountFrom() {
        fixture.givenNoPriorActivity()
                .when(ChangeLocalRetention.of(LA, RecordType.CHILD_PROTECTION_PLAN, 25, RetentionTrigger.BIRTH, WHY))
                .expectEvents(new LocalRetentionChanged(LA, RecordType.CHILD_PROTECTION_PLAN, 25,
                        RetentionTrigger.BIRTH, WHY))
                .expectResultMessagePayload(0L);
    }

    @Test
    void theLookedAfterPeriodIsSetByLawAndCannotBeChanged() {
        fixture.givenNoPriorActivity()
                .when(ChangeLocalRetention.of(LA, RecordType.LOOKED_AFTER, 50, RetentionTrigger.BIRTH, WHY))
                .expectException(violates(RetentionScheduleRule.STATUTORY_PERIOD_NOT_LOCAL))
                .expectNoEvents();
    }

    @Test
    void aPeriodIsFromOneToAHundredYears() {
        fixture.givenNoPriorActivity()
                .when(ChangeLocalRetention.of(LA, RecordType.CHILD_PROTECTION_ENQUIRY, 0, RetentionTrigger.CLOSURE, WHY))
                .expectException(violates(RetentionScheduleRule.YEARS_WITHIN_RANGE));
        fixture.givenNoPriorActivity()
                .when(ChangeLocalRetention.of(LA, RecordType.CHILD_PROTECTION_ENQUIRY, 101, RetentionTrigger.CLOSURE,
                        WHY))
                .expectException(violates(RetentionScheduleRule.YEARS_WITHIN_RANGE));
        fixture.givenNoPriorActivity()
                .when(ChangeLocalRetention.of(LA, RecordType.CHILD_PROTECTION_ENQUIRY, 100, RetentionTrigger.CLOSURE,
                        WHY))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void anAuthorityTheServiceDoesNotCoverHasNoSchedule() {
        fixture.givenNoPriorActivity()
                .when(ChangeLocalRetention.of("NOWHERE", RecordType.REGISTRATION_ONLY, 6, RetentionTrigger.CLOSURE, WHY))
                .expectException(violates(RetentionScheduleRule.LOCAL_AUTHORITY_KNOWN));
    }

    @Test
    void recordingTheRowAsItStandsRecordsNothing() {
        fixture.given(new LocalRetentionChanged(LA, RecordType.CHILD_PROTECTION_ENQUIRY, 12, RetentionTrigger.CLOSURE,
                        WHY))
                .when(ChangeLocalRetention.of(LA, RecordType.CHILD_PROTECTION_ENQUIRY, 12, RetentionTrigger.CLOSURE,
                        "Again"))
                .expectException(violates(RetentionScheduleRule.SOMETHING_CHANGES))
                .expectNoEvents();
    }

    @Test
    void recordingADefaultAsItStandsRecordsNothingEither() {
        fixture.givenNoPriorActivity()
                .when(ChangeLocalRetention.of(LA, RecordType.CHILD_PROTECTION_ENQUIRY, 10, RetentionTrigger.CLOSURE,
                        WHY))
                .expectException(violates(RetentionScheduleRule.SOMETHING_CHANGES))
                .expectNoEvents();
    }

    private static Matcher<RuleViolation> violates(RetentionScheduleRule rule) {
        return new FeatureMatcher<>(Matchers.equalTo(rule.code()), "a refusal under rule", "rule") {
            @Override
            protected String featureValueOf(RuleViolation actual) {
                return actual.rule();
            }
        };
    }
}
