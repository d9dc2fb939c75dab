package org.oversight.events.escalation;

import java.util.List;
import java.util.Locale;

/**
 * A local authority's dispute resolution settings: the levels an escalation moves through, the themes a concern is
 * recorded under, and the titles of both. Both are local practice (the IRO Handbook names no levels), so each
 * authority may configure its own codes. The command side accepts only the codes an authority uses; the pages
 * offer, order and name them from this same definition.
 *
 * <p>Pages never depend on these lists being complete: a level or theme found in recorded events but no longer
 * configured is still shown and counted, under a title made from its code.
 */
public interface EscalationPolicy {

    /** The code pages and the API use for "no level yet": an informal alert. */
    String INFORMAL = "INFORMAL";

    /** The authority's levels, lowest first: an escalation only ever moves towards the end of this list. */
    List<String> levels(String localAuthority);

    /** The themes a concern may be recorded under in this authority, in the order a form lists them. */
    List<String> concernCategories(String localAuthority);

    /**
     * The human title of a level or concern category code, in sentence case ("Head of service"). This default
     * makes one from the code itself; an implementation with real titles overrides it.
     */
    default String title(String code) {
        if (code == null || INFORMAL.equals(code)) {
            return "Informal alert";
        }
        String words = code.replace('_', ' ').toLowerCase(Locale.UK);
        return words.isEmpty() ? words : Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }
}
