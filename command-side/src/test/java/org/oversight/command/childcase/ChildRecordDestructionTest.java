package org.oversight.command.childcase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.oversight.command.childcase.DemoDirectory.LA;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.hamcrest.FeatureMatcher;
import org.hamcrest.Matcher;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.oversight.command.rules.RuleViolation;
import org.oversight.events.RecordedBy;
import org.oversight.events.childcase.ChairAllocated;
import org.oversight.events.childcase.ChairRole;
import org.oversight.events.childcase.ChildRecordDestroyed;
import org.oversight.events.childcase.ChildRegistered;
import org.oversight.events.privacy.PersonalFields;
import org.oversight.events.retention.HoldReason;
import org.oversight.events.retention.LegalHoldLifted;
import org.oversight.events.retention.LegalHoldPlaced;

/** Destroying a child's record: once, by the person stamped on the command, after the keys are shredded. */
class ChildRecordDestructionTest {

    private static final ZoneId LONDON = ZoneId.of("Europe/London");
    private static final ZonedDateTime NOW = ZonedDateTime.of(2026, 3, 3, 10, 15, 0, 0, LONDON);
    private static final String CHILD = "5d0b5c1e-7a3f-4c52-9e0d-2b8f4a6c1d37";
    private static final String OFFICER = "data.iqbal";
    private static final Map<String, String> BY_THE_OFFICER = Map.of(RecordedBy.USERNAME, OFFICER);

