package org.oversight.events.fields;

/**
 * How a value breaks a {@link FieldRule}.
 *
 * @param fieldRule the rule broken
 * @param code      the stable code of the breach, e.g. {@code person-name-direction-control}
 * @param predicate what the value must be, in a chair's words, to follow the field's own name: "The reason"
 *                  + " must be 2000 characters or fewer". Never contains the value itself.
 */
public record FieldBreach(FieldRule fieldRule, String code, String predicate) {

    /** The message for a field named as a chair knows it, e.g. "The reason". */
    public String message(String label) {
        return label + " " + predicate;
    }
}
