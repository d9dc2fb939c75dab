package org.oversight.deploy.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.security.web.firewall.StrictHttpFirewall;

/**
 * The character-by-character rule agrees with Spring Security's own for every character of the basic plane alone and
 * between letters, for characters beyond it (assigned or not), for lone halves of a surrogate pair, and for
 * headers as they arrive.
 */
class HeaderCharactersTest {

    @Test
    void everyCharacterOfTheBasicPlaneIsJudgedAsSpringSecurityJudgesIt() {
        List<String> disagreements = new ArrayList<>();
        for (int c = 0; c <= 0xFFFF; c++) {
            String alone = String.valueOf((char) c);
            String between = "a" + (char) c + "b";
            for (String text : List.of(alone, between)) {
                if (HeaderCharacters.allowedName(text) != StrictHttpFirewall.ALLOWED_HEADER_NAMES.test(text)
                        || HeaderCharacters.allowedValue(text) != StrictHttpFirewall.ALLOWED_HEADER_VALUES.test(text)) {
                    disagreements.add(Integer.toHexString(c));
                }
            }
        }
        assertThat(disagreements).isEmpty();
    }

    @Test
    void charactersBeyondTheBasicPlaneAndTypicalHeadersAgreeToo() {
        List<String> texts = new ArrayList<>(List.of("", "application/json", "Bearer eyJhbGciOiJSUzI1NiJ9.e30.sig",
                "SESSION=NjZmMmU4; Path=/", "text/html,application/xhtml+xml;q=0.9", "a\tb", "\t", "a\u0000b",
                "a\u007fb", "a\u0085b", "a\r\nb", "caf\u00e9", "\ud83d\ude00", "x\ud83d\ude00y", "\ud800",
                "a\udc00b", "\ud83dx"));
        for (int codePoint = 0x10000; codePoint <= 0x10FFFF; codePoint += 0x3FF) {
            texts.add(new String(Character.toChars(codePoint)));
        }
        texts.add(new String(Character.toChars(0xE0001)));
        texts.add(new String(Character.toChars(0x10FFFF)));
        for (String text : texts) {
            assertThat(HeaderCharacters.allowedName(text)).as("name %s", text.codePoints().boxed().toList())
                    .isEqualTo(StrictHttpFirewall.ALLOWED_HEADER_NAMES.test(text));
            assertThat(HeaderCharacters.allowedValue(text)).as("value %s", text.codePoints().boxed().toList())
                    .isEqualTo(StrictHttpFirewall.ALLOWED_HEADER_VALUES.test(text));
        }
    }

    @Test
    void aControlCharacterIsRefusedAndATabOnlyInAValue() {
        assertThat(HeaderCharacters.allowedValue("a\tb")).isTrue();
        assertThat(HeaderCharacters.allowedName("a\tb")).isFalse();
        assertThat(HeaderCharacters.allowedValue("a\u0001b")).isFalse();
        assertThat(HeaderCharacters.allowedValue("\u0378")).isFalse();
    }
}
