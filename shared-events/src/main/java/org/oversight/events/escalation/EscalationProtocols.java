package org.oversight.events.escalation;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Each local authority's own dispute resolution protocol, where it differs from {@link DefaultEscalationProtocol}:
 * its levels (lowest first) and its concern themes, each code with its title, in the order forms list them. An
 * authority that sets levels or themes uses exactly those; one that sets neither uses the defaults. The
 * deployment configures them once (under {@code oversight.escalations.local-authorities}) and both sides read the
 * same settings.
 */
public record EscalationProtocols(Map<String, LocalProtocol> localAuthorities) {

    /** One authority's protocol; an empty map means "the default". */
    public record LocalProtocol(Map<String, String> levels, Map<String, String> concernCategories) {

        public LocalProtocol {
            levels = ordered(levels);
            concernCategories = ordered(concernCategories);
        }
    }

    public EscalationProtocols {
        localAuthorities = localAuthorities == null ? Map.of() : Map.copyOf(localAuthorities);
    }

    public static EscalationProtocols defaults() {
        return new EscalationProtocols(Map.of());
    }

    /** The authority's levels, code to title, lowest first. */
    public Map<String, String> levels(String localAuthority) {
        LocalProtocol local = localAuthorities.get(localAuthority);
        return local == null || local.levels().isEmpty() ? DefaultEscalationProtocol.LEVELS : local.levels();
    }

    /** The authority's concern themes, code to title, in form order. */
    public Map<String, String> concernCategories(String localAuthority) {
        LocalProtocol local = localAuthorities.get(localAuthority);
        return local == null || local.concernCategories().isEmpty() ? DefaultEscalationProtocol.CONCERN_CATEGORIES
                : local.concernCategories();
    }

    /** The title of a level or theme code in any authority's protocol or the defaults; {@code null} if unknown. */
    public String titleOf(String code) {
        String title = DefaultEscalationProtocol.titleOf(code);
        for (LocalProtocol local : localAuthorities.values()) {
            if (title == null) {
                title = local.levels().getOrDefault(code, local.concernCategories().get(code));
            }
        }
        return title;
    }

    private static Map<String, String> ordered(Map<String, String> titles) {
        return titles == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(titles));
    }
}
