package org.oversight.command.web;

import java.util.List;
import java.util.Map;

/**
 * How a form lays out a request record whose inputs it cannot name by the record's own binding paths: a
 * one-child conference form takes the other children decided at the same conference in rows of inputs with a
 * prefix ({@code sibling2-outcome}), which the record holds as {@code decisions[1].outcome}. The data binder
 * then binds the renamed inputs; refusals are reported against the inputs the chair typed into.
 */
public interface FormLayout {

    /** The posted inputs under the record's binding paths; anything not renamed is kept as posted. */
    Map<String, List<String>> toRecord(Map<String, String[]> inputs, Map<String, String> pathVariables);

    /** The input a command's field was typed into, or {@code null} when the form has no input for it. */
    String toInput(String field, Map<String, String[]> inputs);

    /**
     * What was typed, as the form shows it again after a refusal: the inputs as posted unless the layout moves
     * them (rows left blank taken out, so that a problem with the i-th row is shown on the i-th row).
     */
    default Map<String, String[]> asTyped(Map<String, String[]> inputs) {
        return inputs;
    }

    /**
     * The label of a field the layout puts together from inputs of its own, for a record whose type is not the
     * web's to annotate ({@link FormLabel}); {@code null} to use the record's own.
     */
    default String label(String path) {
        return null;
    }

    /** The form names every input as the record does. */
    final class AsRecord implements FormLayout {

        @Override
        public Map<String, List<String>> toRecord(Map<String, String[]> inputs, Map<String, String> pathVariables) {
            Map<String, List<String>> same = new java.util.LinkedHashMap<>();
            inputs.forEach((name, values) -> same.put(name, List.of(values)));
            return same;
        }

        @Override
        public String toInput(String field, Map<String, String[]> inputs) {
            return field;
        }
    }
}
