package org.oversight.query.escalations;

import java.util.List;
import org.oversight.events.escalation.DefaultEscalationProtocol;

/**
 * The levels and themes of {@link DefaultEscalationProtocol}, which the command side's default policy accepts:
 * the same in every authority, in the same order and with the same titles.
 */
public class DefaultEscalationVocabulary implements EscalationVocabulary {

    @Override
    public List<String> levels(String localAuthority) {
        return List.copyOf(DefaultEscalationProtocol.LEVELS.keySet());
    }

    @Override
    public List<String> concernCategories(String localAuthority) {
        return List.copyOf(DefaultEscalationProtocol.CONCERN_CATEGORIES.keySet());
    }

    @Override
    public String title(String code) {
        String title = DefaultEscalationProtocol.titleOf(code);
        return title != null ? title : EscalationVocabulary.super.title(code);
    }
}