    private FixtureConfiguration<ChildCase> fixture;
    private final Shredder shredder = new Shredder();
    private final Schedule schedule = new Schedule();

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(ChildCase.class);
        fixture.registerInjectableResource(Clock.fixed(NOW.toInstant(), LONDON));
        fixture.registerInjectableResource(new DemoDirectory());
        fixture.registerInjectableResource(new HeldIdentifiers());
        fixture.registerInjectableResource(shredder);
        fixture.registerInjectableResource(schedule);
    }

    private static ChildRegistered registered() {
        return new ChildRegistered(CHILD, LA, "A123", "Sam", "Jones", LocalDate.of(2019, 5, 1), null,
                LocalDate.of(2025, 1, 6));
    }

    private static ChildRecordDestroyed destroyed() {
        return new ChildRecordDestroyed(CHILD, LA, "LOOKED_AFTER", OFFICER, NOW.toInstant(), 7);
    }

    @Test
    void theRecordIsDestroyedUnderTheRuleGivenByThePersonStampedOnTheCommandAfterItsKeysAreShredded() {
        fixture.given(registered())
                .when(new DestroyChildRecord(CHILD, " LOOKED_AFTER "), BY_THE_OFFICER)
                .expectSuccessfulHandlerExecution()
                .expectEvents(destroyed());
        assertThat(shredder.shredded).containsExactly(CHILD);
    }

    @Test
    void aRecordIsDestroyedOnceAndItsKeysAreNotShreddedAgain() {
        fixture.given(registered(), destroyed())
                .when(new DestroyChildRecord(CHILD, "LOOKED_AFTER"), BY_THE_OFFICER)
                .expectException(RuleViolation.class)
                .expectException(rule("record-destroyed-once"))
                .expectNoEvents();
        assertThat(shredder.shredded).isEmpty();
    }

    @Test
    void aRecordIsNotDestroyedBeforeTheScheduleSaysItMayBeNorWhileItIsKeptWhateverTheDate() {
        schedule.standing = new RecordsDue.Standing("LOOKED_AFTER", Optional.of(NOW.toLocalDate().plusDays(1)));
        fixture.given(registered())
                .when(new DestroyChildRecord(CHILD, "LOOKED_AFTER"), BY_THE_OFFICER)
                .expectException(rule("record-not-destroyed-before-it-is-due"))
                .expectNoEvents();
        schedule.standing = new RecordsDue.Standing("CHILD_PROTECTION_PLAN", Optional.empty());
        fixture.given(registered())
                .when(new DestroyChildRecord(CHILD, "CHILD_PROTECTION_PLAN"), BY_THE_OFFICER)
                .expectException(rule("record-not-destroyed-before-it-is-due"))
                .expectNoEvents();
        schedule.standing = null;
        fixture.given(registered())
                .when(new DestroyChildRecord(CHILD, "LOOKED_AFTER"), BY_THE_OFFICER)
                .expectException(rule("record-not-destroyed-before-it-is-due"))
                .expectNoEvents();
        assertThat(shredder.shredded).isEmpty();
    }

    @Test
    void aRecordDueTodayIsDestroyedButOnlyUnderTheRuleOfItsOwnType() {
        schedule.standing = new RecordsDue.Standing("LOOKED_AFTER", Optional.of(NOW.toLocalDate()));
        fixture.given(registered())
                .when(new DestroyChildRecord(CHILD, "CHILD_PROTECTION_ENQUIRY"), BY_THE_OFFICER)
                .expectException(rule("record-destroyed-under-its-own-rule"))
                .expectNoEvents();
        assertThat(shredder.shredded).isEmpty();
        fixture.given(registered())
                .when(new DestroyChildRecord(CHILD, "LOOKED_AFTER"), BY_THE_OFFICER)
                .expectEvents(destroyed());
        assertThat(shredder.shredded).containsExactly(CHILD);
    }

    @Test
    void aRecordUnderALegalHoldIsKeptUntilEveryHoldIsLifted() {
        LegalHoldPlaced inquiry = new LegalHoldPlaced(CHILD, HoldReason.INQUIRY, "Public inquiry");
        LegalHoldPlaced complaint = new LegalHoldPlaced(CHILD, HoldReason.COMPLAINT, "Open complaint");
        fixture.given(registered(), inquiry, complaint,
                        new LegalHoldLifted(CHILD, HoldReason.INQUIRY, "Inquiry closed"))
                .when(new DestroyChildRecord(CHILD, "LOOKED_AFTER"), BY_THE_OFFICER)
                .expectException(rule("record-not-destroyed-under-legal-hold"))
                .expectNoEvents();
        assertThat(shredder.shredded).isEmpty();
    }

    @Test
    void aRecordWhoseHoldsAreAllLiftedIsDestroyed() {
        fixture.given(registered(), new LegalHoldPlaced(CHILD, HoldReason.LITIGATION, "Claim"),
                        new LegalHoldLifted(CHILD, HoldReason.LITIGATION, "Claim settled"))
                .when(new DestroyChildRecord(CHILD, " LOOKED_AFTER "), BY_THE_OFFICER)
                .expectEvents(destroyed());
        assertThat(shredder.shredded).containsExactly(CHILD);
    }

    @Test
    void aRecordWithContentStoredInPlainIsNotDestroyedByShreddingItsKey() {
        shredder.plain = 2;
        fixture.given(registered())
                .when(new DestroyChildRecord(CHILD, "LOOKED_AFTER"), BY_THE_OFFICER)
                .expectException(rule("record-not-destroyed-while-stored-in-plain"))
                .expectNoEvents();
        assertThat(shredder.shredded).isEmpty();
    }

    @Test
    void nothingMoreIsRecordedOnADestroyedRecord() {
        fixture.given(registered(), destroyed())
                .when(new AllocateChair(CHILD, ChairRole.IRO, DemoDirectory.IRO.username(), LocalDate.of(2026, 3, 1)))
                .expectException(rule("nothing-recorded-after-destruction"))
                .expectNoEvents();
    }

    @Test
    void aRecordLoadsFromEventsWhosePersonalContentReadsAsDestroyedAndKnowsItIsDestroyed() {
        ChildRegistered unreadable = new ChildRegistered(CHILD, LA, PersonalFields.DESTROYED,
                PersonalFields.DESTROYED, PersonalFields.DESTROYED, null, null, LocalDate.of(2025, 1, 6));
        fixture.given(unreadable, new ChairAllocated(CHILD, ChairRole.IRO, "iro.ahmed", "Aisha Ahmed",
                        LocalDate.of(2025, 2, 1), null))
                .when(new DestroyChildRecord(CHILD, "LOOKED_AFTER"), BY_THE_OFFICER)
                .expectEvents(destroyed())
                .expectState(childCase -> {
                    assertThat(childCase.destroyed()).isTrue();
                    assertThat(childCase.destructionRefusal()).contains(ChildCaseRule.DESTROYED_ONCE);
                    assertThat(childCase.localAuthority()).isEqualTo(LA);
                });
    }

    private static Matcher<Throwable> rule(String code) {
        return new FeatureMatcher<Throwable, String>(Matchers.equalTo(code), "rule", "rule") {
            @Override
            protected String featureValueOf(Throwable actual) {
                return actual instanceof RuleViolation violation ? violation.rule() : null;
            }
        };
    }

    /** Records which children were shredded, and answers how many events are stored in plain. */
    /** A schedule under which the record fell due as a looked-after child's record a year ago, unless set. */
    static final class Schedule implements RecordsDue {

        RecordsDue.Standing standing = new RecordsDue.Standing("LOOKED_AFTER",
                Optional.of(NOW.toLocalDate().minusYears(1)));

        @Override
        public Optional<Standing> of(String childId) {
            return Optional.ofNullable(standing);
        }
    }

    static final class Shredder implements ChildRecordShredder {

        final List<String> shredded = new ArrayList<>();
        long plain;

        @Override
        public long eventsStoredInPlain(String childId) {
            return plain;
        }

        @Override
        public long shred(String childId) {
            shredded.add(childId);
            return 7;
        }
    }
}
