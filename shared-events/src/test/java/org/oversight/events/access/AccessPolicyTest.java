package org.oversight.events.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;

class AccessPolicyTest {

    private static final Team NORTH_A = new Team("NORTH", "Team A");
    private static final Team SOUTH_A = new Team("SOUTH", "Team A");

    private static final ChildFacts CHILD = new ChildFacts("c-1", "NORTH", Set.of("chair.one"), Set.of(NORTH_A),
            false, Set.of());

    private static Person person(String username, Role role, String authority, Team... teams) {
        return new Person(username, Set.of(role), Set.of(authority), Set.of(teams));
    }

    @Test
    void aChairRecordsForTheChildrenAllocatedToThem() {
        assertThat(AccessPolicy.decide(person("chair.one", Role.CHAIR, "NORTH", NORTH_A), Operation.RECORD_FOR_CHILD,
                CHILD)).isEqualTo(Decision.ALLOW);
    }

    @Test
    void aTeamMateMayCoverOnlyWithAStatedReason() {
        assertThat(AccessPolicy.decide(person("chair.two", Role.CHAIR, "NORTH", NORTH_A), Operation.RECORD_FOR_CHILD,
                CHILD)).isEqualTo(Decision.ALLOW_WITH_REASON);
    }

    @Test
    void aChairOutsideTheTeamMayReadWithAReasonButNeverRecord() {
        Person elsewhere = person("chair.three", Role.CHAIR, "NORTH", new Team("NORTH", "Team B"));
        assertThat(AccessPolicy.decide(elsewhere, Operation.READ_CHILD, CHILD)).isEqualTo(Decision.ALLOW_WITH_REASON);
        assertThat(AccessPolicy.decide(elsewhere, Operation.RECORD_FOR_CHILD, CHILD)).isEqualTo(Decision.FORBIDDEN);
    }

    @Test
    void aTeamOfTheSameNameInAnotherAuthorityIsNotTheSameTeam() {
        Person south = new Person("chair.south", Set.of(Role.CHAIR), Set.of("NORTH", "SOUTH"), Set.of(SOUTH_A));
        assertThat(Relationship.of(south, CHILD)).isEqualTo(Relationship.SAME_AUTHORITY);
    }

    @Test
    void nothingOfAnotherAuthorityIsShownEvenToAnAuditorOrQaLead() {
        for (Role role : Role.values()) {
            Person other = person("someone", role, "SOUTH");
            for (Operation operation : Operation.values()) {
                if (operation.aboutAChild()) {
                    assertThat(AccessPolicy.decide(other, operation, CHILD)).as(role + " " + operation)
                            .isIn(Decision.NOT_FOUND, Decision.FORBIDDEN);
                }
            }
        }
    }

    @Test
    void aRestrictedRecordIsInvisibleToAllButThePeopleNamedOnIt() {
        ChildFacts restricted = new ChildFacts("c-1", "NORTH", Set.of("chair.one"), Set.of(NORTH_A), true,
                Set.of("chair.one"));
        assertThat(AccessPolicy.decide(person("chair.two", Role.CHAIR, "NORTH", NORTH_A), Operation.READ_CHILD,
                restricted)).isEqualTo(Decision.NOT_FOUND);
        assertThat(AccessPolicy.decide(person("qa", Role.QA_LEAD, "NORTH"), Operation.READ_CHILD, restricted))
                .isEqualTo(Decision.NOT_FOUND);
        assertThat(AccessPolicy.decide(person("chair.one", Role.CHAIR, "NORTH", NORTH_A), Operation.READ_CHILD,
                restricted)).isEqualTo(Decision.ALLOW);
    }

    /** Holding a record concerns how long it is kept, not what it says: the one thing they do about a child. */
    @Test
    void administratorsDataOfficersAndRegionalViewersNeverSeeAChildBeyondASubjectAccessRequest() {
        Set<Operation> subjectAccess = Set.of(Operation.RECORD_SUBJECT_ACCESS, Operation.READ_SUBJECT_ACCESS);
        for (Role role : Set.of(Role.ADMIN, Role.DATA_OFFICER, Role.REGIONAL_VIEWER)) {
            Person person = person("p", role, "NORTH", NORTH_A);
            for (Operation operation : Operation.values()) {
                // destroying a record at the end of its retention is the data officer's, never a reading of it
                boolean destroys = operation == Operation.DESTROY_RECORD && role != Role.REGIONAL_VIEWER;
                if (operation.aboutAChild() && !destroys && operation != Operation.HOLD_RECORD
                        && !(subjectAccess.contains(operation) && role != Role.REGIONAL_VIEWER)) {
                    assertThat(AccessPolicy.decide(person, operation)).as(role + " " + operation)
                            .isEqualTo(Decision.FORBIDDEN);
                }
            }
            assertThat(AccessPolicy.decide(person, Operation.SEARCH_CHILDREN)).isEqualTo(Decision.FORBIDDEN);
        }
    }

