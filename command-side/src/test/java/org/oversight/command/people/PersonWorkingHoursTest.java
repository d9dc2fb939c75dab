package org.oversight.command.people;

import static org.oversight.command.people.FakeAccounts.NORTH;
import static org.oversight.command.people.FakeAccounts.SOUTH;
import static org.oversight.command.people.FakeAccounts.SOUTH_IRO;
import static org.oversight.command.people.Refusals.refusedFor;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.oversight.events.access.Role;
import org.oversight.events.childcase.ChairRole;
import org.oversight.events.people.PersonAdded;
import org.oversight.events.people.PersonWorkingHoursSet;

/** A chair's working hours, for their full-time equivalent in the IRO report. */
class PersonWorkingHoursTest {

    private static final String NOWAK = "iro.nowak";
    private static final LocalDate APRIL = LocalDate.of(2026, 4, 1);

    private FixtureConfiguration<Person> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Person.class);
        fixture.registerInjectableResource(new FakeAccounts());
    }

    private static PersonAdded anIro() {
        return new PersonAdded(NOWAK, "Marta Nowak", List.of(Role.CHAIR), List.of(ChairRole.IRO), List.of(SOUTH),
                List.of(SOUTH_IRO), "Joined the IRO service");
    }

    private static SetWorkingHours hours(String weekly, String fullTime) {
        return SetWorkingHours.of(NOWAK, APRIL, new BigDecimal(weekly), new BigDecimal(fullTime),
                "Returned from leave part time");
    }

    @Test
    void aChairsHoursAreRecordedWithTheFullTimeWeekAndTheReason() {
        fixture.given(anIro())
                .when(hours("22.50", "37"))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new PersonWorkingHoursSet(NOWAK, APRIL, new BigDecimal("22.5"), new BigDecimal("37"),
                        "Returned from leave part time"));
    }

    @Test
    void aFullTimeChairWorksTheWholeWeekAndNoMore() {
        fixture.given(anIro()).when(hours("37", "37")).expectSuccessfulHandlerExecution();
        refusedFor(fixture.given(anIro()).when(hours("37.5", "37")), PeopleRule.WORKING_HOURS_FIT);
    }

    @Test
    void hoursAreMoreThanNothingToTwoDecimalPlaces() {
        refusedFor(fixture.given(anIro()).when(hours("0", "37")), PeopleRule.WORKING_HOURS_FIT);
        refusedFor(fixture.given(anIro()).when(hours("22.125", "37")), PeopleRule.WORKING_HOURS_FIT);
    }

    @Test
    void aFullTimeWeekIsAtMost48Hours() {
        fixture.given(anIro()).when(hours("48", "48")).expectSuccessfulHandlerExecution();
        refusedFor(fixture.given(anIro()).when(hours("40", "48.5")), PeopleRule.WORKING_HOURS_FIT);
        refusedFor(fixture.given(anIro()).when(hours("0", "0")), PeopleRule.WORKING_HOURS_FIT);
    }

    @Test
    void onlyAChairHasWorkingHoursRecorded() {
        refusedFor(fixture.given(new PersonAdded(NOWAK, "Marta Nowak", List.of(Role.QA_LEAD), List.of(),
                List.of(NORTH), List.of(), "Leads QA")).when(hours("30", "37")), PeopleRule.WORKING_HOURS_FOR_CHAIRS);
    }

    @Test
    void theSameHoursFromTheSameDayAreNotRecordedTwice() {
        refusedFor(fixture.given(anIro(), new PersonWorkingHoursSet(NOWAK, APRIL, new BigDecimal("22.5"),
                new BigDecimal("37"), "Returned")).when(hours("22.50", "37.00")), PeopleRule.SOMETHING_CHANGES);
    }

    @Test
    void everyRecordSaysWhy() {
        refusedFor(fixture.given(anIro()).when(SetWorkingHours.of(NOWAK, APRIL, new BigDecimal("30"),
                new BigDecimal("37"), " ")), PeopleRule.REASON_GIVEN);
    }
}
