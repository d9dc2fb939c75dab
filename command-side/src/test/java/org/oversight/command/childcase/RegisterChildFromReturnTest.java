package org.oversight.command.childcase;

import static org.oversight.command.childcase.DemoDirectory.LA;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.oversight.command.rules.RuleViolation;
import org.oversight.events.childcase.ChildRegistered;

/** A child known only from the returns is registered without a name, under the rules of the day it takes effect. */
class RegisterChildFromReturnTest {

    private static final String CHILD = "8a7f0c1e-2b3d-4e5f-8a9b-0c1d2e3f4a5b";
    private static final LocalDate BORN = LocalDate.of(2001, 6, 10);

    private FixtureConfiguration<ChildCase> on(LocalDate today) {
        FixtureConfiguration<ChildCase> fixture = new AggregateTestFixture<>(ChildCase.class);
        fixture.registerInjectableResource(Clock.fixed(today.atStartOfDay(ZoneId.of("Europe/London")).toInstant(),
                ZoneId.of("Europe/London")));
        fixture.registerInjectableResource(new DemoDirectory());
        fixture.registerInjectableResource(new HeldIdentifiers());
        return fixture;
    }

    @Test
    void aChildOfSeventeenOnTheDayIsRegisteredWithNoNameRecorded() {
        LocalDate day = BORN.plusYears(17).plusMonths(3);
        on(day).givenNoPriorActivity()
                .when(new RegisterChildFromReturn(CHILD, LA, "903-114", BORN))
                .expectEvents(new ChildRegistered(CHILD, LA, "903-114", "", "", BORN, null, day));
    }

    @Test
    void aPersonOfEighteenOnTheDayIsRefusedAsOnAnyRegistration() {
        on(BORN.plusYears(18)).givenNoPriorActivity()
                .when(new RegisterChildFromReturn(CHILD, LA, "903-114", BORN))
                .expectException(RuleViolation.class)
                .expectExceptionMessage(Matchers.containsString("18 or over"))
                .expectNoEvents();
    }

    @Test
    void aDateOfBirthAfterTheDayIsRefused() {
        on(BORN.minusDays(1)).givenNoPriorActivity()
                .when(new RegisterChildFromReturn(CHILD, LA, "903-114", BORN))
                .expectException(RuleViolation.class)
                .expectNoEvents();
    }

    @Test
    void anAuthorityTheServiceDoesNotCoverIsRefused() {
        on(BORN.plusYears(5)).givenNoPriorActivity()
                .when(new RegisterChildFromReturn(CHILD, "NOWHERE", "903-114", BORN))
                .expectException(RuleViolation.class)
                .expectNoEvents();
    }
}
