package org.oversight.events.fields;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

class FieldRuleTest {

    private static String breach(FieldRule rule, String value) {
        return rule.check(value).map(FieldBreach::code).orElse("none");
    }

    @ParameterizedTest
    @EnumSource(FieldRule.class)
    void absentAndEmptyValuesAreLeftToTheCommandsOwnPresenceCheck(FieldRule rule) {
        assertThat(rule.check(null)).isEmpty();
        assertThat(rule.check("")).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(FieldRule.class)
    void aValueOfExactlyTheMaximumLengthIsAllowedAndOneMoreIsNot(FieldRule rule) {
        assertThat(breach(rule, "A".repeat(rule.maxLength()))).isEqualTo("none");
        assertThat(breach(rule, "A".repeat(rule.maxLength() + 1))).isEqualTo(rule.code() + "-too-long");
    }

    @Test
    void theLimitsArePublished() {
        assertThat(FieldRule.PERSON_NAME.maxLength()).isEqualTo(100);
        assertThat(FieldRule.SHORT_TEXT.maxLength()).isEqualTo(200);
        assertThat(FieldRule.FREE_TEXT.maxLength()).isEqualTo(2000);
        assertThat(FieldRule.IDENTIFIER.maxLength()).isEqualTo(64);
        assertThat(FieldRule.LOCAL_IDENTIFIER.maxLength()).isEqualTo(20);
        assertThat(FieldRule.USERNAME.maxLength()).isEqualTo(100);
        assertThat(FieldRule.CODE.maxLength()).isEqualTo(40);
    }

    @ParameterizedTest
    @EnumSource(FieldRule.class)
    void aNulByteIsNeverText(FieldRule rule) {
        assertThat(breach(rule, "Sa\u0000m")).isEqualTo(rule.code() + "-control-character");
    }

    @ParameterizedTest
    @EnumSource(FieldRule.class)
    void controlCharactersOfBothRangesAreRefused(FieldRule rule) {
        assertThat(breach(rule, "a\u0007b")).isEqualTo(rule.code() + "-control-character");
        assertThat(breach(rule, "a\u007Fb")).isEqualTo(rule.code() + "-control-character");
        assertThat(breach(rule, "a\u0085b")).isEqualTo(rule.code() + "-control-character");
        assertThat(breach(rule, "a\u009Fb")).isEqualTo(rule.code() + "-control-character");
    }

    @Test
    void onlyFreeTextKeepsLineBreaksAndTabs() {
        assertThat(breach(FieldRule.FREE_TEXT, "First line\r\nsecond\tline\n")).isEqualTo("none");
        assertThat(breach(FieldRule.SHORT_TEXT, "Team\nmanager")).isEqualTo("short-text-control-character");
        assertThat(breach(FieldRule.PERSON_NAME, "Sam\tJones")).isEqualTo("person-name-control-character");
    }

    @ParameterizedTest
    @CsvSource({"202A", "202B", "202C", "202D", "202E", "2066", "2067", "2068", "2069"})
    void directionOverridesAndIsolatesAreRefusedEverywhere(String hex) {
        String control = String.valueOf((char) Integer.parseInt(hex, 16));
        for (FieldRule rule : FieldRule.values()) {
            assertThat(breach(rule, "abc" + control + "def")).isEqualTo(rule.code() + "-direction-control");
        }
    }

    @Test
    void directionMarksAreRefusedInNamesButMayStandInFreeText() {
        assertThat(breach(FieldRule.PERSON_NAME, "Sam\u200F")).isEqualTo("person-name-direction-control");
        assertThat(breach(FieldRule.PERSON_NAME, "\u200ESam")).isEqualTo("person-name-direction-control");
        // right-to-left writers use the marks legitimately in running text
        assertThat(breach(FieldRule.FREE_TEXT, "\u05E9\u05DC\u05D5\u05DD\u200F (agreed)")).isEqualTo("none");
    }

    @Test
    void anUnpairedSurrogateIsBrokenText() {
        assertThat(breach(FieldRule.FREE_TEXT, "a\uD83Db")).isEqualTo("free-text-malformed");
        assertThat(breach(FieldRule.FREE_TEXT, "a\uDE00")).isEqualTo("free-text-malformed");
        assertThat(breach(FieldRule.FREE_TEXT, "agreed \uD83D\uDE00")).isEqualTo("none");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            zero-width spaces              | \u200B\u200B\u200B
            spaces                         | '   '
            a no-break space and a joiner  | \u00A0\u200D
            a byte order mark              | \uFEFF
            hangul fillers                 | \u3164\u115F
            """)
    void textOfNothingVisibleIsRefused(String what, String value) {
        assertThat(breach(FieldRule.PERSON_NAME, value)).as(what).isEqualTo("person-name-invisible");
        assertThat(breach(FieldRule.FREE_TEXT, value)).as(what).isEqualTo("free-text-invisible");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            Sam
            Mary-Jane
            O'Brien
            D\u2019Souza
            Zo\u00EB
            \u674E\u534E
            \u0645\u062D\u0645\u062F
            St. John
            Baby 2
            """)
    void namesFromEveryScriptAreAllowed(String name) {
        assertThat(FieldRule.PERSON_NAME.check(name)).isEqualTo(Optional.empty());
    }

    @Test
    void aKnownAsNameInQuotationMarksIsAllowed() {
        assertThat(FieldRule.PERSON_NAME.check("O'Neill, \"Jr\"")).isEmpty();
        assertThat(FieldRule.PERSON_NAME.check("Robert \u201CBob\u201D")).isEmpty();
    }

    @Test
    void namesRefuseSymbolsThatAreNoPartOfAName() {
        assertThat(breach(FieldRule.PERSON_NAME, "Sam <b>")).isEqualTo("person-name-characters");
        assertThat(breach(FieldRule.PERSON_NAME, "=HYPERLINK()")).isEqualTo("person-name-characters");
    }

    @ParameterizedTest
    @CsvSource({
            "IDENTIFIER, 3f1c2d7e-8b9a-4c5d-9e0f-1a2b3c4d5e6f, none",
            "IDENTIFIER, escalation-3f1c2d7e-8b9a-4c5d-9e0f-1a2b3c4d5e6f, none",
            "IDENTIFIER, period/../1, identifier-characters",
            "IDENTIFIER, period 1, identifier-characters",
            "LOCAL_IDENTIFIER, A123-4, none",
            "LOCAL_IDENTIFIER, A_123, local-identifier-characters",
            "USERNAME, iro.ahmed, none",
            "USERNAME, gen.gen001.017, none",
            "USERNAME, iro ahmed, username-characters",
            "CODE, SOUTHVALE, none",
            "CODE, DIRECTOR_OF_CHILDRENS_SERVICES, none",
            "CODE, U6, none",
            "CODE, 'U 6', code-characters"})
    void identifiersUsernamesAndCodesHaveAStrictShape(FieldRule rule, String value, String expected) {
        assertThat(breach(rule, value)).isEqualTo(expected);
    }

    @Test
    void theMessageNamesTheFieldAndNeverRepeatsTheValue() {
        FieldBreach breach = FieldRule.FREE_TEXT.check("x".repeat(2001)).orElseThrow();
        assertThat(breach.message("The reason")).isEqualTo("The reason must be 2000 characters or fewer");
        FieldBreach hidden = FieldRule.PERSON_NAME.check("Secret\u202Ename").orElseThrow();
        assertThat(hidden.message("The given name")).doesNotContain("Secret");
    }

    @Test
    void textIsKeptComposed() {
        String combining = "Zoe\u0308";
        assertThat(TextNormalisation.nfc(combining)).isEqualTo("Zo\u00EB");
        assertThat(TextNormalisation.nfc(null)).isNull();
        assertThat(TextNormalisation.nfc("a\uD83Db")).isEqualTo("a\uD83Db");
    }
}
