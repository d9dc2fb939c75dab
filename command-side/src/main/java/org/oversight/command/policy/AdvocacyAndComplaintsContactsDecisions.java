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
 * An administrator records whom the authority's looked-after children contact for an advocate and to complain
 * (the form is served by the query side at {@code /settings/{localAuthority}/childrens-contacts}); the JSON answer
 * gives the sequence number recorded.
 */
@Access(Operation.CHANGE_SETTINGS)
@CommandApi
@Controller
public class AdvocacyAndComplaintsContactsDecisions {

    private final Commands commands;

    public AdvocacyAndComplaintsContactsDecisions(Commands commands) {
        this.commands = commands;
    }

    public record Contacts(String advocacyService, String advocacyPhone, String advocacyWebAddress,
            String complaintsTeam, String complaintsPhone, String complaintsWebAddress, String reason) {
    }

    @PostMapping(path = {"/settings/{localAuthority}/childrens-contacts",
            "/api/local-authorities/{localAuthority}/childrens-contacts"},
            consumes = {MediaType.APPLICATION_FORM_URLENCODED_VALUE, MediaType.APPLICATION_JSON_VALUE})
    @FormPage("/settings/{localAuthority}/childrens-contacts")
    public Answer change(@PathVariable String localAuthority, @Submitted Contacts body) {
        ChangeAdvocacyAndComplaintsContacts command = ChangeAdvocacyAndComplaintsContacts.of(localAuthority,
                body.advocacyService(), body.advocacyPhone(), body.advocacyWebAddress(), body.complaintsTeam(),
                body.complaintsPhone(), body.complaintsWebAddress(), body.reason());
        long sequence = commands.<Long>send(command, PolicyDecisions.POLICY);
        return Answer.of(new PolicyDecisions.Recorded(command.policyId(), sequence)).then(
                "/settings/" + localAuthority + "/childrens-contacts?awaiting=" + command.policyId() + ":" + sequence,
                "Contacts recorded");
    }
}
