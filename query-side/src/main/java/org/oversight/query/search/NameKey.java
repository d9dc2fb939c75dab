package org.oversight.query.search;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A name as a search compares it: without accents, in lower case, and without hyphens, apostrophes, spaces or
 * any other mark between the letters, so that "Zoë O'Brien-Smith" and "zoe obrien smith" are the same name. The
 * names recorded and the names typed are both put in this form before they are compared.
 */
public final class NameKey {

    /** Accents and other marks that compatibility decomposition separates from their letters. */
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    /** Everything but letters and digits: spaces, hyphens, apostrophes of every kind, full stops. */
    private static final Pattern BETWEEN_LETTERS = Pattern.compile("[^\\p{L}\\p{N}]+");
    /** Letters that decomposition leaves alone, as they are commonly written without their mark. */
    private static final Map<Integer, String> PLAIN = Map.of(
            (int) 'ø', "o", (int) 'æ', "ae", (int) 'œ', "oe", (int) 'ß', "ss", (int) 'ł', "l",
            (int) 'đ', "d", (int) 'ð', "d", (int) 'þ', "th", (int) 'ı', "i", (int) 'ħ', "h");

    private NameKey() {
    }

    public static String of(String name) {
        if (name == null) {
            return "";
        }
        String unmarked = MARKS.matcher(Normalizer.normalize(name, Normalizer.Form.NFKD)).replaceAll("");
        String lower = unmarked.toLowerCase(Locale.ROOT);
        StringBuilder plain = new StringBuilder(lower.length());
        lower.codePoints().forEach(c -> {
            String replacement = PLAIN.get(c);
            if (replacement == null) {
                plain.appendCodePoint(c);
            } else {
                plain.append(replacement);
            }
        });
        return BETWEEN_LETTERS.matcher(plain).replaceAll("");
    }
}