    @Test
    void onlyTheAuthoritysDataOfficerOrAnAdministratorDestroysARecord() {
        ChildFacts child = new ChildFacts("c-1", "NORTH", Set.of("chair.one"), Set.of(NORTH_A), false, Set.of());
        assertThat(AccessPolicy.decide(person("d", Role.DATA_OFFICER, "NORTH"), Operation.DESTROY_RECORD, child))
                .isEqualTo(Decision.ALLOW);
        assertThat(AccessPolicy.decide(person("a", Role.ADMIN, "NORTH"), Operation.DESTROY_RECORD, child))
                .isEqualTo(Decision.ALLOW);
        assertThat(AccessPolicy.decide(person("d", Role.DATA_OFFICER, "SOUTH"), Operation.DESTROY_RECORD, child))
                .isEqualTo(Decision.NOT_FOUND);
        for (Role role : Set.of(Role.CHAIR, Role.TEAM_MANAGER, Role.QA_LEAD, Role.AUDITOR, Role.REGIONAL_VIEWER)) {
            assertThat(AccessPolicy.decide(person("chair.one", role, "NORTH", NORTH_A), Operation.DESTROY_RECORD,
                    child)).as(role.name()).isEqualTo(Decision.FORBIDDEN);
        }
    }

    @Test
    void dataOfficersAndAdministratorsHoldOnlyTheRecordsOfTheirOwnAuthority() {
        for (Role role : Set.of(Role.ADMIN, Role.DATA_OFFICER)) {
            assertThat(AccessPolicy.decide(person("p", role, "NORTH"), Operation.HOLD_RECORD, CHILD)).as(role.name())
                    .isEqualTo(Decision.ALLOW);
            assertThat(AccessPolicy.decide(person("p", role, "SOUTH"), Operation.HOLD_RECORD, CHILD)).as(role.name())
                    .isEqualTo(Decision.NOT_FOUND);
        }
        for (Role role : Set.of(Role.CHAIR, Role.TEAM_MANAGER, Role.QA_LEAD, Role.AUDITOR, Role.REGIONAL_VIEWER)) {
            assertThat(AccessPolicy.decide(person("p", role, "NORTH", NORTH_A), Operation.HOLD_RECORD, CHILD))
                    .as(role.name()).isEqualTo(Decision.FORBIDDEN);
        }
    }

    @Test
    void auditorsReadAndNeverWrite() {
        Person auditor = person("a", Role.AUDITOR, "NORTH");
        assertThat(AccessPolicy.decide(auditor, Operation.READ_CHILD, CHILD)).isEqualTo(Decision.ALLOW_WITH_REASON);
        for (Operation write : Set.of(Operation.RECORD_FOR_CHILD, Operation.ALLOCATE_CHAIR, Operation.REGISTER_CHILD,
                Operation.CHANGE_SETTINGS, Operation.RESTRICT_RECORD, Operation.MANAGE_PEOPLE)) {
            assertThat(AccessPolicy.decide(auditor, write)).as(write.name()).isEqualTo(Decision.FORBIDDEN);
        }
    }

    @Test
    void aSubjectAccessRequestIsAnsweredByTheChildsAuthoritysDataOfficersAndReadByItsAuditorsWithAReason() {
        ChildFacts allocated = CHILD;
        Person data = person("d", Role.DATA_OFFICER, "NORTH");
        Person admin = person("a", Role.ADMIN, "NORTH");
        assertThat(AccessPolicy.decide(data, Operation.RECORD_SUBJECT_ACCESS, allocated)).isEqualTo(Decision.ALLOW);
        assertThat(AccessPolicy.decide(admin, Operation.RECORD_SUBJECT_ACCESS, allocated)).isEqualTo(Decision.ALLOW);
        assertThat(AccessPolicy.decide(person("d2", Role.DATA_OFFICER, "SOUTH"), Operation.RECORD_SUBJECT_ACCESS,
                allocated)).isEqualTo(Decision.NOT_FOUND);
        Person auditor = person("au", Role.AUDITOR, "NORTH");
        assertThat(AccessPolicy.decide(auditor, Operation.READ_SUBJECT_ACCESS, allocated))
                .isEqualTo(Decision.ALLOW_WITH_REASON);
        assertThat(AccessPolicy.decide(auditor, Operation.RECORD_SUBJECT_ACCESS)).isEqualTo(Decision.FORBIDDEN);
        Person chair = person("chair.one", Role.CHAIR, "NORTH", NORTH_A);
        assertThat(AccessPolicy.decide(chair, Operation.RECORD_SUBJECT_ACCESS)).isEqualTo(Decision.FORBIDDEN);
        assertThat(AccessPolicy.decide(chair, Operation.READ_SUBJECT_ACCESS)).isEqualTo(Decision.FORBIDDEN);
    }

