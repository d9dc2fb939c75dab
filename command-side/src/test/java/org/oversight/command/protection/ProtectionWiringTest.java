package org.oversight.command.protection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.oversight.command.childcase.DemoDirectory.CP;
import static org.oversight.command.childcase.DemoDirectory.LA;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.junit.jupiter.api.Test;
import org.oversight.command.childcase.ChildCase;
import org.oversight.command.childcase.ChildIdentifiers;
import org.oversight.command.childcase.HeldIdentifiers;
import org.oversight.command.childcase.DemoDirectory;
import org.oversight.command.childcase.RegisterChild;
import org.oversight.command.directory.Directory;
import org.oversight.command.protection.HoldInitialConference.ChildDecision;
import org.oversight.command.snapshots.JourneySnapshots;
import org.oversight.events.protection.CategoryOfAbuse;
import org.oversight.events.protection.ChildProtectionPlanStarted;
import org.oversight.events.protection.ChildsView;
import org.oversight.events.protection.ConferenceOutcome;
import org.oversight.events.protection.ConferenceType;
import org.oversight.events.protection.InitialConferenceHeld;
import org.oversight.events.protection.Section47EnquiryStarted;
import org.oversight.events.protection.ViewsConveyed;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/**
 * The protection journey as Spring and Axon wire it: the repositories are found by their generic type, the
 * clock, directory and quoracy policy reach the handler as parameters, and a child registered through the child
 * case can be taken to a plan.
 */
@SpringBootTest(classes = ProtectionWiringTest.Wiring.class, webEnvironment = SpringBootTest.WebEnvironment.NONE,
        properties = {"axon.serializer.general=jackson", "axon.serializer.events=jackson",
                "axon.serializer.messages=jackson"})
class ProtectionWiringTest {

    private static final ZoneId ENGLAND = ZoneId.of("Europe/London");
    private static final LocalDate TODAY = LocalDate.of(2026, 6, 30);

    @Configuration(proxyBeanMethods = false)
    @EnableAutoConfiguration(exclude = DataSourceAutoConfiguration.class)
    @Import({JourneySnapshots.class, ChildCase.class, ChildProtection.class, ProtectionCommandHandler.class,
            RegisteredChildren.class, ProtectionConfiguration.class})
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
            return new DemoDirectory();
        }

        @Bean
        ConferenceNarratives narratives() {
            return (childId, conferenceId, narrativeId, narrative) -> {
            };
        }
    }

    @Autowired
    private CommandGateway commands;

    @Autowired
    private EventStore events;

    @Autowired
    private QuoracyPolicy quoracy;

    @Test
    void theWidelyUsedQuoracyRuleAppliesUnlessTheDeploymentSetsAnother() {
        assertThat(quoracy.minimumOtherAgencies(LA)).isEqualTo(DefaultQuoracyPolicy.OTHER_AGENCIES);
    }

    @Test
    void aRegisteredChildIsTakenToAPlanThroughTheCommandBus() {
        RegisterChild registration = RegisterChild.of(LA, "W1", "Sam", "Jones", LocalDate.of(2019, 5, 1), null);
        String childId = registration.childId();
        commands.sendAndWait(registration);
        LocalDate strategy = LocalDate.of(2026, 2, 16);
        LocalDate icpc = LocalDate.of(2026, 3, 3);
        ChildsView view = new ChildsView(true, ViewsConveyed.ATTENDED_SPOKE_FOR_SELF);
        List<String> agencies = List.of("Children's social care", "Police", "Health");

        long enquirySequence = commands.sendAndWait(new RecordStrategyDiscussion(childId, "e-1", strategy));
        Map<String, Long> planSequences = commands.sendAndWait(new HoldInitialConference("k-1",
                ConferenceType.INITIAL, icpc, agencies, CP.username(),
                List.of(new ChildDecision(childId, "e-1", ConferenceOutcome.PLAN, CategoryOfAbuse.NEG, 0, view))));

        assertThat(enquirySequence).isZero();
        assertThat(planSequences).containsExactly(Map.entry(childId, 2L));
        assertThat(events.readEvents(ProtectionIds.protectionOf(childId)).asStream()
                .map(DomainEventMessage::getPayload).map(Object.class::cast).toList()).containsExactly(
                new Section47EnquiryStarted(childId, "e-1", strategy),
                new InitialConferenceHeld(childId, "k-1", ConferenceType.INITIAL, icpc, "e-1", agencies, true,
                        ConferenceOutcome.PLAN, view, CP.username(), CP.displayName(), List.of()),
                new ChildProtectionPlanStarted(childId, ProtectionIds.planOf(childId, "k-1"), icpc, "k-1",
                        CategoryOfAbuse.NEG, 0));
        assertThat(events.readEvents(childId).asStream().count()).isOne();
    }
}
