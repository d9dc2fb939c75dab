package org.oversight.deploy.generator;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.axonframework.eventhandling.DomainEventMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.oversight.command.childcase.AllocateChair;
import org.oversight.events.RecordedBy;
import org.oversight.events.childcase.ChairRole;
import org.oversight.events.lookedafter.PeriodOfCareStarted;

/**
 * The generator's two promises: the same seed gives the same events, and every generated history is accepted by
 * the real aggregates (recording it raises no refusal). Covers the whole demo size and a slice of the national
 * size's open and closed children, so that every branch of the histories is exercised.
 */
class HistoryGeneratorTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 23);
    private static Staff staff;
    private static InProcessCommandSide commandSide;

    @BeforeAll
    static void start() {
        staff = Staff.generate(Size.NATIONAL, 7);
        commandSide = new InProcessCommandSide(staff);
    }

    @AfterAll
    static void stop() {
        commandSide.close();
    }

    @Test
    void theSameSeedGivesTheSameEventsAndAnotherSeedDifferentOnes() {
        Staff demoStaff = Staff.generate(Size.DEMO, 42);
        try (InProcessCommandSide demo = new InProcessCommandSide(demoStaff)) {
            List<String> first = describe(demo, new HistoryGenerator(Size.DEMO, 42, TODAY, demoStaff));
            List<String> again = describe(demo, new HistoryGenerator(Size.DEMO, 42, TODAY, demoStaff));
            List<String> other = describe(demo, new HistoryGenerator(Size.DEMO, 43, TODAY, demoStaff));
            assertThat(first).hasSizeGreaterThan(500);
            assertThat(again).isEqualTo(first);
            assertThat(other).isNotEqualTo(first);
        }
    }

    @Test
    void everyGeneratedHistoryIsAcceptedByTheAggregates() {
        HistoryGenerator national = new HistoryGenerator(Size.NATIONAL, 7, TODAY, staff);
        Map<String, Integer> byType = new TreeMap<>();
        List<Integer> sample = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            sample.add(i * 211);                                   // open looked-after children
            sample.add(Size.NATIONAL.lookedAfterOpen() + i * 120);  // open child protection
            sample.add(Size.NATIONAL.lookedAfterOpen() + Size.NATIONAL.protectionOpen() + i * 130); // closed
        }
        for (int index : sample) {
            // any refusal throws InProcessCommandSide.RefusedHistory, naming the child, step and rule
            for (DomainEventMessage<?> event : commandSide.record(national.child(index))) {
                byType.merge(event.getPayloadType().getSimpleName(), 1, Integer::sum);
                if (event.getPayload() instanceof PeriodOfCareStarted started && started.legalStatus().isShortBreak()) {
                    byType.merge("short breaks", 1, Integer::sum);
                }
            }
        }
        assertThat(byType.get("short breaks")).as("short-break periods, reviewed under reg 48").isPositive();
        assertThat(byType).containsKeys("ChildRegistered", "ChairAllocated", "BirthRecorded",
                "Section47EnquiryStarted", "InitialConferenceHeld", "InitialConferenceNotRequired",
                "ChildProtectionPlanStarted", "ReviewConferenceHeld", "ChildProtectionPlanEnded",
                "PeriodOfCareStarted", "PeriodOfCareEnded", "LookedAfterReviewHeld", "ChildConsultedBeforeReview",
                "CarePlanActionAgreed", "CarePlanActionCompleted", "IroVisitRecorded", "MidwayCheckRecorded",
                "EarlyReviewRequested", "PlacementChanged", "PermanencePlanRecorded", "ReviewRecordDistributed",
                "ParticipationCorrected", "EscalationRaised", "EscalationResponseReceived", "EscalationMovedUp",
                "EscalationResolved", "EscalationWithdrawn", "EscalationReferredToCafcass", "HealthCheckRecorded",
                "EducationPlanRecorded", "MothersChildBirthRecorded");
    }

    @Test
    void everyChairAtTheLocalAuthoritySizeCarriesFiftyToNinetyOpenChildren() {
        Staff laStaff = Staff.generate(Size.LA, 1);
        HistoryGenerator la = new HistoryGenerator(Size.LA, 1, TODAY, laStaff);
        Map<String, Integer> open = new TreeMap<>();
        laStaff.people().forEach(p -> open.put(p.username(), 0));
        for (int i = 0; i < Size.LA.lookedAfterOpen() + Size.LA.protectionOpen(); i++) {
            // an open child's chair in each role is the last one allocated
            Map<ChairRole, String> chairs = new HashMap<>();
            for (HistoryGenerator.Step step : la.child(i).steps()) {
                if (step.command() instanceof AllocateChair allocate) {
                    chairs.put(allocate.role(), allocate.chairId());
                }
            }
            chairs.values().forEach(chair -> open.merge(chair, 1, Integer::sum));
        }
        assertThat(laStaff.people()).hasSizeBetween(25, 32);
        assertThat(laStaff.people()).anyMatch(p -> p.roles().size() == 2);
        assertThat(open).allSatisfy((chair, children) -> assertThat(children).as(chair).isBetween(50, 90));
    }

    private static List<String> describe(InProcessCommandSide commandSide, HistoryGenerator generator) {
        List<String> described = new ArrayList<>();
        for (int i = 0; i < generator.children(); i++) {
            for (DomainEventMessage<?> event : commandSide.record(generator.child(i))) {
                Map<String, Object> metadata = new HashMap<>(event.getMetaData());
                metadata.keySet().retainAll(List.of(RecordedBy.USERNAME, RecordedBy.DISPLAY_NAME,
                        RecordedBy.RECORDED_AT, RecordedBy.CORRELATION_ID));
                described.add(event.getAggregateIdentifier() + "#" + event.getSequenceNumber() + " "
                        + event.getTimestamp() + " " + event.getPayload() + " " + new TreeMap<>(metadata));
            }
        }
        return described;
    }
}
