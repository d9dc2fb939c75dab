package org.oversight.command.childcase;

import static org.oversight.command.childcase.DemoDirectory.IRO;
import static org.oversight.command.childcase.DemoDirectory.LA;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.oversight.command.directory.Chair;
import org.oversight.command.directory.Directory;
import org.oversight.command.rules.RuleViolation;
import org.oversight.events.childcase.ChairAllocated;
import org.oversight.events.childcase.ChairRole;
import org.oversight.events.childcase.ChildRegistered;
import org.oversight.events.childcase.ChildTransferred;

/**
 * A child who moves is passed to the receiving authority as a recorded decision: it names both authorities, the
 * receiving authority's own identifier and why, and the sending authority's chairs hand the child over.
 */
class ChildTransferTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 3, 3);
    private static final String CHILD = "3f2b8c1d-6a4e-4b7f-9c0d-1e2f3a4b5c6d";
    private static final String RECEIVING = "LA2";

    private FixtureConfiguration<ChildCase> fixture;
    private HeldIdentifiers identifiers;

    /** The demo directory, serving a second authority as well. */
    private static final class TwoAuthorities implements Directory {

        private final DemoDirectory demo = new DemoDirectory();

        @Override
        public Optional<Chair> chair(String username) {
            return demo.chair(username);
        }

        @Override
        public Optional<String> displayName(String username) {
            return demo.displayName(username);
        }

        @Override
        public boolean isLocalAuthority(String code) {
            return LA.equals(code) || RECEIVING.equals(code);
        }

        /** The demo's chairs work for both authorities here, so a transferred child can be allocated again. */
        @Override
        public boolean worksFor(String username, String localAuthority) {
            return isLocalAuthority(localAuthority) && demo.worksFor(username, LA);
        }
    }

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(ChildCase.class);
        fixture.registerInjectableResource(Clock.fixed(TODAY.atStartOfDay(ZoneId.of("Europe/London")).toInstant(),
                ZoneId.of("Europe/London")));
        fixture.registerInjectableResource(new TwoAuthorities());
        identifiers = new HeldIdentifiers();
        fixture.registerInjectableResource(identifiers);
    }

    private static ChildRegistered registered() {
        return new ChildRegistered(CHILD, LA, "A123", "Sam", "Jones", LocalDate.of(2019, 5, 1), null,
                TODAY.minusMonths(6));
    }

    private static TransferChild transfer(String to, String identifier, LocalDate on) {
        return new TransferChild(CHILD, to, identifier, on, "The family moved to the receiving authority's area");
    }

    @Test
    void aChildIsPassedToAnotherAuthorityWhichKnowsThemByItsOwnIdentifier() {
        fixture.given(registered())
                .when(transfer(RECEIVING, "B-77", TODAY))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new ChildTransferred(CHILD, LA, RECEIVING, "B-77", TODAY,
                        "The family moved to the receiving authority's area"));
    }

    @Test
    void aTransferGoesToAnotherAuthorityTheServiceCovers() {
        fixture.given(registered()).when(transfer(LA, "B-77", TODAY))
                .expectException(RuleViolation.class).expectExceptionMessage(
                        org.hamcrest.Matchers.containsString("another local authority"));
        fixture.given(registered()).when(transfer("NOWHERE", "B-77", TODAY))
                .expectException(RuleViolation.class);
    }

    @Test
    void aTransferIsDatedBetweenTheRegistrationAndToday() {
        fixture.given(registered()).when(transfer(RECEIVING, "B-77", TODAY.plusDays(1)))
                .expectException(RuleViolation.class);
        fixture.given(registered()).when(transfer(RECEIVING, "B-77", TODAY.minusMonths(6).minusDays(1)))
                .expectException(RuleViolation.class);
        fixture.given(registered()).when(transfer(RECEIVING, "B-78", TODAY.minusMonths(6)))
                .expectEvents(new ChildTransferred(CHILD, LA, RECEIVING, "B-78", TODAY.minusMonths(6),
                        "The family moved to the receiving authority's area"));
    }

    @Test
    void anIdentifierTheReceivingAuthorityAlreadyGaveAnotherChildIsRefused() {
        identifiers.claim(RECEIVING, "B-77", "another-child");
        fixture.given(registered()).when(transfer(RECEIVING, "b-77 ", TODAY))
                .expectException(AggregateStreamCreationException.class);
    }

    @Test
    void theReceivingAuthorityAllocatesItsOwnChairAfreshRatherThanChangingTheSendersChair() {
        fixture.given(registered(),
                        new ChairAllocated(CHILD, ChairRole.IRO, "chair.brown", "Ben Brown", TODAY.minusMonths(5), null),
                        new ChildTransferred(CHILD, LA, RECEIVING, "B-77", TODAY.minusDays(3), "Moved"))
                .when(new AllocateChair(CHILD, ChairRole.IRO, IRO.username(), TODAY))
                .expectEvents(new ChairAllocated(CHILD, ChairRole.IRO, IRO.username(), IRO.displayName(), TODAY,
                        null));
    }
}
