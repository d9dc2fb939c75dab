package org.oversight.command.fields;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The shapes a phone number and a web address printed in a letter to a child must have. */
class PhoneNumberAndWebAddressTest {

    private static final Validator VALIDATOR = Validation.buildDefaultValidatorFactory().getValidator();

    record Contact(@PhoneNumber("The phone number") String phone, @WebAddress("The web address") String web) {
    }

    @ParameterizedTest
    @ValueSource(strings = {"0800 1111", "08001111", "01632 960 001", "020 7946 0018", "(01632) 960001",
            "07700-900-123", "+44 20 7946 0018", "+44 (0)20 7946 0018", "+447700900123"})
    void ukNumbersAsPeopleWriteThemAreAllowed(String phone) {
        assertThat(PhoneNumber.Check.isPhoneNumber(phone)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"0800 111", "012345678901", "1632 960001", "+1 202 555 0101", "+44 0 20 7946 0018",
            "0800 1111 ext 2", "ring 0800 1111", "=0800 1111", "0800\u00A01111", "+", "()", "0800 1111;"})
    void anythingElseIsRefused(String phone) {
        assertThat(PhoneNumber.Check.isPhoneNumber(phone)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://www.example.org.uk/advocacy", "HTTPS://example.org.uk",
            "https://example.org.uk/complaints?about=care#form"})
    void wholeHttpsAddressesToANamedHostAreAllowed(String web) {
        assertThat(WebAddress.Check.isWebAddress(web)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://www.example.org.uk", "www.example.org.uk", "javascript:alert(1)",
            "data:text/html,hello", "https://localhost/advocacy", "https://user:secret@example.org.uk/",
            "https://example.org.uk/a b", "https:///advocacy", "https://.example.org.uk", "ftp://example.org.uk"})
    void otherAddressesAreRefused(String web) {
        assertThat(WebAddress.Check.isWebAddress(web)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   "})
    void absentAndBlankValuesAreLeftToThePresenceCheck(String value) {
        assertThat(VALIDATOR.validate(new Contact(value, value))).isEmpty();
        assertThat(VALIDATOR.validate(new Contact(null, null))).isEmpty();
    }

    @org.junit.jupiter.api.Test
    void aRefusalNamesItsRuleAndTheFieldWithoutRepeatingTheValue() {
        Set<ConstraintViolation<Contact>> violations = VALIDATOR.validate(new Contact("call 999", "www.x.org"));

        assertThat(violations).extracting(v -> FieldRuleValidator.breachCode(v).orElseThrow())
                .containsExactlyInAnyOrder(PhoneNumber.RULE, WebAddress.RULE);
        assertThat(violations).extracting(ConstraintViolation::getMessage).containsExactlyInAnyOrder(
                "The phone number must be a UK phone number, like 0800 1111 or 01632 960 001",
                "The web address must be a whole web address beginning https://, like "
                        + "https://www.example.org.uk/advocacy");
    }
}
