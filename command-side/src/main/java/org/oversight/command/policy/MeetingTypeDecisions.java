package org.oversight.command.policy;

import org.oversight.command.web.Answer;
import org.oversight.command.web.CommandApi;
import org.oversight.command.web.Commands;
import org.oversight.command.web.FormPage;
import org.oversight.command.web.Submitted;
import org.oversight.events.access.Access;
import org.oversight.events.access.Operation;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * An administrator adds a type of meeting the authority's IROs chair (the form is on the settings page, served by
 * the query side at {@code /settings/{localAuthority}}); the JSON answer gives the sequence number recorded.
 */
@Access(Operation.CHANGE_SETTINGS)
@CommandApi
@Controller
public class MeetingTypeDecisions {

    private final Commands commands;

    public MeetingTypeDecisions(Commands commands) {
        this.commands = commands;
    }

    /** @param addedBecause why the type is added (named apart from the timescales form's reason on one page) */
    public record NewType(String code, String title, String addedBecause) {
    }

    @PostMapping(path = {"/settings/{localAuthority}/meeting-types",
            "/api/local-authorities/{localAuthority}/meeting-types"},
            consumes = {MediaType.APPLICATION_FORM_URLENCODED_VALUE, MediaType.APPLICATION_JSON_VALUE})
    @FormPage("/settings/{localAuthority}")
    public Answer add(@PathVariable String localAuthority, @Submitted NewType body) {
        AddMeetingType command = AddMeetingType.of(localAuthority, body.code(), body.title(), body.addedBecause());
        long sequence = commands.<Long>send(command, PolicyDecisions.POLICY);
        return Answer.of(new PolicyDecisions.Recorded(command.policyId(), sequence)).then(
                "/settings/" + localAuthority + "?awaiting=" + command.policyId() + ":" + sequence,
                "Meeting type added");
    }
}
