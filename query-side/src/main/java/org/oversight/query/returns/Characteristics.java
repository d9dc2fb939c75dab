package org.oversight.query.returns;

import java.util.List;

/**
 * What a return says about the child as a person, in the codes of the collection: sex, ethnicity, unique pupil
 * number and disabilities. Any of them may be unknown ({@code null}, or no disabilities), and the exports then
 * leave the field empty for the council to complete.
 *
 * @param sex          the collection's code for the child's sex ({@code M}, {@code F}, {@code U}; the census
 *                     {@code GenderCurrent})
 * @param ethnicity    the DfE ethnicity code ({@code WBRI}, ...)
 * @param upn          the unique pupil number
 * @param disabilities the DfE disability codes; empty when none is recorded
 */
public record Characteristics(String sex, String ethnicity, String upn, List<String> disabilities) {

    /** Nothing known: every characteristic left for the council. */
    public static final Characteristics UNKNOWN = new Characteristics(null, null, null, List.of());

    public Characteristics {
        disabilities = disabilities == null ? List.of() : List.copyOf(disabilities);
    }

    /** The Annex A answer to "Does the child have a disability": empty while nothing is recorded. */
    public String disabilityAnswer() {
        if (disabilities.isEmpty()) {
            return "";
        }
        return disabilities.equals(List.of("NONE")) ? "No" : "Yes";
    }
}
