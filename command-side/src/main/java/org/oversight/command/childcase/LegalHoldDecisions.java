package org.oversight.command.childcase;

import org.oversight.command.web.Answer;
import org.oversight.command.web.CommandApi;
import org.oversight.command.web.Commands;
import org.oversight.command.web.FormPage;
import org.oversight.command.web.Submitted;
import org.oversight.events.access.Access;
import org.oversight.events.access.Operation;
import org.oversight.events.retention.HoldReason;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.BindParam;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * Placing and lifting legal holds on a child's record, by the data officers and administrators of the child's
 * authority: one handler each for the form (on the child's retention page, served by the query side) and the
 * JSON API. The form names its reason {@code hold}, since a {@code reason} parameter is read as the reason given
 * for opening a record.
 */
@Access(Operation.HOLD_RECORD)
@CommandApi
@Controller
public class LegalHoldDecisions {

    private static final String FORM = MediaType.APPLICATION_FORM_URLENCODED_VALUE;
    private static final String JSON = MediaType.APPLICATION_JSON_VALUE;

    private final Commands commands;

    public LegalHoldDecisions(Commands commands) {
        this.commands = commands;
    }

    public record Hold(@BindParam("hold") HoldReason reason, String note) {
    }

    public record Recorded(String childId, long sequence) {
    }

    @PostMapping(path = {"/children/{childId}/legal-holds", "/api/children/{childId}/legal-holds"},
            consumes = {FORM, JSON})
    @FormPage("/children/{childId}/retention")
    public Answer place(@PathVariable String childId, @Submitted Hold body) {
        long sequence = commands.send(new PlaceLegalHold(childId, body.reason(), body.note()), ChildCaseSubject.CHILD);
        return recorded(childId, sequence, "Legal hold placed");
    }

    @PostMapping(path = {"/children/{childId}/legal-holds/lift", "/api/children/{childId}/legal-holds/lift"},
            consumes = {FORM, JSON})
    @FormPage("/children/{childId}/retention")
    public Answer lift(@PathVariable String childId, @Submitted Hold body) {
        long sequence = commands.send(new LiftLegalHold(childId, body.reason(), body.note()), ChildCaseSubject.CHILD);
        return recorded(childId, sequence, "Legal hold lifted");
    }

    private static Answer recorded(String childId, long sequence, String notice) {
        return Answer.of(new Recorded(childId, sequence))
                .then("/children/" + childId + "/retention?awaiting=" + childId + ":" + sequence, notice);
    }
}
