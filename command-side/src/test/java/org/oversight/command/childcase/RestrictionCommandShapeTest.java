package org.oversight.command.childcase;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The shape checks a restriction passes at the edge, before the child's case sees it, in the person's words. */
class RestrictionCommandShapeTest {

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
    void aRestrictionNamesSomebodyAndSaysWhy() {
        assertThat(problems(new RestrictRecord("c-1", List.of(), " "))).containsExactly(
                "Enter why the record is restricted", "Name the people who may still see the record");
        assertThat(problems(new RestrictRecord("c-1", List.of("manager.lee"), "A staff member's child"))).isEmpty();
    }

    @Test
    void eachPersonNamedIsAUsernameAndTheListIsShort() {
        assertThat(problems(new RestrictRecord("c-1", List.of("manager.lee", " "), "Why"))).containsExactly(
                "Name each person by their username");
        assertThat(problems(new RestrictRecord("c-1", Collections.nCopies(RestrictRecord.MOST_NAMED + 1, "x"),
                "Why"))).containsExactly("Name at most 50 people");
    }

    @Test
    void liftingARestrictionSaysWhyAsFreeText() {
        assertThat(problems(new LiftRestriction("c-1", null))).containsExactly("Enter why the restriction is lifted");
        assertThat(problems(new LiftRestriction("c-1", "x".repeat(2001)))).containsExactly(
                "The reason must be 2000 characters or fewer");
    }
}
