package org.oversight.query.escalations;

import java.util.List;
import java.util.Locale;

/**
 * The words of a local authority's dispute resolution process as the pages offer and name them: its levels,
 * lowest first, and its concern categories. The command side's {@code EscalationPolicy} decides which codes an
 * authority accepts; the query side may not call it, so it keeps this view of the same settings. The deployment
 * wires a vocabulary that matches its policy ({@link DefaultEscalationVocabulary} matches the command side's
 * default policy, and a test in the deploy module keeps the two in step).
 *
 * <p>Pages never depend on this list being complete: a level or category found in recorded events but not
 * listed here is still shown and counted, under a title made from its code.
 */
public interface EscalationVocabulary {

    /** The code the pages and the API use for "no level yet": an informal alert. */
    String INFORMAL = "INFORMAL";

    /** The authority's levels, lowest first. */
    List<String> levels(String localAuthority);

    /** The authority's concern categories, in the order a form lists them. */
    List<String> concernCategories(String localAuthority);

    /** The human title of a level or category code, in sentence case; one made from the code if unknown. */
    default String title(String code) {
        if (code == null || INFORMAL.equals(code)) {
            return "Informal alert";
        }
        String words = code.replace('_', ' ').toLowerCase(Locale.UK);
        return words.isEmpty() ? words : Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }
}
