package org.oversight.command.childcase;

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
import org.springframework.web.bind.annotation.BindParam;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * Recording and correcting when a looked-after child who is a mother gave birth to her own child, by the child's
 * chair, as the characteristics are recorded: the form on the child's characteristics page and the JSON API. The
 * form names the correction's reason {@code mothersChildCorrection}, apart from the characteristics form's own on
 * the same page (a {@code reason} parameter is read as the reason given for opening a record).
 */
@Access(Operation.RECORD_FOR_CHILD)
@CommandApi
@Controller
public class MothersChildDecisions {

    private static final String FORM = MediaType.APPLICATION_FORM_URLENCODED_VALUE;
    private static final String JSON = MediaType.APPLICATION_JSON_VALUE;

    private final Commands commands;

    public MothersChildDecisions(Commands commands) {
        this.commands = commands;
    }

    /** The date, as the form and an API client send it. */
    public record Birth(@FormLabel("The date her child was born") LocalDate bornOn,
            @BindParam("mothersChildCorrection") String correctionReason) {
    }

    public record Recorded(String childId, long sequence) {
    }

    @PostMapping(path = {"/children/{childId}/characteristics/mothers-child",
            "/api/children/{childId}/characteristics/mothers-child"}, consumes = {FORM, JSON})
    @FormPage("/children/{childId}/characteristics")
    public Answer record(@PathVariable String childId, @Submitted Birth body) {
        long sequence = commands.send(RecordMothersChildBirth.of(childId, body.bornOn(), body.correctionReason()),
                ChildCaseSubject.CHILD);
        return Answer.of(new Recorded(childId, sequence)).then(
                "/children/" + childId + "/characteristics?awaiting=" + childId + ":" + sequence,
                "Date her child was born recorded");
    }
}
