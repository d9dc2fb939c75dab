package org.oversight.command.policy;

import java.time.LocalDate;
import org.oversight.events.access.Operation;
import org.oversight.events.access.Access;
import org.oversight.command.web.CommandApi;
import org.oversight.command.web.Commands;
import org.oversight.events.policy.PolicySettings;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * JSON endpoint for a local authority's timescales. The answer gives the sequence number of the version
 * recorded; read {@code /api/local-authorities/{code}/settings?awaiting=policy-{code}:N} to see it applied.
 */
@Access(Operation.CHANGE_SETTINGS)
@CommandApi
@RestController
@RequestMapping(path = "/api/local-authorities/{localAuthority}/settings", consumes = MediaType.APPLICATION_JSON_VALUE)
public class PolicyApi {

    private final Commands commands;

    public PolicyApi(Commands commands) {
        this.commands = commands;
    }

    public record Change(LocalDate effectiveFrom, PolicySettings settings, String reason) {
    }

    public record Recorded(String policyId, long sequence) {
    }

    @PostMapping
    public Recorded change(@PathVariable String localAuthority, @RequestBody Change body) {
        ChangePolicySettings command = ChangePolicySettings.of(localAuthority, body.effectiveFrom(), body.settings(),
                body.reason());
        return new Recorded(command.policyId(), commands.<Long>send(command, PolicyForms.POLICY));
    }
}
