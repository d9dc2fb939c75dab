package org.oversight.command.childcase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.oversight.command.childcase.DemoDirectory.DUAL;
import static org.oversight.command.childcase.DemoDirectory.IRO;
import static org.oversight.command.childcase.DemoDirectory.LA;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.hamcrest.FeatureMatcher;
import org.hamcrest.Matcher;
import org.hamcrest.Matchers;
import org.oversight.command.rules.RuleViolation;
import org.oversight.events.RecordedBy;
import org.oversight.events.childcase.BirthRecorded;
import org.oversight.events.childcase.ChairAllocated;
import org.oversight.events.childcase.ChairRole;
import org.oversight.events.childcase.ChildRecordRestricted;
import org.oversight.events.childcase.ChildRecordRestrictionLifted;
import org.oversight.events.childcase.ChildRegistered;

class ChildCaseTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 3, 3);
    private static final String CHILD = "5d0b5c1e-7a3f-4c52-9e0d-2b8f4a6c1d37";

    private FixtureConfiguration<ChildCase> fixture;
    private HeldIdentifiers identifiers;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(ChildCase.class);
        fixture.registerInjectableResource(Clock.fixed(TODAY.atStartOfDay(ZoneId.of("Europe/London")).toInstant(),
                ZoneId.of("Europe/London")));
        fixture.registerInjectableResource(new DemoDirectory());
        identifiers = new HeldIdentifiers();
        fixture.registerInjectableResource(identifiers);
    }

    private static ChildRegistered registered() {
        return new ChildRegistered(CHILD, LA, "A123", "Sam", "Jones", LocalDate.of(2019, 5, 1), null, TODAY);
    }

    private static RegisterChild register(LocalDate dateOfBirth, LocalDate expected) {
        return RegisterChild.of(LA, "A123", "Sam", "Jones", dateOfBirth, expected).withChildId(CHILD);
    }

    @Nested
    class Registering {

        @Test
        void aBornChildIsRegisteredWithTheirDateOfBirthEffectiveToday() {
            fixture.givenNoPriorActivity()
                    .when(register(LocalDate.of(2019, 5, 1), null))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(registered());
        }

        @Test
        void anUnbornChildIsRegisteredWithTheExpectedDateOfDelivery() {
            LocalDate expected = TODAY.plusWeeks(10);
            fixture.givenNoPriorActivity()
                    .when(register(null, expected))
                    .expectEvents(new ChildRegistered(CHILD, LA, "A123", "Sam", "Jones", null, expected, TODAY));
        }

        @Test
        void aDateOfBirthTomorrowIsRefused() {
            fixture.givenNoPriorActivity()
                    .when(register(TODAY.plusDays(1), null))
                    .expectException(RuleViolation.class)
                    .expectExceptionMessage(org.hamcrest.Matchers.containsString("must be today or in the past"))
                    .expectNoEvents();
        }

        @Test
        void aChildBornTodayMayBeRegistered() {
            fixture.givenNoPriorActivity()
                    .when(register(TODAY, null))
                    .expectEvents(new ChildRegistered(CHILD, LA, "A123", "Sam", "Jones", TODAY, null, TODAY));
        }

        @Test
        void neitherDateOfBirthNorExpectedDeliveryIsRefused() {
            fixture.givenNoPriorActivity()
                    .when(register(null, null))
                    .expectException(RuleViolation.class)
                    .expectNoEvents();
        }

        @Test
        void bothDateOfBirthAndExpectedDeliveryIsRefused() {
            fixture.givenNoPriorActivity()
                    .when(register(LocalDate.of(2019, 5, 1), TODAY.plusWeeks(4)))
                    .expectException(RuleViolation.class)
                    .expectExceptionMessage(org.hamcrest.Matchers.containsString("not both"));
        }

        @Test
        void someoneWhoTurnedEighteenTodayIsNoLongerAChild() {
            fixture.givenNoPriorActivity()
                    .when(register(TODAY.minusYears(18), null))
                    .expectException(RuleViolation.class)
                    .expectExceptionMessage(org.hamcrest.Matchers.containsString("18 or over"));
        }

        @Test
        void aChildTurningEighteenTomorrowMayStillBeRegistered() {
            fixture.givenNoPriorActivity()
                    .when(register(TODAY.minusYears(18).plusDays(1), null))
                    .expectEvents(new ChildRegistered(CHILD, LA, "A123", "Sam", "Jones",
                            TODAY.minusYears(18).plusDays(1), null, TODAY));
        }

        @Test
        void anExpectedDeliveryMoreThan42WeeksAwayIsRefusedButExactly42WeeksIsAccepted() {
            fixture.givenNoPriorActivity()
                    .when(register(null, TODAY.plusWeeks(42).plusDays(1)))
                    .expectException(RuleViolation.class);
            setUp();
            fixture.givenNoPriorActivity()
                    .when(register(null, TODAY.plusWeeks(42)))
                    .expectEvents(new ChildRegistered(CHILD, LA, "A123", "Sam", "Jones", null, TODAY.plusWeeks(42),
                            TODAY));
        }

        @Test
        void anUnknownLocalAuthorityIsRefused() {
            fixture.givenNoPriorActivity()
                    .when(RegisterChild.of("LA9", "A123", "Sam", "Jones", LocalDate.of(2019, 5, 1), null))
                    .expectException(RuleViolation.class)
                    .expectNoEvents();
        }

        @Test
        void theCaseClaimsTheAuthoritysIdentifierForTheChild() {
            fixture.givenNoPriorActivity()
                    .when(register(LocalDate.of(2019, 5, 1), null))
                    .expectEvents(registered());
            assertThat(identifiers.holder(LA, "a123")).isEqualTo(CHILD);
        }

        @Test
        void aChildWhoseIdentifierAnotherCaseHoldsIsRefusedAsRegisteredOnce() {
            identifiers.claim(LA, " a123 ", "0c7e7f4e-1a2b-4c3d-8e9f-a0b1c2d3e4f5");
            fixture.givenNoPriorActivity()
                    .when(register(LocalDate.of(2019, 5, 1), null))
                    .expectException(AggregateStreamCreationException.class)
                    .expectNoEvents();
        }

        @Test
        void aRegistrationRefusedByARuleClaimsNothing() {
            fixture.givenNoPriorActivity()
                    .when(RegisterChild.of("LA9", "A123", "Sam", "Jones", LocalDate.of(2019, 5, 1), null))
                    .expectException(RuleViolation.class);
            assertThat(identifiers.holder("LA9", "A123")).isNull();
        }

        @Test
        void everyNewCaseGetsARandomIdThatNothingAboutTheChildGivesAway() {
            RegisterChild first = RegisterChild.of(LA, "A123", "Sam", "Jones", LocalDate.of(2019, 5, 1), null);
            RegisterChild again = RegisterChild.of(LA, "A123", "Sam", "Jones", LocalDate.of(2019, 5, 1), null);
            assertThat(first.childId()).isNotEqualTo(again.childId())
                    .isNotEqualTo(ChildIds.legacyId(LA, "A123"));
            assertThat(UUID.fromString(first.childId()).version()).isEqualTo(4);
            assertThat(UUID.fromString(ChildIds.drawnFrom(new Random(7))).version()).isEqualTo(4);
            assertThat(ChildIds.drawnFrom(new Random(7))).isEqualTo(ChildIds.drawnFrom(new Random(7)));
        }

        @Test
        void aCaseRegisteredBeforeIdsBecameRandomIsStillFoundByItsDerivedIdWhateverTheCaseOrSpacing() {
            assertThat(ChildIds.legacyId("la1", " a123 "))
                    .isEqualTo(ChildIds.legacyId(LA, "A123"))
                    .isEqualTo(UUID.nameUUIDFromBytes("oversight-child|LA1|A123"
                            .getBytes(StandardCharsets.UTF_8)).toString())
                    .isNotEqualTo(ChildIds.legacyId(LA, "A124"))
                    .isNotEqualTo(ChildIds.legacyId("LA2", "A123"));
        }
    }

    @Nested
    class AllocatingChairs {

        @Test
        void aFirstAllocationNamesNoPreviousChair() {
            fixture.given(registered())
                    .when(new AllocateChair(CHILD, ChairRole.IRO, IRO.username(), TODAY))
                    .expectEvents(new ChairAllocated(CHILD, ChairRole.IRO, IRO.username(), IRO.displayName(), TODAY, null))
                    .expectResultMessagePayload(1L);
        }

        @Test
        void aReallocationNamesTheChairItReplaces() {
            fixture.given(registered(),
                            new ChairAllocated(CHILD, ChairRole.IRO, IRO.username(), IRO.displayName(), TODAY.minusDays(30), null))
                    .when(new AllocateChair(CHILD, ChairRole.IRO, DUAL.username(), TODAY))
                    .expectEvents(new ChairAllocated(CHILD, ChairRole.IRO, DUAL.username(), DUAL.displayName(), TODAY,
                            IRO.username()))
                    .expectResultMessagePayload(2L);
        }

        @Test
        void theIroAndTheChildProtectionChairAreSeparateAllocations() {
            fixture.given(registered(),
                            new ChairAllocated(CHILD, ChairRole.IRO, DUAL.username(), DUAL.displayName(), TODAY, null))
                    .when(new AllocateChair(CHILD, ChairRole.CP_CHAIR, DUAL.username(), TODAY))
                    .expectEvents(new ChairAllocated(CHILD, ChairRole.CP_CHAIR, DUAL.username(), DUAL.displayName(),
                            TODAY, null));
        }

        @Test
        void aChairWhoCannotActInTheRoleIsRefused() {
            fixture.given(registered())
                    .when(new AllocateChair(CHILD, ChairRole.CP_CHAIR, IRO.username(), TODAY))
                    .expectException(RuleViolation.class)
                    .expectExceptionMessage(org.hamcrest.Matchers.containsString("cannot act as a child protection chair"))
                    .expectNoEvents();
        }

        @Test
        void aChairWhoDoesNotWorkForTheChildsAuthorityIsRefused() {
            fixture.given(new ChildRegistered(CHILD, "LA9", "A123", "Sam", "Jones", LocalDate.of(2019, 5, 1), null,
                            TODAY))
                    .when(new AllocateChair(CHILD, ChairRole.IRO, IRO.username(), TODAY))
                    .expectException(RuleViolation.class)
                    .expectExceptionMessage("The selected chair does not work for the child's local authority")
                    .expectNoEvents();
        }

        @Test
        void anUnknownChairIsRefused() {
            fixture.given(registered())
                    .when(new AllocateChair(CHILD, ChairRole.IRO, "nobody", TODAY))
                    .expectException(RuleViolation.class)
                    .expectNoEvents();
        }

        @Test
        void anAllocationStartingTomorrowIsRefused() {
            fixture.given(registered())
                    .when(new AllocateChair(CHILD, ChairRole.IRO, IRO.username(), TODAY.plusDays(1)))
                    .expectException(RuleViolation.class)
                    .expectNoEvents();
        }

        @Test
        void allocatingTheChairAlreadyAllocatedIsRefused() {
            fixture.given(registered(),
                            new ChairAllocated(CHILD, ChairRole.IRO, IRO.username(), IRO.displayName(), TODAY, null))
                    .when(new AllocateChair(CHILD, ChairRole.IRO, IRO.username(), TODAY))
                    .expectException(RuleViolation.class)
                    .expectExceptionMessage(org.hamcrest.Matchers.containsString("already allocated"))
                    .expectNoEvents();
        }

        @Test
        void aReallocationBackdatedBeforeTheCurrentAllocationIsRefusedNamingItsDate() {
            fixture.given(registered(),
                            new ChairAllocated(CHILD, ChairRole.IRO, IRO.username(), IRO.displayName(), TODAY, null))
                    .when(new AllocateChair(CHILD, ChairRole.IRO, DUAL.username(), TODAY.minusDays(1)))
                    .expectException(RuleViolation.class)
                    .expectExceptionMessage(org.hamcrest.Matchers.containsString("started on 3 March 2026"))
                    .expectNoEvents();
        }

        @Test
        void aReallocationOnTheSameDayAsTheCurrentAllocationIsAccepted() {
            fixture.given(registered(),
                            new ChairAllocated(CHILD, ChairRole.IRO, IRO.username(), IRO.displayName(), TODAY, null))
                    .when(new AllocateChair(CHILD, ChairRole.IRO, DUAL.username(), TODAY))
                    .expectEvents(new ChairAllocated(CHILD, ChairRole.IRO, DUAL.username(), DUAL.displayName(), TODAY,
                            IRO.username()));
        }
    }

    @Nested
    class RecordingBirth {

        private final LocalDate expected = TODAY.plusWeeks(2);

        private ChildRegistered registeredUnborn() {
            return new ChildRegistered(CHILD, LA, "A123", "Sam", "Jones", null, expected, TODAY.minusWeeks(20));
        }

        @Test
        void theBirthOfAChildRegisteredBeforeBirthIsRecorded() {
            fixture.given(registeredUnborn())
                    .when(new RecordBirth(CHILD, TODAY))
                    .expectEvents(new BirthRecorded(CHILD, TODAY))
                    .expectResultMessagePayload(1L);
        }

        @Test
        void aBirthInTheFutureIsRefused() {
            fixture.given(registeredUnborn())
                    .when(new RecordBirth(CHILD, TODAY.plusDays(1)))
                    .expectException(RuleViolation.class)
                    .expectExceptionMessage(org.hamcrest.Matchers.containsString("must be today or in the past"))
                    .expectNoEvents();
        }

        @Test
        void aBirthIsRecordedOnlyForAChildRegisteredBeforeBirth() {
            fixture.given(registered())
                    .when(new RecordBirth(CHILD, TODAY))
                    .expectException(RuleViolation.class)
                    .expectExceptionMessage(org.hamcrest.Matchers.containsString("registered with a date of birth"))
                    .expectNoEvents();
        }

        @Test
        void aBirthIsRecordedOnce() {
            fixture.given(registeredUnborn(), new BirthRecorded(CHILD, TODAY.minusDays(2)))
                    .when(new RecordBirth(CHILD, TODAY))
                    .expectException(RuleViolation.class)
                    .expectExceptionMessage(org.hamcrest.Matchers.containsString("already recorded, on 1 March 2026"))
                    .expectNoEvents();
        }
    }

    @Nested
    class RestrictingTheRecord {

        private static final String WHY = "The child of a member of staff";
        private static final Map<String, String> BY_THE_MANAGER = Map.of(RecordedBy.USERNAME, DemoDirectory.MANAGER);

        @Test
        void aManagerRestrictsTheRecordToThePeopleTheyNameThemselvesAmongThem() {
            fixture.given(registered())
                    .when(new RestrictRecord(CHILD, List.of(DemoDirectory.MANAGER, " qa.evans "), WHY), BY_THE_MANAGER)
                    .expectEvents(new ChildRecordRestricted(CHILD, List.of(DemoDirectory.MANAGER, DemoDirectory.QA), WHY))
                    .expectResultMessagePayload(1L);
        }

        @Test
        void nobodyRestrictsARecordAwayFromThemselves() {
            fixture.given(registered())
                    .when(new RestrictRecord(CHILD, List.of(DemoDirectory.QA), WHY), BY_THE_MANAGER)
                    .expectException(violates(ChildCaseRule.RESTRICTION_NAMES_ITS_RESTRICTER))
                    .expectNoEvents();
        }

        @Test
        void everyoneNamedMustWorkForTheChildsLocalAuthority() {
            fixture.given(registered())
                    .when(new RestrictRecord(CHILD, List.of(DemoDirectory.MANAGER, DemoDirectory.ELSEWHERE), WHY),
                            BY_THE_MANAGER)
                    .expectException(violates(ChildCaseRule.NAMED_PEOPLE_WORK_FOR_THE_AUTHORITY))
                    .expectNoEvents();
        }

        @Test
        void restrictingARestrictedRecordNamesWhoMaySeeItAfresh() {
            fixture.given(registered(), new ChildRecordRestricted(CHILD, List.of(DemoDirectory.MANAGER), WHY))
                    .when(new RestrictRecord(CHILD, List.of(DemoDirectory.MANAGER, IRO.username()), "The IRO needs it"),
                            BY_THE_MANAGER)
                    .expectEvents(new ChildRecordRestricted(CHILD, List.of(DemoDirectory.MANAGER, IRO.username()),
                            "The IRO needs it"));
        }

        @Test
        void namingExactlyThePeopleAlreadyNamedRecordsNothing() {
            fixture.given(registered(), new ChildRecordRestricted(CHILD, List.of(DemoDirectory.MANAGER,
                            DemoDirectory.QA), WHY))
                    .when(new RestrictRecord(CHILD, List.of(DemoDirectory.QA, DemoDirectory.MANAGER), WHY),
                            BY_THE_MANAGER)
                    .expectException(violates(ChildCaseRule.RESTRICTION_CHANGES_WHO_IS_NAMED))
                    .expectNoEvents();
        }

        @Test
        void aRestrictionIsLiftedWithItsReason() {
            fixture.given(registered(), new ChildRecordRestricted(CHILD, List.of(DemoDirectory.MANAGER), WHY))
                    .when(new LiftRestriction(CHILD, " No longer needed "), BY_THE_MANAGER)
                    .expectEvents(new ChildRecordRestrictionLifted(CHILD, "No longer needed"))
                    .expectResultMessagePayload(2L);
        }

        @Test
        void onlyARestrictedRecordCanHaveItsRestrictionLifted() {
            fixture.given(registered(), new ChildRecordRestricted(CHILD, List.of(DemoDirectory.MANAGER), WHY),
                            new ChildRecordRestrictionLifted(CHILD, "No longer needed"))
                    .when(new LiftRestriction(CHILD, "Again"), BY_THE_MANAGER)
                    .expectException(violates(ChildCaseRule.LIFT_ONLY_A_RESTRICTION))
                    .expectNoEvents();
        }

        @Test
        void aLiftedRecordCanBeRestrictedAgainToTheSamePeople() {
            fixture.given(registered(), new ChildRecordRestricted(CHILD, List.of(DemoDirectory.MANAGER), WHY),
                            new ChildRecordRestrictionLifted(CHILD, "No longer needed"))
                    .when(new RestrictRecord(CHILD, List.of(DemoDirectory.MANAGER), WHY), BY_THE_MANAGER)
                    .expectEvents(new ChildRecordRestricted(CHILD, List.of(DemoDirectory.MANAGER), WHY));
        }

        private static Matcher<RuleViolation> violates(ChildCaseRule rule) {
            return new FeatureMatcher<>(Matchers.equalTo(rule.code()), "a refusal under rule", "rule") {
                @Override
                protected String featureValueOf(RuleViolation actual) {
                    return actual.rule();
                }
            };
        }
    }
}
