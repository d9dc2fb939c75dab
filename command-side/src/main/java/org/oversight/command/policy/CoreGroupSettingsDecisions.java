package org.oversight.command.policy;

import java.time.LocalDate;
import org.oversight.command.web.Answer;
import org.oversight.command.web.CommandApi;
import org.oversight.command.web.Commands;
import org.oversight.command.web.FormLabel;
import org.oversight.command.web.FormPage;
import org.oversight.command.web.Submitted;
import org.oversight.events.access.Access;
import org.oversight.events.access.Operation;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * An administrator sets how the authority's core groups are held in Oversight, by the form (served by the query
 * side at {@code /settings/{localAuthority}/core-groups}) or the JSON API; the JSON answer gives the sequence
 * number recorded.
 */
@Access(Operation.CHANGE_SETTINGS)
@CommandApi
@Controller
public class CoreGroupSettingsDecisions {

    private final Commands commands;

    public CoreGroupSettingsDecisions(Commands commands) {
        this.commands = commands;
    }

    /** @param recordedFrom left out when every plan's core groups are held in Oversight */
    public record CoreGroups(@FormLabel("The date the settings take effect") LocalDate effectiveFrom,
            @FormLabel("The date core group meetings are recorded from") LocalDate recordedFrom,
            @FormLabel("The time between core group meetings") Integer laterIntervalWorkingDays, String reason) {
    }

    @PostMapping(path = {"/settings/{localAuthority}/core-groups",
            "/api/local-authorities/{localAuthority}/core-group-settings"},
            consumes = {MediaType.APPLICATION_FORM_URLENCODED_VALUE, MediaType.APPLICATION_JSON_VALUE})
    @FormPage("/settings/{localAuthority}/core-groups")
    public Answer set(@PathVariable String localAuthority, @Submitted CoreGroups body) {
        SetCoreGroupSettings command = SetCoreGroupSettings.of(localAuthority, body.effectiveFrom(),
                body.recordedFrom(), body.laterIntervalWorkingDays() == null ? 0 : body.laterIntervalWorkingDays(),
                body.reason());
        long sequence = commands.<Long>send(command, PolicyDecisions.POLICY);
        return Answer.of(new PolicyDecisions.Recorded(command.policyId(), sequence)).then(
                "/settings/" + localAuthority + "/core-groups?awaiting=" + command.policyId() + ":" + sequence,
                "Core group settings recorded");
    }
}
