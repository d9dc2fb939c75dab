package org.oversight.command.protection;

import java.security.Principal;
import java.time.LocalDate;
import java.util.List;
import org.oversight.command.web.Answer;
import org.oversight.command.web.CommandApi;
import org.oversight.command.web.Commands;
import org.oversight.command.web.FormLabel;
import org.oversight.command.web.FormPage;
import org.oversight.command.web.Submitted;
import org.oversight.events.access.Access;
import org.oversight.events.access.Operation;
import org.oversight.events.protection.ConferencePaper;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * A conference's papers: the chair's summary and analysis, written by the signed-in chair, and the sending of
 * each paper; each with one handler for its form on the child's record (the passages laid out by
 * {@link PassageRows}) and for the JSON API. Answered as {@link ProtectionDecisions} answers, with the sequence
 * number of the child's last event.
 */
@Access(Operation.RECORD_FOR_CHILD)
@CommandApi
@Controller
public class ConferencePaperDecisions {

    private static final String FORM = MediaType.APPLICATION_FORM_URLENCODED_VALUE;
    private static final String JSON = MediaType.APPLICATION_JSON_VALUE;
    private static final String CONFERENCE = "/api/children/{childId}/protection/conferences/{conferenceId}/";
    private static final String ON_THE_RECORD = "/children/{childId}/protection/conferences/{conferenceId}/";

    private final Commands commands;

    public ConferencePaperDecisions(Commands commands) {
        this.commands = commands;
    }

    public record PaperSent(ConferencePaper paper, @FormLabel("The date it was sent") LocalDate sentOn) {
    }

    public record Minutes(String summary, List<WriteConferenceMinutes.Passage> passages) {
    }

    @PostMapping(path = {ON_THE_RECORD + "paper-sent", CONFERENCE + "papers-sent"}, consumes = {FORM, JSON})
    @FormPage(ON_THE_RECORD + "paper-sent")
    public Answer paperSent(@PathVariable String childId, @PathVariable String conferenceId,
            @Submitted PaperSent body) {
        long sequence = commands.send(new RecordConferencePaperSent(childId, conferenceId, body.paper(),
                body.sentOn()), ProtectionSubject.JOURNEY);
        String notice = body.paper() == null ? "Paper recorded as sent" : body.paper().title() + " recorded as sent";
        return Answer.of(new ProtectionDecisions.Recorded(childId, conferenceId, sequence))
                .then(ConferenceRecordDecisions.afterProtection(childId, sequence), notice);
    }

    @PostMapping(path = {ON_THE_RECORD + "write-minutes", CONFERENCE + "minutes"}, consumes = {FORM, JSON})
    @FormPage(ON_THE_RECORD + "write-minutes")
    public Answer minutes(@PathVariable String childId, @PathVariable String conferenceId,
            @Submitted(layout = PassageRows.class) Minutes body, Principal principal) {
        long sequence = commands.send(new WriteConferenceMinutes(childId, conferenceId, body.summary(),
                body.passages() == null ? List.of() : body.passages(), principal.getName()),
                ProtectionSubject.JOURNEY);
        return Answer.of(new ProtectionDecisions.Recorded(childId, conferenceId, sequence))
                .then(ConferenceRecordDecisions.afterProtection(childId, sequence),
                        "Summary and analysis written");
    }
}
