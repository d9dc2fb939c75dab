package org.oversight.command.escalation;

import java.util.List;
import org.oversight.events.escalation.DefaultEscalationPolicy;
import org.oversight.events.escalation.EscalationPolicy;

/**
 * The default levels and themes in {@link EscalationDirectory#LA}; in {@link EscalationDirectory#OTHER_LA} a
 * protocol of its own with two levels and three themes, to show the rules follow each authority's settings.
 */
final class TwoAuthoritiesPolicy implements EscalationPolicy {

    private final EscalationPolicy defaults = new DefaultEscalationPolicy();

    @Override
    public List<String> levels(String localAuthority) {
        return EscalationDirectory.OTHER_LA.equals(localAuthority)
                ? List.of("PRACTICE_MANAGER", "ASSISTANT_DIRECTOR")
                : defaults.levels(localAuthority);
    }

    @Override
    public List<String> concernCategories(String localAuthority) {
        return EscalationDirectory.OTHER_LA.equals(localAuthority)
                ? List.of("PERMANENCE", "HEALTH", "SIBLING_CONTACT")
                : defaults.concernCategories(localAuthority);
    }

    @Override
    public String title(String code) {
        return defaults.title(code);
    }
}
