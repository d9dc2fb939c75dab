package org.oversight.deploy.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.oversight.deploy.embedded.DemoPeople;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/** The password rule, after the NCSC's guidance: length and a deny list, no composition rules. */
class PasswordRuleTest {

    private final PasswordRule rule = new PasswordRule();

    @Test
    void theDemoPasswordIsAccepted() {
        assertThat(rule.check("chair.brown", DemoPeople.DEMO_PASSWORD)).isEmpty();
    }

    @Test
    void aPasswordShorterThanTwelveCharactersIsRefused() {
        assertThat(brokenRule("kx7-plum-fig")).isEmpty();
        assertThat(brokenRule("kx7-plum-fi")).hasValue("password-too-short");
        assertThat(brokenRule("")).hasValue("password-too-short");
        assertThat(brokenRule(null)).hasValue("password-too-short");
    }

    @Test
    void lengthIsCountedInCharactersNotBytes() {
        assertThat(brokenRule("ééééé-ñandú")).hasValue("password-too-short");
        assertThat(brokenRule("ééééé-ñandúx")).isEmpty();
    }

    @Test
    void threeRandomWordsInLowerCaseAreEnoughWithoutDigitsCapitalsOrSymbols() {
        assertThat(brokenRule("lantern orchard pebble")).isEmpty();
        assertThat(brokenRule("lanternorchardpebble")).isEmpty();
    }

    @Test
    void aPasswordLongerThanBcryptReadsIsRefused() {
        String seventyTwo = "a-long-phrase-of-words-".repeat(4).substring(0, 72);
        assertThat(brokenRule(seventyTwo)).isEmpty();
        assertThat(brokenRule(seventyTwo + "s")).hasValue("password-too-long");
    }

    @Test
    void aCommonPasswordIsRefusedWhateverItsCaseAndTrailingDigitsOrSymbols() {
        assertThat(brokenRule("password1234")).hasValue("password-commonly-used");
        assertThat(brokenRule("Password2024!")).hasValue("password-commonly-used");
        assertThat(brokenRule("LIVERPOOL1892")).hasValue("password-commonly-used");
        assertThat(brokenRule("qwertyuiop123")).hasValue("password-commonly-used");
        assertThat(brokenRule("123456789012")).hasValue("password-commonly-used");
        assertThat(brokenRule("Safeguarding2025")).hasValue("password-commonly-used");
    }

    @Test
    void aPasswordOfOneOrTwoRepeatedCharactersIsRefused() {
        assertThat(brokenRule("zzzzzzzzzzzzzz")).hasValue("password-commonly-used");
        assertThat(brokenRule("xyxyxyxyxyxyxy")).hasValue("password-commonly-used");
    }

    @Test
    void aPasswordContainingTheUsernameIsRefused() {
        assertThat(rule.check("fran.ford", "my-name-is-Fran.Ford").map(PasswordRefused::rule))
                .hasValue("password-contains-username");
        assertThat(rule.check("fran.ford", "lantern orchard pebble")).isEmpty();
    }

    @Test
    void theRuleIsCheckedWhereAPasswordIsSetAndTheHashIsBcrypt() {
        LocalPasswords passwords = new LocalPasswords(rule, new BCryptPasswordEncoder());

        assertThatThrownBy(() -> passwords.hash("iloveyou2024")).isInstanceOf(PasswordRefused.class)
                .hasMessageContaining("many people use");
        assertThat(passwords.hash("lantern orchard pebble")).startsWith("$2a$");
    }

    private Optional<String> brokenRule(String password) {
        return rule.check(null, password).map(PasswordRefused::rule);
    }
}
