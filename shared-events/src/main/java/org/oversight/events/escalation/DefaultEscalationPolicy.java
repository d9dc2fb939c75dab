package org.oversight.events.escalation;

import java.util.List;

/**
 * The levels and themes of each local authority's protocol as the deployment configures them
 * ({@link EscalationProtocols}), and of {@link DefaultEscalationProtocol} for every other authority.
 */
public class DefaultEscalationPolicy implements EscalationPolicy {

    private final EscalationProtocols protocols;

    public DefaultEscalationPolicy() {
        this(EscalationProtocols.defaults());
    }

    public DefaultEscalationPolicy(EscalationProtocols protocols) {
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
        return title != null ? title : EscalationPolicy.super.title(code);
    }
}
