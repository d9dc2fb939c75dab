package org.oversight.command.protection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.oversight.command.childcase.DemoDirectory.DUAL;
import static org.oversight.command.childcase.DemoDirectory.LA;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.axonframework.commandhandling.SimpleCommandBus;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.axonframework.commandhandling.AnnotationCommandHandlerAdapter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.oversight.command.childcase.ChildCaseRule;
import org.oversight.command.childcase.DemoDirectory;
import org.oversight.command.protection.HoldInitialConference.ChildDecision;
import org.oversight.command.protection.HoldReviewConference.ReviewDecision;
import org.oversight.command.rules.RuleViolation;
import org.oversight.events.childcase.ChildRegistered;
import org.oversight.events.protection.CategoryOfAbuse;
import org.oversight.events.protection.ChildProtectionPlanStarted;
import org.oversight.events.protection.ChildsView;
import org.oversight.events.protection.ConferenceOutcome;
import org.oversight.events.protection.ConferenceType;
import org.oversight.events.protection.InitialConferenceHeld;
import org.oversight.events.protection.PlanEndReason;
import org.oversight.events.protection.Section47EnquiryStarted;
import org.oversight.events.protection.ViewsConveyed;

/**
 * A conference about a sibling group decides for several children, each with a protection journey of their
 * own, in one command: through the real command bus and event-sourced repositories, either every child's events
 * are stored or none are.
 */
class SiblingGroupConferenceTest {

    private static final ZoneId ENGLAND = ZoneId.of("Europe/London");
    private static final LocalDate TODAY = LocalDate.of(2026, 6, 30);
    private static final Clock CLOCK = Clock.fixed(TODAY.atStartOfDay(ENGLAND).toInstant(), ENGLAND);
    /** Children are decided in the order of their ids: the older sibling's decision is applied first. */
    private static final String OLDER = "child-a";
    private static final String YOUNGER = "child-b";
    private static final LocalDate STRATEGY = LocalDate.of(2026, 2, 16);
    private static final LocalDate ICPC = LocalDate.of(2026, 3, 3);
    private static final List<String> QUORATE = List.of("Children's social care", "Police", "Health");
    private static final ChildsView SPOKE = new ChildsView(true, ViewsConveyed.ATTENDED_SPOKE_FOR_SELF);
    private static final ChildsView TOO_YOUNG = new ChildsView(false, ViewsConveyed.TOO_YOUNG_OR_UNBORN);

    private InMemoryEvents events;
    private CommandGateway commands;

    @BeforeEach
    void setUp() {
        events = new InMemoryEvents(CLOCK, new DemoDirectory(), new DefaultQuoracyPolicy());
        events.given("ChildCase", OLDER,
                new ChildRegistered(OLDER, LA, "S1", "Alex", "Jones", LocalDate.of(2016, 1, 5), null, STRATEGY));
        events.given("ChildCase", YOUNGER,
                new ChildRegistered(YOUNGER, LA, "S2", "Bo", "Jones", LocalDate.of(2024, 9, 9), null, STRATEGY));
        events.given("ChildProtection", ProtectionIds.protectionOf(OLDER),
                new Section47EnquiryStarted(OLDER, "enquiry-a", STRATEGY));
        SimpleCommandBus bus = SimpleCommandBus.builder().build();
        ProtectionCommandHandler handler = new ProtectionCommandHandler(
                events.repository(ChildProtection.class), events.registeredChildren());
        new AnnotationCommandHandlerAdapter<>(handler, events.resources()).subscribe(bus);
        commands = DefaultCommandGateway.builder().commandBus(bus).build();
    }

    @AfterEach
    void tearDown() {
        events.close();
    }

    private static HoldInitialConference conference(ChildDecision... decisions) {
        return new HoldInitialConference("icpc-1", ConferenceType.INITIAL, ICPC, QUORATE, DUAL.username(),
                List.of(decisions));
    }

    private static ChildDecision planFor(String childId, String enquiryId, ChildsView view) {
        return new ChildDecision(childId, enquiryId, ConferenceOutcome.PLAN, CategoryOfAbuse.NEG, 0, view);
    }

    private static InitialConferenceHeld held(String childId, String enquiryId, ChildsView view, String sibling) {
        return new InitialConferenceHeld(childId, "icpc-1", ConferenceType.INITIAL, ICPC, enquiryId, QUORATE, true,
                ConferenceOutcome.PLAN, view, DUAL.username(), DUAL.displayName(), List.of(sibling));
    }

    private void youngerSiblingHasAnEnquiryToo() {
        events.given("ChildProtection", ProtectionIds.protectionOf(YOUNGER),
                new Section47EnquiryStarted(YOUNGER, "enquiry-b", STRATEGY));
    }

