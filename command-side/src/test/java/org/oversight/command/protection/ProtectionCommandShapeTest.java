package org.oversight.command.protection;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.oversight.command.protection.HoldInitialConference.ChildDecision;
import org.oversight.command.protection.HoldReviewConference.ReviewDecision;
import org.oversight.events.protection.CategoryOfAbuse;
import org.oversight.events.protection.ChildsView;
import org.oversight.events.protection.ConferenceOutcome;
import org.oversight.events.protection.ConferenceType;
import org.oversight.events.protection.ViewsConveyed;

/** The shape checks the HTTP edge runs before a command reaches the rules: each names the field it concerns. */
class ProtectionCommandShapeTest {

    private static final ValidatorFactory FACTORY = Validation.buildDefaultValidatorFactory();
    private static final ChildsView SPOKE = new ChildsView(true, ViewsConveyed.ATTENDED_SPOKE_FOR_SELF);

    private final Validator validator = FACTORY.getValidator();

    @AfterAll
    static void close() {
        FACTORY.close();
    }

    private Map<String, String> problems(Object command) {
        return validator.validate(command).stream().collect(Collectors.toMap(
                violation -> violation.getPropertyPath().toString(), ConstraintViolation::getMessage));
    }

    @Test
    void aWellFormedConferenceHasNoProblems() {
        assertThat(problems(new HoldInitialConference("k-1", ConferenceType.INITIAL, LocalDate.of(2026, 3, 3),
                List.of("Children's social care"), "chair.brown",
                List.of(new ChildDecision("c-1", "e-1", ConferenceOutcome.PLAN, CategoryOfAbuse.NEG, 0, SPOKE)))))
                .isEmpty();
    }

    @Test
    void eachChildsDecisionIsCheckedWhereItStands() {
        var conference = new HoldInitialConference("k-1", ConferenceType.INITIAL, LocalDate.of(2026, 3, 3),
                List.of("Children's social care", " "), "chair.brown", List.of(
                        new ChildDecision("c-1", "e-1", ConferenceOutcome.PLAN, CategoryOfAbuse.NEG, 0, SPOKE),
                        new ChildDecision("c-2", "e-2", null, null, -1, null)));

        assertThat(problems(conference)).containsOnly(
                Map.entry("decisions[1].outcome", "Select whether the child becomes subject to a plan"),
                Map.entry("decisions[1].previousPlans", "The number of previous plans cannot be negative"),
                Map.entry("decisions[1].childsView", "Record how the child's views reached the conference"),
                Map.entry("attendingAgencies[1].<list element>", "must not be blank"));
    }

    @Test
    void aConferenceDecidesForAtLeastOneChild() {
        assertThat(problems(new HoldReviewConference("k-2", LocalDate.of(2026, 6, 2), List.of(), "chair.brown",
                List.of()))).containsOnly(Map.entry("decisions", "Record the decision for at least one child"));
    }

    @Test
    void aReviewDecisionRecordsTheChildsView() {
        assertThat(problems(new HoldReviewConference("k-2", LocalDate.of(2026, 6, 2), List.of(), "chair.brown",
                List.of(new ReviewDecision("c-1", true, null, null, null)))))
                .containsOnlyKeys("decisions[0].childsView");
    }

    @Test
    void aCorrectionNeedsAReason() {
        assertThat(problems(new CorrectConferenceDate("c-1", "k-1", LocalDate.of(2026, 3, 2), " ")))
                .containsOnly(Map.entry("reason", "Enter why the recorded date was wrong"));
    }
}
