package org.oversight.command.escalation;

import java.util.List;
import java.util.Set;
import org.oversight.events.escalation.DefaultEscalationProtocol;

/**
 * The levels and themes of {@link DefaultEscalationProtocol}, the same in every authority. A deployment with
 * per-authority protocols replaces this bean with its own {@link EscalationPolicy}.
 */
public class DefaultEscalationPolicy implements EscalationPolicy {

    @Override
    public List<String> levels(String localAuthority) {
        return List.copyOf(DefaultEscalationProtocol.LEVELS.keySet());
    }

    @Override
    public Set<String> concernCategories(String localAuthority) {
        return DefaultEscalationProtocol.CONCERN_CATEGORIES.keySet();
    }

    @Override
    public String title(String code) {
        String title = DefaultEscalationProtocol.titleOf(code);
        return title != null ? title : EscalationPolicy.super.title(code);
    }
}
