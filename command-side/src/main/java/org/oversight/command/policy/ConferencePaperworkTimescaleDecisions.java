package org.oversight.command.policy;

import java.time.LocalDate;
import org.oversight.command.web.Answer;
import org.oversight.command.web.CommandApi;
import org.oversight.command.web.Commands;
import org.oversight.command.web.FormLabel;
import org.oversight.command.web.Submitted;
import org.oversight.events.access.Access;
import org.oversight.events.access.Operation;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * An administrator sets the authority's timescales for a conference's papers, through the JSON API; the answer
 * gives the sequence number recorded.
 */
@Access(Operation.CHANGE_SETTINGS)
@CommandApi
@Controller
public class ConferencePaperworkTimescaleDecisions {

    private final Commands commands;

    public ConferencePaperworkTimescaleDecisions(Commands commands) {
        this.commands = commands;
    }

    public record Timescales(@FormLabel("The date they take effect") LocalDate effectiveFrom,
            Integer decisionsWorkingDays, Integer minutesWorkingDays, String reason) {
    }

    @PostMapping(path = "/api/local-authorities/{localAuthority}/conference-paperwork-timescales",
            consumes = MediaType.APPLICATION_JSON_VALUE)
    public Answer set(@PathVariable String localAuthority, @Submitted Timescales body) {
        SetConferencePaperworkTimescales command = SetConferencePaperworkTimescales.of(localAuthority,
                body.effectiveFrom(), body.decisionsWorkingDays() == null ? 0 : body.decisionsWorkingDays(),
                body.minutesWorkingDays() == null ? 0 : body.minutesWorkingDays(), body.reason());
        long sequence = commands.<Long>send(command, PolicyDecisions.POLICY);
        return Answer.of(new PolicyDecisions.Recorded(command.policyId(), sequence));
    }
}
