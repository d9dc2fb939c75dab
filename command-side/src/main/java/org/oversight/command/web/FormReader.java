package org.oversight.command.web;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.oversight.events.fields.TextNormalisation;
import org.springframework.util.MultiValueMap;

/**
 * Reads a submitted form into typed values, noting what cannot be read (an impossible date, a number that is
 * not one) as problems in the user's words. Missing values read as {@code null}: whether they are required is
 * the command's shape check, so it is said once.
 */
public final class FormReader {

    private final MultiValueMap<String, String> form;
    private final List<Problem> problems = new ArrayList<>();

    public FormReader(MultiValueMap<String, String> form) {
        this.form = form;
    }

    public MultiValueMap<String, String> form() {
        return form;
    }

    /** Problems found while reading; pass them to {@link FormSubmissions#submit}. */
    public List<Problem> problems() {
        return problems;
    }

    /**
     * What was typed, stripped of leading and trailing spaces and composed (NFC): the one place form text is
     * normalised before the field rules check it. Blank reads as {@code null}.
     */
    public String text(String field) {
        String value = form.getFirst(field);
        return value == null || value.isBlank() ? null : TextNormalisation.nfc(value.strip());
    }

    /** Every non-blank value submitted under the field, each as {@link #text} reads one. */
    public List<String> all(String field) {
        List<String> values = form.get(field);
        return values == null ? List.of()
                : values.stream().filter(v -> !v.isBlank()).map(v -> TextNormalisation.nfc(v.strip())).toList();
    }

    /** A GOV.UK date input's three boxes, {@code field-day}, {@code field-month}, {@code field-year}. */
    public LocalDate date(String field, String label) {
        DateParts parts = new DateParts(form.getFirst(field + "-day"), form.getFirst(field + "-month"),
                form.getFirst(field + "-year"));
        try {
            return parts.toDate().orElse(null);
        } catch (IllegalArgumentException e) {
            problems.add(new Problem("invalid-input", field, label + " must be a real date"));
            return null;
        }
    }

    public <E extends Enum<E>> E choice(String field, Class<E> type) {
        String value = text(field);
        if (value == null) {
            return null;
        }
        try {
            return Enum.valueOf(type, value);
        } catch (IllegalArgumentException e) {
            problems.add(new Problem("invalid-input", field, "Choose one of the options given"));
            return null;
        }
    }

    public Optional<Integer> number(String field, String label) {
        String value = text(field);
        if (value == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(Integer.parseInt(value));
        } catch (NumberFormatException e) {
            problems.add(new Problem("invalid-input", field, label + " must be a whole number, like 0 or 2"));
            return Optional.empty();
        }
    }

    /** A yes/no radio answered "yes" or "no"; {@code null} when unanswered. */
    public Boolean yesNo(String field) {
        String value = text(field);
        return value == null ? null : "yes".equals(value);
    }
}
