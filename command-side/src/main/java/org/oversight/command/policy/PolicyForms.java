package org.oversight.command.policy;

import java.util.LinkedHashMap;
import org.oversight.events.access.Operation;
import org.oversight.events.access.Access;
import java.util.Map;
import org.oversight.events.escalation.EscalationPolicy;
import org.oversight.command.web.Commands;
import org.oversight.command.web.FormReader;
import org.oversight.command.web.FormSubmissions;
import org.oversight.command.rules.Rule;
import org.oversight.command.web.Subject;
import org.oversight.events.policy.PolicySettings;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The settings form (served by the query side at {@code /settings/{localAuthority}}) posts here. An escalation
 * level's response time is read from the input {@code response.<LEVEL>}.
 */
@Access(Operation.CHANGE_SETTINGS)
@Controller
@RequestMapping(consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
public class PolicyForms {

    static final Subject POLICY = new Subject(Identity.MUST_EXIST, "No settings are recorded for this local authority",
            Identity.CREATED_ONCE, "These settings were recorded at the same moment by someone else");

    private final Commands commands;
    private final FormSubmissions forms;
    private final EscalationPolicy escalations;

    public PolicyForms(Commands commands, FormSubmissions forms, EscalationPolicy escalations) {
        this.commands = commands;
        this.forms = forms;
        this.escalations = escalations;
    }

    @PostMapping("/settings/{localAuthority}")
    public String change(@PathVariable String localAuthority, @RequestParam MultiValueMap<String, String> form,
            RedirectAttributes redirect) {
        FormReader read = new FormReader(form);
        Map<String, Integer> responses = new LinkedHashMap<>();
        for (String level : escalations.levels(localAuthority)) {
            responses.put(level, number(read, "response." + level, "The response time for this level"));
        }
        PolicySettings settings = new PolicySettings(
                number(read, "iroAllocationWorkingDays", "The time to allocate an IRO"),
                number(read, "preBirthConferenceByWeek", "The pre-birth conference week"),
                number(read, "decisionsWorkingDays", "The time to send out decisions"),
                number(read, "recordWorkingDays", "The time to distribute the record"),
                number(read, "midwayCheckPercent", "The midway check point"),
                responses);
        ChangePolicySettings command = ChangePolicySettings.of(localAuthority,
                read.date("effectiveFrom", "The date the settings take effect"), settings, read.text("reason"));
        return forms.submit(redirect, form, "/settings/" + localAuthority, read.problems(), command, () -> {
            long sequence = commands.<Long>send(command, POLICY);
            return "/settings/" + localAuthority + "?awaiting=" + command.policyId() + ":" + sequence;
        }, "Settings recorded", field -> field.startsWith("escalationResponseWorkingDays.")
                ? "response." + field.substring("escalationResponseWorkingDays.".length()) : field);
    }

    /** A blank or unreadable number is reported by the reader or, as 0, by the range rule. */
    private static int number(FormReader read, String field, String label) {
        return read.number(field, label).orElse(0);
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
