package org.oversight.command.people;

import static org.oversight.command.people.FakeAccounts.NORTH;
import static org.oversight.command.people.FakeAccounts.NORTH_IRO;
import static org.oversight.command.people.FakeAccounts.SAFEGUARDING;
import static org.oversight.command.people.FakeAccounts.SOUTH;
import static org.oversight.command.people.FakeAccounts.SOUTH_IRO;
import static org.oversight.command.people.Refusals.refusedFor;

import java.util.List;
import java.util.Set;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.oversight.events.access.Role;
import org.oversight.events.access.Team;
import org.oversight.events.childcase.ChairRole;
import org.oversight.events.people.ExistingPersonRecorded;
import org.oversight.events.people.PersonAdded;
import org.oversight.events.people.PersonAuthoritiesChanged;
import org.oversight.events.people.PersonDisabled;
import org.oversight.events.people.PersonEnabled;
import org.oversight.events.people.PersonRolesChanged;
import org.oversight.events.people.PersonTeamsChanged;

class PersonTest {

    private static final String NOWAK = "iro.nowak";

    private FixtureConfiguration<Person> fixture;
    private FakeAccounts accounts;

    @BeforeEach
    void setUp() {
        accounts = new FakeAccounts();
        fixture = new AggregateTestFixture<>(Person.class);
        fixture.registerInjectableResource(accounts);
    }

    private static AddPerson add(String username, Set<Role> roles, Set<ChairRole> chairRoles,
            Set<String> authorities, Set<Team> teams, String reason) {
        return new AddPerson(username, "Marta Nowak", roles, chairRoles, authorities, teams, reason);
    }

    private static AddPerson anIro(String username) {
        return add(username, Set.of(Role.CHAIR), Set.of(ChairRole.IRO), Set.of(SOUTH), Set.of(SOUTH_IRO),
                "Joined the IRO service");
    }

    private static PersonAdded nowakAdded() {
        return anIroAdded(NOWAK);
    }

    private static PersonAdded anIroAdded(String username) {
        return new PersonAdded(username, "Marta Nowak", List.of(Role.CHAIR), List.of(ChairRole.IRO), List.of(SOUTH),
                List.of(SOUTH_IRO), "Joined the IRO service");
    }

    private static PersonAdded administratorAdded(String username) {
        return new PersonAdded(username, "Fran Ford", List.of(Role.ADMIN), List.of(), List.of(NORTH), List.of(),
                "Runs the accounts");
    }


    @Nested
    class Adding {

        @Test
        void aPersonIsAddedWithTheirRolesAuthoritiesTeamsAndTheReasonGiven() {
            fixture.givenNoPriorActivity()
                    .when(anIro(NOWAK))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(nowakAdded());
        }

        @Test
        void everyAdditionSaysWhy() {
            refusedFor(fixture.givenNoPriorActivity()
                    .when(add(NOWAK, Set.of(Role.CHAIR), Set.of(ChairRole.IRO), Set.of(SOUTH), Set.of(), "  ")),
                    PeopleRule.REASON_GIVEN);
        }

        @Test
        void aUsernameIsLowerCaseLettersAndDigitsInPartsJoinedByADotHyphenOrUnderscore() {
            for (String bad : List.of("Marta.Nowak", "marta nowak", "1nowak", "nowak.", "a..b", "m", "new", "teams",
                    "x".repeat(65), "nowak/../admin")) {
                setUp();
                refusedFor(fixture.givenNoPriorActivity().when(anIro(bad)), PeopleRule.USERNAME_PATTERN);
            }
            for (String good : List.of("marta.nowak", "m-nowak2", "mn_3", "ab")) {
                setUp();
                fixture.givenNoPriorActivity().when(anIro(good)).expectEvents(anIroAdded(good));
            }
        }

        @Test
        void aUsernameAlreadyTakenByAnAccountSetUpBeforeIsRefused() {
            refusedFor(fixture.givenNoPriorActivity().when(anIro("iro.ahmed")), PeopleRule.USERNAME_UNIQUE);
        }

        @Test
        void aPersonHoldsAtLeastOneRole() {
            refusedFor(fixture.givenNoPriorActivity()
                    .when(add(NOWAK, Set.of(), Set.of(), Set.of(SOUTH), Set.of(), "Joined")),
                    PeopleRule.AT_LEAST_ONE_ROLE);
        }

        @Test
        void aChairActsInAChairingRoleAndNobodyElseDoes() {
            refusedFor(fixture.givenNoPriorActivity()
                    .when(add(NOWAK, Set.of(Role.CHAIR), Set.of(), Set.of(SOUTH), Set.of(), "Joined")),
                    PeopleRule.CHAIR_ROLES_FIT_ROLES);
            setUp();
            refusedFor(fixture.givenNoPriorActivity()
                    .when(add(NOWAK, Set.of(Role.QA_LEAD), Set.of(ChairRole.CP_CHAIR), Set.of(SOUTH), Set.of(),
                            "Joined")),
                    PeopleRule.CHAIR_ROLES_FIT_ROLES);
        }

