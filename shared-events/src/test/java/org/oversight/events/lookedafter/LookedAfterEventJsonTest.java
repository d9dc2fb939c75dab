package org.oversight.events.lookedafter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Looked-after events are stored as JSON and read back for as long as the child's record is kept (to the 75th
 * birthday): these tests pin the stored field names and codes, so that a rename fails here first.
 */
class LookedAfterEventJsonTest {

    private static final LocalDate DAY = LocalDate.of(2026, 3, 3);

    private final ObjectMapper json = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    static Stream<Object> everyEvent() {
        return Stream.of(
                new PeriodOfCareStarted("c-1", "p-1", DAY, LegalStatus.C1, "U6"),
                new PeriodOfCareStarted("c-1", "p-1", DAY, LegalStatus.V2, null),
                new LegalStatusChanged("c-1", "p-1", DAY, LegalStatus.C1, LegalStatus.C2),
                new PlacementChanged("c-1", "p-1", DAY, null, "K2"),
                new PeriodOfCareEnded("c-1", "p-1", DAY, ReasonPeriodEnded.E4A),
                new ChildConsultedBeforeReview("c-1", "p-1", DAY, ConsultationMethod.THROUGH_ADVOCATE, true, "iro.ahmed",
                        PrivateConversation.NOT_IN_PRIVATE),
                new IroVisitRecorded("c-1", "p-1", DAY, false, "iro.ahmed"),
                new MidwayCheckRecorded("c-1", "p-1", DAY, MidwayFinding.CONCERNS_NOTED, "iro.ahmed"),
                new EarlyReviewRequested("c-1", "p-1", DAY, EarlyReviewReason.PLACEMENT_CHANGE, "iro.ahmed"),
                new HealthCheckRecorded("c-1", "p-1", HealthCheck.REVIEW_HEALTH_ASSESSMENT, DAY, "iro.ahmed"),
                new EducationPlanRecorded("c-1", "p-1", DAY, "iro.ahmed"),
                new LookedAfterReviewHeld("c-1", "p-1", "r-1", DAY, ParticipationCode.PN6, true,
                        List.of("Placement to continue"), List.of("Refer for a health assessment"), "iro.ahmed",
                        "Aisha Ahmed"),
                new CarePlanActionAgreed("c-1", "a-1", "r-1", "Book the dental check", "Social worker",
                        DAY.plusWeeks(4), DAY),
                new CarePlanActionCompleted("c-1", "a-1", DAY),
                new CarePlanActionChanged("c-1", "a-1", "Book the dental check", "Foster carer", DAY.plusWeeks(6),
                        "Carer now arranges appointments", DAY),
                new CarePlanActionCancelled("c-1", "a-1", DAY, "The child moved to another authority's area"),
                new PermanencePlanRecorded("c-1", "p-1", DAY, PermanencePlan.LONG_TERM_FOSTERING, null),
                new PermanencePlanRecorded("c-1", "p-1", DAY, PermanencePlan.ADOPTION, PermanencePlan.RETURN_HOME),
                new ReviewRecordDistributed("c-1", "r-1", DAY, true),
                new ReviewDateCorrected("c-1", "r-1", DAY, DAY.minusDays(1), "Typed the wrong day"),
                new ParticipationCorrected("c-1", "r-1", ParticipationCode.PN1, ParticipationCode.PN2,
                        "The advocate spoke for the child"));
    }

    @ParameterizedTest
    @MethodSource("everyEvent")
    void everyLookedAfterEventReadsBackEqualWithIsoDates(Object event) throws Exception {
        String stored = json.writeValueAsString(event);

        assertThat(stored).contains("\"childId\":\"c-1\"").doesNotContain("[2026");
        assertThat(json.readValue(stored, event.getClass())).isEqualTo(event);
    }

    @Test
    void aReviewIsStoredWithItsCodesListsAndChairByName() throws Exception {
        var held = new LookedAfterReviewHeld("c-1", "p-1", "r-1", DAY, ParticipationCode.PN0, false,
                List.of("Stay with current carers"), List.of(), "iro.ahmed", "Aisha Ahmed");

        String stored = json.writeValueAsString(held);

        assertThat(stored).contains("\"heldOn\":\"2026-03-03\"", "\"participation\":\"PN0\"",
                "\"spokeToChildBeforehand\":false", "\"decisions\":[\"Stay with current carers\"]",
                "\"recommendations\":[]", "\"iroName\":\"Aisha Ahmed\"");
    }

    @Test
    void storedVisitFromAnEarlierReleaseStillReads() throws Exception {
        String stored = """
                {"childId":"c-1","periodId":"p-1","visitedOn":"2026-01-05","faceToFace":true,"iroId":"iro.ahmed"}""";

        IroVisitRecorded visit = json.readValue(stored, IroVisitRecorded.class);

        assertThat(visit.faceToFace()).isTrue();
        assertThat(visit.visitedOn()).isEqualTo(LocalDate.of(2026, 1, 5));
    }

    @Test
    void aPeriodStartedWithoutAPlacementStoresANullPlacement() throws Exception {
        String stored = json.writeValueAsString(new PeriodOfCareStarted("c-1", "p-1", DAY, LegalStatus.L2, null));

        assertThat(stored).contains("\"legalStatus\":\"L2\"", "\"placement\":null");
    }

    @Test
    void aReviewStoredWithoutListsReadsAsHavingNone() throws Exception {
        String stored = """
                {"childId":"c-1","periodId":"p-1","reviewId":"r-1","heldOn":"2026-03-03","participation":"PN1",
                 "spokeToChildBeforehand":true,"iroId":"iro.ahmed","iroName":"Aisha Ahmed"}""";

        LookedAfterReviewHeld held = json.readValue(stored, LookedAfterReviewHeld.class);

        assertThat(held.decisions()).isEmpty();
        assertThat(held.recommendations()).isEmpty();
    }

    @Test
    void x1CannotEndAPeriodBecauseItMeansTheCareContinues() {
        assertThat(Arrays.stream(ReasonPeriodEnded.values()).map(Enum::name)).doesNotContain("X1").hasSize(21);
        assertThatThrownBy(() -> json.readValue("""
                {"childId":"c-1","periodId":"p-1","endedOn":"2026-03-03","reason":"X1"}""", PeriodOfCareEnded.class))
                .isInstanceOf(InvalidFormatException.class);
    }

    @Test
    void onlyV3AndV4AreShortBreakStatuses() {
        assertThat(Arrays.stream(LegalStatus.values()).filter(LegalStatus::isShortBreak))
                .containsExactly(LegalStatus.V3, LegalStatus.V4);
        assertThat(LegalStatus.values()).hasSize(13);
    }

    @Test
    void onlyPn0DescribesAChildUnderFour() {
        assertThat(Arrays.stream(ParticipationCode.values()).filter(ParticipationCode::forChildUnderFour))
                .containsExactly(ParticipationCode.PN0);
    }
}
