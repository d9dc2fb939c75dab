package org.oversight.events.fields;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One definition of every kind of text a decision carries: its longest length and the characters it may hold.
 * Commands are checked against these rules before any event is recorded, so every event field documented with
 * one of them holds only text that meets it; projection columns are unbounded so that they can never be
 * narrower than a rule.
 *
 * <p>Every kind of text refuses what a reader cannot see or that changes what others see: control characters
 * (only multi-line free text keeps line breaks and tabs), characters that override the direction of the text
 * around them, broken UTF-16 and text made of nothing but spaces and invisible characters. Text is compared
 * and stored in Unicode normalisation form C; the ways in (forms and JSON) normalise it before it is checked.
 */
public enum FieldRule {

    /**
     * A person's given or family name: letters (any script), digits, spaces and the punctuation names are written
     * with (a known-as name in quotation marks among it); never the symbols of markup or of spreadsheet formulae.
     */
    PERSON_NAME("person-name", 100, Shape.NAME,
            Pattern.compile("[\\p{L}\\p{M}\\p{N} '\u2019\u2018\"\u201C\u201D.,()\\-\u2010]+"),
            "can only contain letters, numbers, spaces, hyphens, apostrophes, quotation marks and full stops"),
    /** A short line of text naming someone or something: who responded, who owns an action, an agency. */
    SHORT_TEXT("short-text", 200, Shape.LINE, null, null),
    /** Free text in a chair's own words, on several lines if need be: reasons, decisions, actions, notes. */
    FREE_TEXT("free-text", 2000, Shape.LINES, null, null),
    /**
     * The identifier of a record (a child's case, period of care, review, action, enquiry, conference,
     * escalation): what the service and the generator draw are UUIDs, optionally after a short prefix.
     */
    IDENTIFIER("identifier", 64, Shape.LINE, Pattern.compile("[A-Za-z0-9-]+"),
            "can only contain letters, numbers and hyphens"),
    /** The local authority's own identifier for a child (SSDA903 {@code CHILD}). */
    LOCAL_IDENTIFIER("local-identifier", 20, Shape.LINE, Pattern.compile("[A-Za-z0-9-]+"),
            "can only contain letters, numbers and hyphens"),
    /** The username of a member of staff (chairs, IROs). */
    USERNAME("username", 100, Shape.LINE, Pattern.compile("[A-Za-z0-9._@-]+"),
            "can only contain letters, numbers, full stops, hyphens, underscores and @"),
    /** A code from a fixed list: a local authority, an escalation level or concern, an SSDA903 code. */
    CODE("code", 40, Shape.LINE, Pattern.compile("[A-Za-z0-9_-]+"),
            "must be one of the codes offered");

    private final String code;
    private final int maxLength;
    private final Shape shape;
    private final Pattern allowed;
    private final String allowedInWords;

    FieldRule(String code, int maxLength, Shape shape, Pattern allowed, String allowedInWords) {
        this.code = code;
        this.maxLength = maxLength;
        this.shape = shape;
        this.allowed = allowed;
        this.allowedInWords = allowedInWords;
    }

    /** The rule's stable code, e.g. {@code free-text}; each breach extends it ({@code free-text-too-long}). */
    public String code() {
        return code;
    }

    /** The most characters (UTF-16 code units, as Java and JSON clients count them) a value may have. */
    public int maxLength() {
        return maxLength;
    }

    /** Whether line breaks and tabs are allowed. */
    public boolean multiLine() {
        return shape == Shape.LINES;
    }

    /**
     * Checks a value. {@code null} and the empty string pass: whether a value is required is the command's
     * concern, said once, in its own words.
     *
     * @return the first way the value breaks this rule, if it does
     */
    public Optional<FieldBreach> check(String value) {
        if (value == null || value.isEmpty()) {
            return Optional.empty();
        }
        if (value.length() > maxLength) {
            return breach(Breach.TOO_LONG, "must be " + maxLength + " characters or fewer");
        }
        boolean visible = false;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isSurrogate(c)) {
                if (Character.isHighSurrogate(c) && i + 1 < value.length()
                        && Character.isLowSurrogate(value.charAt(i + 1))) {
                    visible |= !invisible(value.codePointAt(i));
                    i++;
                    continue;
                }
                return breach(Breach.MALFORMED, "contains characters that are not valid text");
            }
            if (c == 0 || isControl(c) && !(shape == Shape.LINES && (c == '\n' || c == '\r' || c == '\t'))) {
                return breach(Breach.CONTROL_CHARACTER, shape == Shape.LINES
                        ? "cannot contain hidden control characters"
                        : "must be on one line, without hidden control characters");
            }
            if (isDirectionControl(c)) {
                return breach(Breach.DIRECTION_CONTROL,
                        "cannot contain hidden characters that change the direction of the text");
            }
            visible |= !invisible(c);
        }
        if (!visible) {
            return breach(Breach.INVISIBLE_ONLY, "must contain visible text, not only spaces or invisible characters");
        }
        if (allowed != null && !allowed.matcher(value).matches()) {
            return breach(Breach.NOT_ALLOWED, allowedInWords);
        }
        return Optional.empty();
    }

    /** Whether the value meets this rule. */
    public boolean allows(String value) {
        return check(value).isEmpty();
    }

    private Optional<FieldBreach> breach(Breach breach, String predicate) {
        return Optional.of(new FieldBreach(this, code + "-" + breach.suffix, predicate));
    }

    /** C0 and C1 controls and DEL. */
    private static boolean isControl(char c) {
        return c < 0x20 || c >= 0x7F && c <= 0x9F;
    }

    /**
     * The embeddings, overrides and isolates (U+202A-U+202E, U+2066-U+2069), which can make text read
     * differently from what is stored; for names also the invisible direction marks (U+200E, U+200F, U+061C).
     */
    private boolean isDirectionControl(char c) {
        if (c >= '\u202A' && c <= '\u202E' || c >= '\u2066' && c <= '\u2069') {
            return true;
        }
        return shape == Shape.NAME && (c == '\u200E' || c == '\u200F' || c == '\u061C');
    }

    /** Whitespace, format characters (zero-width spaces and joiners among them) and the blank fillers. */
    private static boolean invisible(int codePoint) {
        return Character.isWhitespace(codePoint) || Character.isSpaceChar(codePoint)
                || Character.getType(codePoint) == Character.FORMAT || Character.isISOControl(codePoint)
                || codePoint == 0x034F || codePoint == 0x115F || codePoint == 0x1160 || codePoint == 0x2800
                || codePoint == 0x3164 || codePoint == 0xFFA0;
    }

    private enum Shape { NAME, LINE, LINES }

    /** The ways a value can break a rule; each is a suffix of the rule's code. */
    enum Breach {
        TOO_LONG("too-long"),
        CONTROL_CHARACTER("control-character"),
        DIRECTION_CONTROL("direction-control"),
        MALFORMED("malformed"),
        INVISIBLE_ONLY("invisible"),
        NOT_ALLOWED("characters");

        private final String suffix;

        Breach(String suffix) {
            this.suffix = suffix;
        }
    }
}
