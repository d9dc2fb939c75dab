package org.oversight.command.lookedafter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.junit.jupiter.api.Test;
import org.oversight.command.childcase.ChildCase;
import org.oversight.command.childcase.ChildIdentifiers;
import org.oversight.command.childcase.HeldIdentifiers;
import org.oversight.command.childcase.RecordBirth;
import org.oversight.command.childcase.RegisterChild;
import org.oversight.command.childcase.RepositoryChildRegister;
import org.oversight.command.policy.LocalAuthorityPolicy;
import org.oversight.command.policy.RepositoryMeetingTypeRegister;
import org.oversight.command.directory.Directory;
import org.oversight.command.lookedafter.HoldLookedAfterReview.AgreedAction;
import org.oversight.command.rules.RuleViolation;
import org.oversight.command.snapshots.JourneySnapshots;
import org.oversight.events.lookedafter.CarePlanActionAgreed;
import org.oversight.events.lookedafter.LegalStatus;
import org.oversight.events.lookedafter.LookedAfterReviewHeld;
import org.oversight.events.lookedafter.ParticipationCode;
import org.oversight.events.lookedafter.PeriodOfCareStarted;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/**
 * The looked-after journey as Spring and Axon wire it: the case repository is found by its generic type, the
 * clock, directory and child register reach the journey's handlers as parameters, and a child registered (and
 * born) through the child case can start a period of care and have a review held.
 */
@SpringBootTest(classes = LookedAfterWiringTest.Wiring.class, webEnvironment = SpringBootTest.WebEnvironment.NONE,
        properties = {"axon.serializer.general=jackson", "axon.serializer.events=jackson",
                "axon.serializer.messages=jackson"})
class LookedAfterWiringTest {

    private static final ZoneId ENGLAND = ZoneId.of("Europe/London");
    private static final LocalDate TODAY = LocalDate.of(2026, 3, 3);

    @Configuration(proxyBeanMethods = false)
    @EnableAutoConfiguration(exclude = DataSourceAutoConfiguration.class)
    @Import({JourneySnapshots.class, ChildCase.class, LookedAfterJourney.class, RepositoryChildRegister.class,
            LocalAuthorityPolicy.class, RepositoryMeetingTypeRegister.class})
    static class Wiring {

        @Bean
        EventStorageEngine storageEngine() {
            return new InMemoryEventStorageEngine();
        }

        @Bean
        Clock clock() {
            return Clock.fixed(TODAY.atStartOfDay(ENGLAND).toInstant(), ENGLAND);
        }

        @Bean
        ChildIdentifiers childIdentifiers() {
            return new HeldIdentifiers();
        }

        @Bean
        Directory directory() {
            return new Iros();
        }
    }

    @Autowired
    private CommandGateway commands;

    @Autowired
    private EventStore events;

    @Test
    void aChildRegisteredThroughTheirCaseStartsAPeriodAndHasAReviewWithActions() {
        RegisterChild registration = RegisterChild.of(Iros.LA, "L1", "Sam", "Jones", LocalDate.of(2019, 5, 1), null);
        String childId = registration.childId();
        commands.sendAndWait(registration);
        LocalDate started = LocalDate.of(2026, 1, 5);
        LocalDate held = LocalDate.of(2026, 1, 30);

        long startSequence = commands.sendAndWait(new StartPeriodOfCare(childId, "p-1", started, LegalStatus.C1, "U6"));
        long reviewSequence = commands.sendAndWait(new HoldLookedAfterReview(childId, "r-1", held,
                ParticipationCode.PN1, true, List.of("Placement to continue"), List.of(), Iros.IRO.username(),
                List.of(new AgreedAction("Book a dental check", "Social worker", held.plusWeeks(4)))));

        assertThat(startSequence).isZero();
        assertThat(reviewSequence).isEqualTo(2L);
        assertThat(events.readEvents(LookedAfterIds.journeyOf(childId)).asStream()
                .map(DomainEventMessage::getPayload).map(Object.class::cast).toList()).containsExactly(
                new PeriodOfCareStarted(childId, "p-1", started, LegalStatus.C1, "U6"),
                new LookedAfterReviewHeld(childId, "p-1", "r-1", held, ParticipationCode.PN1, true,
                        List.of("Placement to continue"), List.of(), Iros.IRO.username(), Iros.IRO.displayName()),
                new CarePlanActionAgreed(childId, LookedAfterIds.actionOf("r-1", 0), "r-1", "Book a dental check",
                        "Social worker", held.plusWeeks(4), held));
        assertThat(events.readEvents(childId).asStream().count()).isOne();
    }

    @Test
    void aChildRegisteredBeforeBirthStartsAPeriodOnlyOnceTheBirthIsRecorded() {
        RegisterChild registration = RegisterChild.of(Iros.LA, "L2", "Baby", "Jones", null, TODAY.plusWeeks(2));
        String childId = registration.childId();
        commands.sendAndWait(registration);

        assertThatThrownBy(() -> commands.sendAndWait(StartPeriodOfCare.of(childId, TODAY, LegalStatus.L2, null)))
                .isInstanceOfSatisfying(RuleViolation.class,
                        refused -> assertThat(refused.rule()).isEqualTo(LookedAfterRule.CHILD_MUST_BE_BORN.code()));

        commands.sendAndWait(new RecordBirth(childId, TODAY.minusDays(1)));
        long sequence = commands.sendAndWait(StartPeriodOfCare.of(childId, TODAY, LegalStatus.L2, null));

        assertThat(sequence).isZero();
    }
}