    @Test
    void aPersonWithSeveralRolesGetsTheMostPermissiveOfThem() {
        Person both = new Person("p", Set.of(Role.CHAIR, Role.TEAM_MANAGER), Set.of("NORTH"), Set.of());
        ChildFacts unallocatedElsewhere = new ChildFacts("c-2", "NORTH", Set.of("x"), Set.of(), false, Set.of());
        assertThat(AccessPolicy.decide(both, Operation.ALLOCATE_CHAIR, unallocatedElsewhere)).isEqualTo(Decision.ALLOW);
    }

    @Test
    void aChairMayTakeAChildOfTheirAuthorityWhoHasNoChairYet() {
        ChildFacts unallocated = new ChildFacts("c-3", "NORTH", Set.of(), Set.of(), false, Set.of());
        Person chair = person("chair.four", Role.CHAIR, "NORTH", NORTH_A);
        assertThat(Relationship.of(chair, unallocated)).isEqualTo(Relationship.UNALLOCATED);
        assertThat(AccessPolicy.decide(chair, Operation.ALLOCATE_CHAIR, unallocated)).isEqualTo(Decision.ALLOW);
        assertThat(AccessPolicy.decide(chair, Operation.READ_CHILD, unallocated)).isEqualTo(Decision.ALLOW);
        assertThat(AccessPolicy.decide(chair, Operation.RECORD_FOR_CHILD, unallocated)).isEqualTo(Decision.FORBIDDEN);
    }

    @Test
    void onlyADataOfficerSearchesForTheChildOfASubjectAccessRequestAndFindsNoRestrictedRecordTheyAreNotNamedOn() {
        for (Role role : Role.values()) {
            assertThat(AccessPolicy.decide(person("p", role, "NORTH"), Operation.SEARCH_SUBJECT_ACCESS))
                    .as(role.name()).isEqualTo(role == Role.DATA_OFFICER ? Decision.ALLOW : Decision.FORBIDDEN);
        }
        ChildFacts restricted = new ChildFacts("c-1", "NORTH", Set.of("chair.one"), Set.of(NORTH_A), true,
                Set.of("chair.one"));
        assertThat(AccessPolicy.decide(person("d", Role.DATA_OFFICER, "NORTH"), Operation.READ_SUBJECT_ACCESS,
                restricted)).isEqualTo(Decision.NOT_FOUND);
    }

    @Test
    void theChildsCharacteristicsAreReadByThoseWhoWorkWithTheChildAndNeverByAuditorsOrRegionalViewers() {
        assertThat(AccessPolicy.decide(person("chair.one", Role.CHAIR, "NORTH", NORTH_A),
                Operation.READ_CHARACTERISTICS, CHILD)).isEqualTo(Decision.ALLOW);
        assertThat(AccessPolicy.decide(person("m", Role.TEAM_MANAGER, "NORTH", NORTH_A),
                Operation.READ_CHARACTERISTICS, CHILD)).isEqualTo(Decision.ALLOW);
        assertThat(AccessPolicy.decide(person("qa", Role.QA_LEAD, "NORTH"), Operation.READ_CHARACTERISTICS, CHILD))
                .isEqualTo(Decision.ALLOW_WITH_REASON);
        for (Role role : Set.of(Role.AUDITOR, Role.REGIONAL_VIEWER, Role.ADMIN, Role.DATA_OFFICER)) {
            assertThat(AccessPolicy.decide(person("p", role, "NORTH", NORTH_A), Operation.READ_CHARACTERISTICS, CHILD))
                    .as(role.name()).isEqualTo(Decision.FORBIDDEN);
        }
    }

    @Test
    void statutoryReturnsAreProducedByQaLeadsAndAdministratorsOnly() {
        for (Role role : Role.values()) {
            boolean may = role == Role.QA_LEAD || role == Role.ADMIN;
            assertThat(AccessPolicy.decide(person("p", role, "NORTH"), Operation.EXPORT_RETURNS)).as(role.name())
                    .isEqualTo(may ? Decision.ALLOW : Decision.FORBIDDEN);
        }
    }
}