        @Test
        void onlyLocalAuthoritiesTheServiceCoversAreAccepted() {
            refusedFor(fixture.givenNoPriorActivity()
                    .when(add(NOWAK, Set.of(Role.AUDITOR), Set.of(), Set.of("ELSEWHERE"), Set.of(), "Joined")),
                    PeopleRule.LOCAL_AUTHORITY_KNOWN);
        }

        @Test
        void aTeamMustBelongToOneOfThePersonsAuthorities() {
            refusedFor(fixture.givenNoPriorActivity()
                    .when(add(NOWAK, Set.of(Role.CHAIR), Set.of(ChairRole.IRO), Set.of(SOUTH), Set.of(NORTH_IRO),
                            "Joined")),
                    PeopleRule.TEAM_IN_PERSONS_AUTHORITY);
        }

        @Test
        void aTeamMustBeOneTheAuthorityHas() {
            refusedFor(fixture.givenNoPriorActivity()
                    .when(add(NOWAK, Set.of(Role.CHAIR), Set.of(ChairRole.IRO), Set.of(SOUTH),
                            Set.of(new Team(SOUTH, "Nowhere team")), "Joined")),
                    PeopleRule.TEAM_KNOWN);
        }
    }

    @Nested
    class ChangingRoles {

        @Test
        void rolesAreChangedWithTheReasonGiven() {
            fixture.given(nowakAdded())
                    .when(ChangePersonRoles.of(NOWAK, Set.of(Role.CHAIR, Role.TEAM_MANAGER),
                            Set.of(ChairRole.IRO, ChairRole.CP_CHAIR), "Promoted to team manager"))
                    .expectEvents(new PersonRolesChanged(NOWAK, List.of(Role.CHAIR, Role.TEAM_MANAGER),
                            List.of(ChairRole.IRO, ChairRole.CP_CHAIR), "Promoted to team manager"))
                    .expectResultMessagePayload(1L);
        }

        @Test
        void everyChangeOfRolesSaysWhy() {
            refusedFor(fixture.given(nowakAdded())
                    .when(ChangePersonRoles.of(NOWAK, Set.of(Role.QA_LEAD), Set.of(), null)),
                    PeopleRule.REASON_GIVEN);
        }

        @Test
        void takingEveryRoleAwayIsRefused() {
            refusedFor(fixture.given(nowakAdded())
                    .when(ChangePersonRoles.of(NOWAK, Set.of(), Set.of(), "Leaving")), PeopleRule.AT_LEAST_ONE_ROLE);
        }

        @Test
        void theSameRolesAgainChangeNothingAndAreRefused() {
            refusedFor(fixture.given(nowakAdded())
                    .when(ChangePersonRoles.of(NOWAK, Set.of(Role.CHAIR), Set.of(ChairRole.IRO), "Again")),
                    PeopleRule.SOMETHING_CHANGES);
        }

        @Test
        void theLastAdministratorCannotLoseTheAdministratorRole() {
            accounts.withOtherAdministrators(0);
            refusedFor(fixture.given(administratorAdded("admin.ford"))
                    .when(ChangePersonRoles.of("admin.ford", Set.of(Role.QA_LEAD), Set.of(), "Moving to QA")),
                    PeopleRule.LAST_ADMINISTRATOR_STAYS);
        }

        @Test
        void anAdministratorMayGiveUpTheRoleWhileAnotherRemains() {
            accounts.withOtherAdministrators(1);
            fixture.given(administratorAdded("admin.ford"))
                    .when(ChangePersonRoles.of("admin.ford", Set.of(Role.QA_LEAD), Set.of(), "Moving to QA"))
                    .expectEvents(new PersonRolesChanged("admin.ford", List.of(Role.QA_LEAD), List.of(),
                            "Moving to QA"));
        }

        @Test
        void aDisabledAdministratorIsNotTheOneWhoKeepsTheServiceManaged() {
            accounts.withOtherAdministrators(0);
            fixture.given(administratorAdded("admin.ford"), new PersonDisabled("admin.ford", "Left"))
                    .when(ChangePersonRoles.of("admin.ford", Set.of(Role.AUDITOR), Set.of(), "Changed jobs"))
                    .expectEvents(new PersonRolesChanged("admin.ford", List.of(Role.AUDITOR), List.of(),
                            "Changed jobs"));
        }
    }

    @Nested
    class ChangingAuthoritiesAndTeams {

