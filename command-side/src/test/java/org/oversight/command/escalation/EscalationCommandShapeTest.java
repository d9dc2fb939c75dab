package org.oversight.command.escalation;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The shape checks made at the edge, before a command reaches the escalation: every problem a form can show at
 * once, in the chair's words. The rules themselves are pinned in {@link EscalationTest}.
 */
class EscalationCommandShapeTest {

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

    private static List<String> problems(Object command) {
        return validator.validate(command).stream().map(ConstraintViolation::getMessage).sorted().toList();
    }

    @Test
    void aNewEscalationGetsAFreshIdentifierOfTheEscalationShapeAndTidiedAnswers() {
        RaiseEscalation first = RaiseEscalation.of(List.of("c-1"), "LA1", "HEALTH", "  Arrange a health assessment ",
                false, " ", DAY, "iro.ahmed");
        RaiseEscalation second = RaiseEscalation.of(List.of("c-1"), "LA1", "HEALTH", "x", false, null, DAY,
                "iro.ahmed");

        assertThat(first.escalationId()).matches(EscalationIds.PATTERN).isNotEqualTo(second.escalationId());
        assertThat(first.asked()).isEqualTo("Arrange a health assessment");
        assertThat(first.level()).isNull();
        assertThat(problems(first)).isEmpty();
    }

    @Test
    void anEmptyRaiseFormReportsEveryMissingAnswer() {
        RaiseEscalation empty = RaiseEscalation.of(List.of(), "", "", "", true, null, null, "iro.ahmed");

        assertThat(problems(empty)).containsExactly(
                "Enter the date the escalation was raised",
                "Enter what you are asking the local authority to do",
                "Select at least one child",
                "Select the local authority",
                "Select what the concern is about");
    }

    @Test
    void anEscalationIdOfAnotherShapeIsRefused() {
        var command = new RaiseEscalation("c-1", List.of("c-1"), "LA1", "HEALTH", "x", false, null, DAY, "iro.ahmed");

        assertThat(validator.validate(command)).extracting(v -> v.getPropertyPath().toString())
                .containsExactly("escalationId");
    }

    @Test
    void closingAndReferringCommandsNeedADateAndAReason() {
        assertThat(problems(new WithdrawEscalation("escalation-1", null, " "))).containsExactly(
                "Enter the date the escalation was withdrawn", "Enter why the escalation is withdrawn");
        assertThat(problems(new ReferToCafcass("escalation-1", null, null))).containsExactly(
                "Enter the date of the referral to Cafcass", "Enter why the case is referred to Cafcass");
        assertThat(problems(new RejectEscalationResponse("escalation-1", DAY, ""))).containsExactly(
                "Enter why the response is rejected");
        assertThat(problems(new ResolveEscalation("escalation-1", DAY, "", null))).containsExactly(
                "Enter the outcome for the child",
                "Select whether the escalation was resolved in the child's interest");
    }

    @Test
    void aResponseNeedsWhoRespondedAndWhatWasAgreedButNoLevelForAnInformalAlert() {
        assertThat(problems(new RecordEscalationResponse("escalation-1", null, DAY, "Team manager", "Visit")))
                .isEmpty();
        assertThat(problems(new RecordEscalationResponse("escalation-1", "TEAM_MANAGER", DAY, " ", null)))
                .containsExactly("Enter what the response agreed to do", "Enter who responded");
    }

    @Test
    void aMoveNeedsALevelAndADateButTheReasonOnlyWhenSkipping() {
        assertThat(problems(new MoveEscalationUp("escalation-1", "SERVICE_MANAGER", DAY, null))).isEmpty();
        assertThat(problems(new MoveEscalationUp("escalation-1", "", null, "x".repeat(2001)))).containsExactly(
                "Enter the date the escalation moved up", "Select the level to escalate to",
                "The reason must be 2000 characters or fewer");
    }
}
