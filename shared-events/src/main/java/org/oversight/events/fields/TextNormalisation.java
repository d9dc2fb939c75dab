package org.oversight.events.fields;

import java.text.Normalizer;

/**
 * Text as it is kept: Unicode normalisation form C, so that the same name typed on two keyboards (an accent
 * composed or combined) is the same text, in comparisons, projections and the event store. Applied once where
 * text comes in (form fields and JSON strings), before the {@link FieldRule}s are checked.
 */
public final class TextNormalisation {

    private TextNormalisation() {
    }

    /** {@code null} stays {@code null}. Broken UTF-16 is left as it is, for the field rules to refuse. */
    public static String nfc(String text) {
        if (text == null || Normalizer.isNormalized(text, Normalizer.Form.NFC)) {
            return text;
        }
        return Normalizer.normalize(text, Normalizer.Form.NFC);
    }
}
