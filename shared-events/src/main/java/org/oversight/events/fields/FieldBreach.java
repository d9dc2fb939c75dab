package org.oversight.events.fields;

/**
 * How a value breaks a {@link FieldRule}. A plain class rather than a record: records in this module are the
 * events and their values, and this is neither.
 */
public final class FieldBreach {

    private final FieldRule fieldRule;
    private final String code;
    private final String predicate;

    /**
     * @param fieldRule the rule broken
     * @param code      the stable code of the breach, e.g. {@code person-name-direction-control}
     * @param predicate what the value must be, in a chair's words, to follow the field's own name: "The reason"
     *                  + " must be 2000 characters or fewer". Never contains the value itself.
     */
    FieldBreach(FieldRule fieldRule, String code, String predicate) {
        this.fieldRule = fieldRule;
        this.code = code;
        this.predicate = predicate;
    }

    public FieldRule fieldRule() {
        return fieldRule;
    }

    public String code() {
        return code;
    }

    public String predicate() {
        return predicate;
    }

    /** The message for a field named as a chair knows it, e.g. "The reason". */
    public String message(String label) {
        return label + " " + predicate;
    }

    @Override
    public String toString() {
        return code;
    }
}
