package org.oversight.command.people;

import static org.oversight.command.people.FakeAccounts.NORTH;
import static org.oversight.command.people.FakeAccounts.SOUTH;
import static org.oversight.command.people.Refusals.refusedFor;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.oversight.events.people.TeamAdded;

class LocalAuthorityTeamsTest {

    private FixtureConfiguration<LocalAuthorityTeams> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(LocalAuthorityTeams.class);
        fixture.registerInjectableResource(new FakeAccounts());
    }


    @Test
    void aTeamIsAddedToAnAuthorityWithItsNameTidiedAndTheReasonGiven() {
        fixture.givenNoPriorActivity()
                .when(AddTeam.of(SOUTH, "  Southvale   safeguarding unit ", "New unit"))
                .expectEvents(new TeamAdded(SOUTH, "Southvale safeguarding unit", "New unit"))
                .expectResultMessagePayload(0L);
    }

    @Test
    void addingATeamSaysWhy() {
        refusedFor(fixture.givenNoPriorActivity().when(AddTeam.of(SOUTH, "Southvale unit", " ")),
                PeopleRule.REASON_GIVEN);
    }

    @Test
    void aTeamNameIsUniqueWithinItsAuthorityWhateverItsCapitals() {
        refusedFor(fixture.given(new TeamAdded(SOUTH, "Southvale unit", "New"))
                .when(AddTeam.of(SOUTH, "SOUTHVALE UNIT", "Again")), PeopleRule.TEAM_NAME_UNIQUE);
        setUp();
        refusedFor(fixture.givenNoPriorActivity().when(AddTeam.of(NORTH, "north iro team", "Again")),
                PeopleRule.TEAM_NAME_UNIQUE);
    }

    @Test
    void theSameNameMayBeUsedByAnotherAuthority() {
        fixture.givenNoPriorActivity()
                .when(AddTeam.of(SOUTH, "North IRO team", "Southvale names its teams after the compass too"))
                .expectEvents(new TeamAdded(SOUTH, "North IRO team",
                        "Southvale names its teams after the compass too"));
    }

    @Test
    void aTeamNameIsPlain() {
        refusedFor(fixture.givenNoPriorActivity().when(AddTeam.of(SOUTH, "a|b", "Odd")), PeopleRule.TEAM_NAME_PATTERN);
        setUp();
        refusedFor(fixture.givenNoPriorActivity().when(AddTeam.of(SOUTH, "X", "Short")), PeopleRule.TEAM_NAME_PATTERN);
    }

    @Test
    void onlyAnAuthorityTheServiceCoversHasTeams() {
        refusedFor(fixture.givenNoPriorActivity().when(AddTeam.of("ELSEWHERE", "A team", "New")),
                PeopleRule.LOCAL_AUTHORITY_KNOWN);
    }
}
