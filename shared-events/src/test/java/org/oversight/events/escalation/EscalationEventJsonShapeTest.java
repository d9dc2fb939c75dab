package org.oversight.events.escalation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The escalation events as they are stored: every event reads back equal to what was written, and the field
 * names that the escalations dashboard and auditors rely on are pinned, so a rename fails here first.
 */
class EscalationEventJsonShapeTest {

    private static final LocalDate RAISED = LocalDate.of(2026, 3, 3);
    private static final String ID = "escalation-6f1c2d3e-0000-4000-8000-000000000001";

    private final ObjectMapper json = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    static Stream<Object> everyEvent() {
        return Stream.of(
                new EscalationRaised(ID, List.of("c-1", "c-2"), "LA1", "PERMANENCE", "Agree a permanence plan",
                        true, "TEAM_MANAGER", RAISED, "iro.ahmed", "Aisha Ahmed"),
                new EscalationRaised(ID, List.of("c-1"), "LA1", "UNALLOCATED_SOCIAL_WORKER", "Allocate a social worker",
                        false, null, RAISED, "iro.ahmed", "Aisha Ahmed"),
                new EscalationMovedUp(ID, "TEAM_MANAGER", "HEAD_OF_SERVICE", List.of("SERVICE_MANAGER"),
                        RAISED.plusDays(5), "No response within the timescale"),
                new EscalationMovedUp(ID, null, "TEAM_MANAGER", List.of(), RAISED.plusDays(1), null),
                new EscalationResponseReceived(ID, "SERVICE_MANAGER", RAISED.plusDays(8), "Service manager",
                        "Permanence planning meeting within 10 days"),
                new EscalationResponseRejected(ID, "SERVICE_MANAGER", RAISED.plusDays(9), "No date set"),
                new EscalationResolved(ID, RAISED.plusDays(15), null, "Social worker allocated", true),
                new EscalationWithdrawn(ID, RAISED.plusDays(2), "Raised on the wrong child"),
                new EscalationReferredToCafcass(ID, RAISED.plusDays(12), "Care plan drift harms the child"));
    }

    @ParameterizedTest
    @MethodSource("everyEvent")
    void everyEscalationEventReadsBackEqual(Object event) throws Exception {
        String stored = json.writeValueAsString(event);

        assertThat(json.readValue(stored, event.getClass())).isEqualTo(event);
    }

    @Test
    void aRaisedEscalationIsStoredWithIsoDatesItsChildrenAndItsLevelCode() throws Exception {
        var event = new EscalationRaised(ID, List.of("c-1", "c-2"), "LA1", "PERMANENCE", "Agree a permanence plan",
                true, "TEAM_MANAGER", RAISED, "iro.ahmed", "Aisha Ahmed");

        String stored = json.writeValueAsString(event);

        assertThat(stored).contains("\"childIds\":[\"c-1\",\"c-2\"]", "\"localAuthority\":\"LA1\"",
                "\"concernCategory\":\"PERMANENCE\"", "\"formal\":true", "\"level\":\"TEAM_MANAGER\"",
                "\"raisedOn\":\"2026-03-03\"", "\"raisedByName\":\"Aisha Ahmed\"");
        assertThat(stored).doesNotContain("siblingGroup");
        assertThat(event.siblingGroup()).isTrue();
    }

    @Test
    void storedMoveOfAnInformalAlertStillReadsAsMakingItFormal() throws Exception {
        String stored = """
                {"escalationId":"escalation-1","fromLevel":null,"toLevel":"SERVICE_MANAGER",
                 "skippedLevels":[],"movedOn":"2026-03-04","reason":null}""";

        EscalationMovedUp event = json.readValue(stored, EscalationMovedUp.class);

        assertThat(event.madeFormal()).isTrue();
        assertThat(event.skippedLevels()).isEmpty();
        assertThat(event.movedOn()).isEqualTo(LocalDate.of(2026, 3, 4));
    }

    @Test
    void aResolutionRecordsTheLevelAndWhetherItWasInTheChildsInterest() throws Exception {
        String stored = json.writeValueAsString(
                new EscalationResolved(ID, RAISED.plusDays(15), "SERVICE_MANAGER", "Placement stabilised", false));

        assertThat(stored).contains("\"resolvedOn\":\"2026-03-18\"", "\"level\":\"SERVICE_MANAGER\"",
                "\"outcomeForChild\":\"Placement stabilised\"", "\"resolvedInChildsInterest\":false");
    }

    @Test
    void missingListsReadAsEmptyNeverNull() throws Exception {
        EscalationMovedUp moved = json.readValue("""
                {"escalationId":"escalation-1","fromLevel":"TEAM_MANAGER","toLevel":"SERVICE_MANAGER",
                 "movedOn":"2026-03-04","reason":null}""", EscalationMovedUp.class);
        EscalationRaised raised = new EscalationRaised(ID, null, "LA1", "OTHER", "x", false, null, RAISED, "u", "U");

        assertThat(moved.skippedLevels()).isEmpty();
        assertThat(raised.childIds()).isEmpty();
    }
}
