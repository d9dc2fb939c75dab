package org.oversight.command.policy;

import java.time.LocalDate;
import org.oversight.command.rules.Rule;
import org.oversight.command.web.Answer;
import org.oversight.command.web.CommandApi;
import org.oversight.command.web.Commands;
import org.oversight.command.web.FormLabel;
import org.oversight.command.web.FormPage;
import org.oversight.command.web.Subject;
import org.oversight.command.web.Submitted;
import org.oversight.events.access.Access;
import org.oversight.events.access.Operation;
import org.oversight.events.policy.PolicySettings;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * A local authority's timescales, with one handler for the settings form (served by the query side at
 * {@code /settings/{localAuthority}}, laid out by {@link SettingsForm}) and for the JSON API. The JSON answer
 * gives the sequence number of the version recorded; read
 * {@code /api/local-authorities/{code}/settings?awaiting=policy-{code}:N} to see it applied.
 */
@Access(Operation.CHANGE_SETTINGS)
@CommandApi
@Controller
public class PolicyDecisions {

    static final Subject POLICY = new Subject(Identity.MUST_EXIST, "No settings are recorded for this local authority",
            Identity.CREATED_ONCE, "These settings were recorded at the same moment by someone else");

    private final Commands commands;

    public PolicyDecisions(Commands commands) {
        this.commands = commands;
    }

    public record Change(@FormLabel("The date the settings take effect") LocalDate effectiveFrom,
            PolicySettings settings, String reason) {
    }

    public record Recorded(String policyId, long sequence) {
    }

    @PostMapping(path = {"/settings/{localAuthority}", "/api/local-authorities/{localAuthority}/settings"},
            consumes = {MediaType.APPLICATION_FORM_URLENCODED_VALUE, MediaType.APPLICATION_JSON_VALUE})
    @FormPage("/settings/{localAuthority}")
    public Answer change(@PathVariable String localAuthority, @Submitted(layout = SettingsForm.class) Change body) {
        ChangePolicySettings command = ChangePolicySettings.of(localAuthority, body.effectiveFrom(), body.settings(),
                body.reason());
        long sequence = commands.<Long>send(command, POLICY);
        return Answer.of(new Recorded(command.policyId(), sequence)).then(
                "/settings/" + localAuthority + "?awaiting=" + command.policyId() + ":" + sequence, "Settings recorded");
    }

    enum Identity implements Rule {
        MUST_EXIST("settings-must-exist"),
        CREATED_ONCE("concurrent-decision");

        private final String code;

        Identity(String code) {
            this.code = code;
        }

        @Override
        public String code() {
            return code;
        }
    }
}
