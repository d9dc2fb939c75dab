package org.oversight.query.returns;

import java.util.List;

/**
 * What a return says about the child as a person, in the codes of the collection: sex, ethnicity, unique pupil
 * number and disability. Any of them may be unknown ({@code null}, or no disability codes), and the exports then
 * leave the field empty for the council to complete.
 *
 * @param sex             the child's sex as recorded ({@code M}, {@code F}, {@code U}; the census's
 *                        {@code GenderCurrent} and Annex A's Gender are worked out from it)
 * @param ethnicity       the DfE ethnicity code ({@code WBRI}, ...)
 * @param upn             the unique pupil number
 * @param disabled        whether the child has a disability; {@code null} when not known
 * @param disabilityCodes the CIN census disability codes, where they are recorded; empty otherwise
 */
public record Characteristics(String sex, String ethnicity, String upn, Boolean disabled,
        List<String> disabilityCodes) {

    /** Nothing known: every characteristic left for the council. */
    public static final Characteristics UNKNOWN = new Characteristics(null, null, null, null, List.of());

    public Characteristics {
        disabilityCodes = disabilityCodes == null ? List.of() : List.copyOf(disabilityCodes);
    }

    /** The Annex A answer to "Does the child have a disability": empty while it is not known. */
    public String disabilityAnswer() {
        return disabled == null ? "" : disabled ? "Yes" : "No";
    }

    /**
     * The census's {@code Disabilities}: the codes recorded, or {@code NONE} (the census's code for no disability)
     * for a child known to have none; empty when a disability is known but not its codes, for the council.
     */
    public List<String> censusDisabilities() {
        if (!disabilityCodes.isEmpty()) {
            return disabilityCodes;
        }
        return Boolean.FALSE.equals(disabled) ? List.of("NONE") : List.of();
    }
}
