package org.oversight.command.web;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.validation.Validation;
import jakarta.validation.ValidatorFactory;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.oversight.command.childcase.RegisterChild;

/**
 * What the field rules say of a command's text: one problem per field, the missing value before what is wrong
 * with one given, each naming its rule, and never repeating the value. (How a form's text is stripped and
 * composed before it gets here is {@code SubmittedBindingTest}'s.)
 */
class ShapeProblemsTest {

    @Test
    void aNameHoldingANulByteIsOneProblemNamingTheRule() {
        try (ValidatorFactory factory = Validation.buildDefaultValidatorFactory()) {
            Commands commands = new Commands(null, factory.getValidator(), null);
            List<Problem> problems = commands.shapeProblems(RegisterChild.of("LA1", "A1", "Sa\u0000m", "   ",
                    LocalDate.of(2019, 5, 1), null));
            assertThat(problems).extracting(Problem::field).containsExactly("familyName", "givenName");
            assertThat(problems.get(0).rule()).isEqualTo("invalid-input");
            assertThat(problems.get(0).message()).isEqualTo("Enter the child's family name");
            assertThat(problems.get(1).rule()).isEqualTo("person-name-control-character");
            assertThat(problems.get(1).message()).startsWith("The given name must be on one line")
                    .doesNotContain("Sa");
        }
    }
}
