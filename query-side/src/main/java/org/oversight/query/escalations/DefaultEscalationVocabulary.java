package org.oversight.query.escalations;

import java.util.List;
import org.oversight.events.escalation.DefaultEscalationProtocol;
import org.oversight.events.escalation.EscalationProtocols;

/**
 * The levels and themes each local authority's protocol has, as the deployment configures them
 * ({@link EscalationProtocols}) and as the command side's default policy accepts them; {@link
 * DefaultEscalationProtocol} for every other authority.
 */
public class DefaultEscalationVocabulary implements EscalationVocabulary {

    private final EscalationProtocols protocols;

    public DefaultEscalationVocabulary() {
        this(EscalationProtocols.defaults());
    }

    public DefaultEscalationVocabulary(EscalationProtocols protocols) {
        this.protocols = protocols;
    }

    @Override
    public List<String> levels(String localAuthority) {
        return List.copyOf(protocols.levels(localAuthority).keySet());
    }

    @Override
    public List<String> concernCategories(String localAuthority) {
        return List.copyOf(protocols.concernCategories(localAuthority).keySet());
    }

    @Override
    public String title(String code) {
        String title = protocols.titleOf(code);
        return title != null ? title : EscalationVocabulary.super.title(code);
    }
}
