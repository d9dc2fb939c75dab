package org.oversight.query.web;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What a form page needs after a refused submission: the problems (as the command side reported them) and
 * what the user typed. Empty on a first visit.
 */
public record FormState(Map<String, List<String>> typed, List<Map<String, String>> errors) {

    /** The refused submission in the model if there is one, else a first visit with these values filled in. */
    public static FormState of(Map<String, ?> model, Map<String, List<String>> defaults) {
        FormState state = of(model);
        return state.typed().isEmpty() && state.errors().isEmpty() ? new FormState(defaults, List.of()) : state;
    }

    public static FormState of(Map<String, ?> model) {
        @SuppressWarnings("unchecked")
        Map<String, List<String>> typed = (Map<String, List<String>>) model.get("form");
        @SuppressWarnings("unchecked")
        List<Map<String, String>> errors = (List<Map<String, String>>) model.get("errors");
        return new FormState(typed == null ? Map.of() : typed, errors == null ? List.of() : errors);
    }

    public String value(String field) {
        return value(field, "");
    }

    /** What was typed into the field, or {@code otherwise} on a first visit. */
    public String value(String field, String otherwise) {
        List<String> values = typed.get(field);
        return values == null || values.isEmpty() ? otherwise : values.get(0);
    }

    /** Every value submitted under the field (checkboxes). */
    public List<String> values(String field) {
        return typed.getOrDefault(field, List.of());
    }

    /** Whether a checkbox or radio with this value was chosen, or should be by default on a first visit. */
    public boolean chosen(String field, String value, boolean byDefault) {
        return typed.isEmpty() ? byDefault : values(field).contains(value);
    }

    public boolean hasErrors() {
        return !errors.isEmpty();
    }

    public boolean hasError(String field) {
        return error(field) != null;
    }

    /** The first message about the field, or {@code null}. */
    public String error(String field) {
        return errors.stream().filter(e -> Objects.equals(field, e.get("field"))).map(e -> e.get("message"))
                .findFirst().orElse(null);
    }

    /** The id of the input an error summary link should jump to (date inputs jump to their day box). */
    public String anchor(Map<String, String> error, String dateFields) {
        String field = error.get("field");
        if (field == null) {
            return "main-content";
        }
        boolean date = dateFields != null && List.of(dateFields.split(",")).contains(field);
        return date ? field + "-day" : field;
    }
}