    @Test
    void everyChildDecidedAtTheConferenceHasTheirPlanAndNamesTheOthers() {
        youngerSiblingHasAnEnquiryToo();

        Map<String, Long> sequences = commands.sendAndWait(conference(
                planFor(YOUNGER, "enquiry-b", TOO_YOUNG), planFor(OLDER, "enquiry-a", SPOKE)));

        assertThat(sequences).containsExactly(Map.entry(YOUNGER, 2L), Map.entry(OLDER, 2L));
        assertThat(events.stored(ProtectionIds.protectionOf(OLDER))).containsExactly(
                new Section47EnquiryStarted(OLDER, "enquiry-a", STRATEGY),
                held(OLDER, "enquiry-a", SPOKE, YOUNGER),
                new ChildProtectionPlanStarted(OLDER, ProtectionIds.planOf(OLDER, "icpc-1"), ICPC, "icpc-1",
                        CategoryOfAbuse.NEG, 0));
        assertThat(events.stored(ProtectionIds.protectionOf(YOUNGER))).containsExactly(
                new Section47EnquiryStarted(YOUNGER, "enquiry-b", STRATEGY),
                held(YOUNGER, "enquiry-b", TOO_YOUNG, OLDER),
                new ChildProtectionPlanStarted(YOUNGER, ProtectionIds.planOf(YOUNGER, "icpc-1"), ICPC, "icpc-1",
                        CategoryOfAbuse.NEG, 0));
    }

    @Test
    void whenOneChildsDecisionBreaksARuleNoChildsDecisionIsStored() {
        // the younger sibling has no enquiry: refused after the older sibling's decision was applied
        RuleViolation refusal = catchThrowableOfType(RuleViolation.class, () -> commands.sendAndWait(conference(
                planFor(OLDER, "enquiry-a", SPOKE), planFor(YOUNGER, "enquiry-b", TOO_YOUNG))));

        assertThat(refusal.rule()).isEqualTo(ProtectionRule.ENQUIRY_MUST_BE_OPEN.code());
        assertThat(refusal.field()).isEqualTo("decisions[1].enquiryId");
        assertThat(events.stored(ProtectionIds.protectionOf(OLDER)))
                .containsExactly(new Section47EnquiryStarted(OLDER, "enquiry-a", STRATEGY));
        assertThat(events.stored(ProtectionIds.protectionOf(YOUNGER))).isEmpty();
    }

    @Test
    void aChildWhoIsNotRegisteredStopsTheWholeConference() {
        RuleViolation refusal = catchThrowableOfType(RuleViolation.class, () -> commands.sendAndWait(conference(
                planFor(OLDER, "enquiry-a", SPOKE), planFor("child-c", "enquiry-c", SPOKE))));

        assertThat(refusal.rule()).isEqualTo(ChildCaseRule.CHILD_MUST_BE_REGISTERED.code());
        assertThat(refusal.field()).isEqualTo("decisions[1].childId");
        assertThat(events.stored(ProtectionIds.protectionOf(OLDER))).hasSize(1);
    }

    @Test
    void aReviewOfTheGroupEndsNoPlanWhenOneChildsDecisionIsRefused() {
        youngerSiblingHasAnEnquiryToo();
        commands.sendAndWait(conference(planFor(OLDER, "enquiry-a", SPOKE), planFor(YOUNGER, "enquiry-b", TOO_YOUNG)));
        var review = new HoldReviewConference("review-1", LocalDate.of(2026, 6, 2), QUORATE, DUAL.username(), List.of(
                new ReviewDecision(OLDER, false, null, PlanEndReason.NO_LONGER_AT_RISK, SPOKE),
                new ReviewDecision(YOUNGER, false, null, null, TOO_YOUNG)));

        RuleViolation refusal = catchThrowableOfType(RuleViolation.class, () -> commands.sendAndWait(review));

        assertThat(refusal.rule()).isEqualTo(ProtectionRule.END_REASON_WHEN_PLAN_ENDS.code());
        assertThat(events.stored(ProtectionIds.protectionOf(OLDER))).hasSize(3);
        assertThat(events.stored(ProtectionIds.protectionOf(YOUNGER))).hasSize(3);
    }

    @Test
    void aReviewOfTheGroupRecordsEachChildsOwnDecision() {
        youngerSiblingHasAnEnquiryToo();
        commands.sendAndWait(conference(planFor(OLDER, "enquiry-a", SPOKE), planFor(YOUNGER, "enquiry-b", TOO_YOUNG)));

        Map<String, Long> sequences = commands.sendAndWait(new HoldReviewConference("review-1",
                LocalDate.of(2026, 6, 2), QUORATE, DUAL.username(), List.of(
                        new ReviewDecision(OLDER, false, null, PlanEndReason.NO_LONGER_AT_RISK, SPOKE),
                        new ReviewDecision(YOUNGER, true, CategoryOfAbuse.EMO, null, TOO_YOUNG))));

        assertThat(sequences).containsExactly(Map.entry(OLDER, 4L), Map.entry(YOUNGER, 3L));
    }
}
