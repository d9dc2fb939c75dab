package org.oversight.command.escalation;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A local authority's dispute resolution settings: the levels an escalation moves through and the themes a
 * concern is recorded under. Both are local practice (the IRO Handbook names no levels), so each authority may
 * configure its own codes; the platform only checks that a code is one the authority uses.
 */
public interface EscalationPolicy {

    /** The authority's levels, lowest first: an escalation only ever moves towards the end of this list. */
    List<String> levels(String localAuthority);

    /** The themes a concern may be recorded under in this authority, in the order a form lists them. */
    Set<String> concernCategories(String localAuthority);

    /**
     * The human title of a level or concern category code, in sentence case ("Head of service"). This default
     * makes one from the code itself; an implementation with real titles overrides it.
     */
    default String title(String code) {
        String words = code.replace('_', ' ').toLowerCase(Locale.UK);
        return words.isEmpty() ? words : Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }
}