        @Test
        void leavingAnAuthorityLeavesItsTeamsToo() {
            PersonAdded both = new PersonAdded(NOWAK, "Marta Nowak", List.of(Role.CHAIR), List.of(ChairRole.IRO),
                    List.of(NORTH, SOUTH), List.of(NORTH_IRO, SOUTH_IRO), "Covers both");
            fixture.given(both)
                    .when(ChangePersonAuthorities.of(NOWAK, Set.of(SOUTH), "Southvale only from now"))
                    .expectEvents(new PersonAuthoritiesChanged(NOWAK, List.of(SOUTH), List.of(SOUTH_IRO),
                            "Southvale only from now"));
        }

        @Test
        void anUnknownAuthorityIsRefused() {
            refusedFor(fixture.given(nowakAdded())
                    .when(ChangePersonAuthorities.of(NOWAK, Set.of(SOUTH, "ELSEWHERE"), "Covers more")),
                    PeopleRule.LOCAL_AUTHORITY_KNOWN);
        }

        @Test
        void teamsAreChangedWithinThePersonsAuthorities() {
            PersonAdded both = new PersonAdded(NOWAK, "Marta Nowak", List.of(Role.CHAIR), List.of(ChairRole.IRO),
                    List.of(NORTH, SOUTH), List.of(SOUTH_IRO), "Covers both");
            fixture.given(both)
                    .when(ChangePersonTeams.of(NOWAK, Set.of(NORTH_IRO, SAFEGUARDING), "Moved north"))
                    .expectEvents(new PersonTeamsChanged(NOWAK, List.of(NORTH_IRO, SAFEGUARDING), "Moved north"));
        }

        @Test
        void aTeamOfAnAuthorityThePersonDoesNotWorkForIsRefused() {
            refusedFor(fixture.given(nowakAdded())
                    .when(ChangePersonTeams.of(NOWAK, Set.of(NORTH_IRO), "Moved north")),
                    PeopleRule.TEAM_IN_PERSONS_AUTHORITY);
        }

        @Test
        void everyChangeOfTeamsSaysWhy() {
            refusedFor(fixture.given(nowakAdded())
                    .when(ChangePersonTeams.of(NOWAK, Set.of(), "")), PeopleRule.REASON_GIVEN);
        }
    }

    @Nested
    class DisablingAndEnabling {

        @Test
        void aPersonIsDisabledAndEnabledAgainEachWithAReason() {
            fixture.given(nowakAdded())
                    .when(DisablePerson.of(NOWAK, "Left the service"))
                    .expectEvents(new PersonDisabled(NOWAK, "Left the service"));
            fixture.given(nowakAdded(), new PersonDisabled(NOWAK, "Left the service"))
                    .when(EnablePerson.of(NOWAK, "Came back"))
                    .expectEvents(new PersonEnabled(NOWAK, "Came back"));
        }

        @Test
        void disablingSaysWhy() {
            refusedFor(fixture.given(nowakAdded()).when(DisablePerson.of(NOWAK, null)), PeopleRule.REASON_GIVEN);
        }

        @Test
        void disablingSomeoneDisabledChangesNothingAndIsRefused() {
            refusedFor(fixture.given(nowakAdded(), new PersonDisabled(NOWAK, "Left"))
                    .when(DisablePerson.of(NOWAK, "Left again")), PeopleRule.SOMETHING_CHANGES);
        }

        @Test
        void theLastAdministratorCannotBeDisabled() {
            accounts.withOtherAdministrators(0);
            refusedFor(fixture.given(administratorAdded("admin.ford"))
                    .when(DisablePerson.of("admin.ford", "Leaving")), PeopleRule.LAST_ADMINISTRATOR_STAYS);
        }
    }

    @Nested
    class PeopleSetUpBefore {

        @Test
        void theFirstChangeRecordsTheAccountAsItStoodAndThenTheChange() {
            fixture.givenNoPriorActivity()
                    .when(ChangePersonTeams.of("iro.ahmed", Set.of(NORTH_IRO, SAFEGUARDING), "Covers safeguarding"))
                    .expectEvents(
                            new ExistingPersonRecorded("iro.ahmed", "Aisha Ahmed", List.of(Role.CHAIR),
                                    List.of(ChairRole.IRO), List.of(NORTH), List.of(NORTH_IRO), true),
                            new PersonTeamsChanged("iro.ahmed", List.of(NORTH_IRO, SAFEGUARDING),
                                    "Covers safeguarding"))
                    .expectResultMessagePayload(1L);
        }

        @Test
        void aChangeToSomeoneWhoHasNoAccountAtAllFindsNobody() {
            fixture.givenNoPriorActivity()
                    .when(DisablePerson.of("nobody.here", "Left"))
                    .expectException(AggregateNotFoundException.class)
                    .expectNoEvents();
        }

        @Test
        void aRefusedFirstChangeRecordsNothingAtAll() {
            refusedFor(fixture.givenNoPriorActivity()
                    .when(ChangePersonRoles.of("iro.ahmed", Set.of(Role.CHAIR), Set.of(ChairRole.IRO), "Again")),
                    PeopleRule.SOMETHING_CHANGES);
        }
    }
}
