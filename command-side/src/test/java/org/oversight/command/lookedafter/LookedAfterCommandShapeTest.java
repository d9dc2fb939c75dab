package org.oversight.command.lookedafter;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.oversight.command.lookedafter.HoldLookedAfterReview.AgreedAction;
import org.oversight.events.lookedafter.LegalStatus;
import org.oversight.events.lookedafter.ParticipationCode;

/**
 * The shape checks made at the edge, before a command reaches the journey: every problem a form can show at
 * once, by field, in the IRO's words. The rules themselves are pinned in the journey's fixture tests.
 */
class LookedAfterCommandShapeTest {

    private static final LocalDate DAY = LocalDate.of(2026, 3, 3);
    private static ValidatorFactory factory;
    private static Validator validator;

    @BeforeAll
    static void startValidator() {
        factory = Validation.buildDefaultValidatorFactory();
        validator = factory.getValidator();
    }

    @AfterAll
    static void closeValidator() {
        factory.close();
    }

    private static Map<String, String> problems(Object command) {
        Map<String, String> byField = new TreeMap<>();
        for (ConstraintViolation<Object> violation : validator.validate(command)) {
            byField.put(violation.getPropertyPath().toString(), violation.getMessage());
        }
        return byField;
    }

    @Test
    void aNewPeriodGetsAFreshIdentifierAndATidiedPlacementCode() {
        StartPeriodOfCare first = StartPeriodOfCare.of("c-1", DAY, LegalStatus.C1, " u6 ");
        StartPeriodOfCare second = StartPeriodOfCare.of("c-1", DAY, LegalStatus.C1, "");

        assertThat(first.periodId()).isNotBlank().isNotEqualTo(second.periodId());
        assertThat(first.placement()).isEqualTo("U6");
        assertThat(second.placement()).isNull();
        assertThat(problems(first)).isEmpty();
        assertThat(problems(second)).isEmpty();
    }

    @Test
    void anEmptyStartFormReportsEveryMissingAnswer() {
        assertThat(problems(new StartPeriodOfCare("c-1", "p-1", null, null, "Foster carer"))).containsOnly(
                Map.entry("startedOn", "Enter the date the child started to be looked after"),
                Map.entry("legalStatus", "Select the legal status the child is looked after under"),
                Map.entry("placement", "Enter the placement as its SSDA903 placement type code, such as U6"));
    }

    @Test
    void aPeriodEndsOnlyWithAReason() {
        assertThat(problems(new EndPeriodOfCare("c-1", DAY, null)))
                .containsOnly(Map.entry("reason", "Select why the child stopped being looked after"));
    }

    @Test
    void aMoveNeedsThePlacementCode() {
        assertThat(problems(ChangePlacement.of("c-1", DAY, " ")))
                .containsOnly(Map.entry("placement", "Enter the new placement's SSDA903 placement type code"));
    }

    @Test
    void aReviewFormReportsEachIncompleteActionByItsPlace() {
        HoldLookedAfterReview review = HoldLookedAfterReview.of("c-1", DAY, null, true, List.of("Stay put"),
                List.of(" "), "", List.of(new AgreedAction("Book a dental check", "Social worker", DAY),
                        new AgreedAction("", " ", null)));

        assertThat(review.reviewId()).isNotBlank();
        assertThat(problems(review)).containsOnly(
                Map.entry("participation", "Select how the child took part in the review"),
                Map.entry("recommendations[0].<list element>", "A recommendation cannot be blank"),
                Map.entry("iroId", "Select the IRO who chaired the review"),
                Map.entry("actions[1].action", "Describe the action"),
                Map.entry("actions[1].owner", "Enter who is responsible for the action"),
                Map.entry("actions[1].dueOn", "Enter the date the action is due"));
    }

    @Test
    void aReviewWithoutListsHasNoDecisionsRecommendationsOrActions() {
        HoldLookedAfterReview review = new HoldLookedAfterReview("c-1", "r-1", DAY, ParticipationCode.PN0, false,
                null, null, "iro.ahmed", null);

        assertThat(review.decisions()).isEmpty();
        assertThat(review.recommendations()).isEmpty();
        assertThat(review.actions()).isEmpty();
        assertThat(problems(review)).isEmpty();
    }

    @Test
    void changesCancellationsAndCorrectionsAskWhy() {
        assertThat(problems(new ChangeAction("c-1", "a-1", "Book", "Carer", DAY, " ", DAY)))
                .containsOnly(Map.entry("reason", "Enter why the action is changing"));
        assertThat(problems(new CancelAction("c-1", "a-1", DAY, null)))
                .containsOnly(Map.entry("reason", "Enter why the action is cancelled"));
        assertThat(problems(new CorrectReviewDate("c-1", "r-1", DAY, "")))
                .containsOnly(Map.entry("reason", "Enter why the recorded date was wrong"));
        assertThat(problems(new CorrectParticipation("c-1", "r-1", ParticipationCode.PN2, "")))
                .containsOnly(Map.entry("reason", "Enter why the recorded participation was wrong"));
    }

    @Test
    void monitoringNamesTheIro() {
        assertThat(problems(new RecordIroVisit("c-1", DAY, true, " ")))
                .containsOnly(Map.entry("iroId", "Select the IRO who visited"));
    }
}
