package org.oversight.command.childcase;

import org.oversight.command.web.Answer;
import org.oversight.command.web.CommandApi;
import org.oversight.command.web.Commands;
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
 * Recording and correcting the child's characteristics, by the child's chair: one handler for the form (on the
 * child's characteristics page, served by the query side) and the JSON API. The form names the correction's reason
 * {@code correction}, since a {@code reason} parameter is read as the reason given for opening a record.
 */
@Access(Operation.RECORD_FOR_CHILD)
@CommandApi
@Controller
public class CharacteristicsDecisions {

    private static final String FORM = MediaType.APPLICATION_FORM_URLENCODED_VALUE;
    private static final String JSON = MediaType.APPLICATION_JSON_VALUE;

    private final Commands commands;

    public CharacteristicsDecisions(Commands commands) {
        this.commands = commands;
    }

    /** The answers, as the form and an API client send them. */
    public record Answers(String sex, String ethnicity, String uniquePupilNumber, String disability,
            String firstLanguage, String interpreterNeeded, String mother,
            @BindParam("correction") String correctionReason) {
    }

    public record Recorded(String childId, long sequence) {
    }

    @PostMapping(path = {"/children/{childId}/characteristics", "/api/children/{childId}/characteristics"},
            consumes = {FORM, JSON})
    @FormPage("/children/{childId}/characteristics")
    public Answer record(@PathVariable String childId, @Submitted Answers body) {
        long sequence = commands.send(RecordCharacteristics.of(childId, body.sex(), body.ethnicity(),
                body.uniquePupilNumber(), body.disability(), body.firstLanguage(), body.interpreterNeeded(),
                body.mother(), body.correctionReason()), ChildCaseSubject.CHILD);
        return Answer.of(new Recorded(childId, sequence)).then(
                "/children/" + childId + "/characteristics?awaiting=" + childId + ":" + sequence,
                "Characteristics recorded");
    }
}
