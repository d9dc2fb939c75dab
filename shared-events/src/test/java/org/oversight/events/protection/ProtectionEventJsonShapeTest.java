package org.oversight.events.protection;

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
import org.oversight.events.childcase.BirthRecorded;

/**
 * The child protection events as they are stored: every event reads back equal to what was written, and the
 * field names and codes that projections and auditors rely on are pinned, so a rename fails here first.
 */
class ProtectionEventJsonShapeTest {

    private static final LocalDate ICPC = LocalDate.of(2026, 3, 3);
    private static final ChildsView SPOKE = new ChildsView(true, ViewsConveyed.ATTENDED_SPOKE_FOR_SELF);

    private final ObjectMapper json = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    static Stream<Object> everyEvent() {
        return Stream.of(
                new Section47EnquiryStarted("c-1", "e-1", LocalDate.of(2026, 2, 16)),
                new InitialConferenceNotRequired("c-1", "e-1", ICPC, "Concerns not substantiated"),
                new InitialConferenceHeld("c-1", "k-1", ConferenceType.INITIAL, ICPC, "e-1",
                        List.of("Children's social care", "Police", "Health"), true, ConferenceOutcome.PLAN, SPOKE,
                        "chair.brown", "Ben Brown", List.of("c-2")),
                new InitialConferenceHeld("c-3", "k-2", ConferenceType.TRANSFER_IN, ICPC, null,
                        List.of("Children's social care"), false, ConferenceOutcome.NO_PLAN,
                        new ChildsView(false, ViewsConveyed.NOT_CONVEYED), "chair.brown", "Ben Brown", List.of()),
                new ChildProtectionPlanStarted("c-1", "p-1", ICPC, "k-1", CategoryOfAbuse.NEG, 1),
                new ReviewConferenceHeld("c-1", "k-3", "p-1", ICPC.plusMonths(3), List.of("Children's social care"),
                        false, true, CategoryOfAbuse.EMO, CategoryOfAbuse.NEG,
                        new ChildsView(false, ViewsConveyed.THROUGH_ADVOCATE), "chair.brown", "Ben Brown", List.of()),
                new ChildProtectionPlanEnded("c-1", "p-1", ICPC.plusMonths(9), PlanEndReason.NO_LONGER_AT_RISK, "k-4"),
                new ChildProtectionPlanEnded("c-1", "p-1", ICPC.plusMonths(9), PlanEndReason.REACHED_18, null),
                new ConferenceDateCorrected("c-1", "k-1", ICPC, ICPC.minusDays(1), "Typed the minutes' date"),
                new InitialCategoryCorrected("c-1", "p-1", CategoryOfAbuse.NEG, CategoryOfAbuse.PHY,
                        "Chose the line above in the list"),
                new BirthRecorded("c-1", LocalDate.of(2026, 5, 1)));
    }

    @ParameterizedTest
    @MethodSource("everyEvent")
    void everyProtectionEventReadsBackEqual(Object event) throws Exception {
        String stored = json.writeValueAsString(event);

        assertThat(json.readValue(stored, event.getClass())).isEqualTo(event);
    }

    @Test
    void anInitialConferenceIsStoredWithIsoDatesCodesAndItsSiblingGroup() throws Exception {
        String stored = json.writeValueAsString(everyEvent().skip(2).findFirst().orElseThrow());

        assertThat(stored).contains("\"heldOn\":\"2026-03-03\"", "\"type\":\"INITIAL\"", "\"outcome\":\"PLAN\"",
                "\"childsView\":{\"attended\":true,\"conveyed\":\"ATTENDED_SPOKE_FOR_SELF\"}",
                "\"siblingGroup\":[\"c-2\"]", "\"quorate\":true", "\"chairName\":\"Ben Brown\"");
    }

    @Test
    void aPlanStartIsStoredWithTheCinCategoryCode() throws Exception {
        String stored = json.writeValueAsString(
                new ChildProtectionPlanStarted("c-1", "p-1", ICPC, "k-1", CategoryOfAbuse.SAB, 0));

        assertThat(stored).isEqualTo("{\"childId\":\"c-1\",\"planId\":\"p-1\",\"startDate\":\"2026-03-03\","
                + "\"conferenceId\":\"k-1\",\"initialCategory\":\"SAB\",\"previousPlans\":0}");
    }

    @Test
    void aConferenceStoredWithoutASiblingGroupReadsAsDecidedAlone() throws Exception {
        String stored = """
                {"childId":"c-1","conferenceId":"k-1","type":"PRE_BIRTH","heldOn":"2026-03-03","enquiryId":"e-1",
                 "attendingAgencies":["Children's social care","Midwifery","Police"],"quorate":true,
                 "outcome":"NO_PLAN","childsView":{"attended":false,"conveyed":"TOO_YOUNG_OR_UNBORN"},
                 "chairId":"chair.brown","chairName":"Ben Brown"}""";

        InitialConferenceHeld event = json.readValue(stored, InitialConferenceHeld.class);

        assertThat(event.siblingGroup()).isEmpty();
        assertThat(event.type()).isEqualTo(ConferenceType.PRE_BIRTH);
        assertThat(event.childsView().conveyed().participated()).isFalse();
    }

    @Test
    void derivedFlagsAreNotStored() throws Exception {
        var review = (ReviewConferenceHeld) everyEvent().skip(5).findFirst().orElseThrow();

        assertThat(json.writeValueAsString(review)).doesNotContain("categoryChanged");
        assertThat(review.categoryChanged()).isTrue();
        assertThat(json.writeValueAsString(new ChildProtectionPlanEnded("c-1", "p-1", ICPC,
                PlanEndReason.DIED, null))).doesNotContain("endedAtConference");
    }

    @Test
    void attendanceAndTheWayViewsWereConveyedMustAgree() {
        assertThat(new ChildsView(true, ViewsConveyed.ATTENDED_WITH_ADVOCATE).consistent()).isTrue();
        assertThat(new ChildsView(false, ViewsConveyed.ATTENDED_SPOKE_FOR_SELF).consistent()).isFalse();
        assertThat(new ChildsView(true, ViewsConveyed.IN_WRITING_OR_OTHER_MEDIA).consistent()).isFalse();
        assertThat(new ChildsView(true, ViewsConveyed.NOT_CONVEYED).consistent()).isTrue();
        assertThat(new ChildsView(false, ViewsConveyed.NOT_CONVEYED).consistent()).isTrue();
    }
}
