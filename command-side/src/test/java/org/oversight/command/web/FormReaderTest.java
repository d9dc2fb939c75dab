package org.oversight.command.web;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.validation.Validation;
import jakarta.validation.ValidatorFactory;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.oversight.command.childcase.RegisterChild;
import org.springframework.util.LinkedMultiValueMap;

/**
 * What a form's text becomes before the field rules see it: stripped and composed (NFC), so that a name typed
 * with a combining accent is the same name as one typed composed; and what the rules then say of it, one problem
 * per field, each naming its rule.
 */
class FormReaderTest {

    @Test
    void textIsStrippedAndComposed() {
        LinkedMultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        form.add("givenName", "  Zoe\u0308 ");
        form.add("agencies", "Po\u0301licia");
        form.add("agencies", " ");
        FormReader read = new FormReader(form);
        assertThat(read.text("givenName")).isEqualTo("Zo\u00EB");
        assertThat(read.all("agencies")).containsExactly("P\u00F3licia");
    }

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
