package org.oversight.command.subjectaccess;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import org.oversight.command.web.Answer;
import org.oversight.command.web.CommandApi;
import org.oversight.command.web.Commands;
import org.oversight.command.web.FormLabel;
import org.oversight.command.web.FormPage;
import org.oversight.command.web.Subject;
import org.oversight.command.web.Submitted;
import org.oversight.events.access.Access;
import org.oversight.events.access.Operation;
import org.oversight.events.subjectaccess.RequesterRelationship;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.BindParam;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * The decisions about a subject access request, each for its form (served by the query side, on the request's
 * own page) and for the JSON API. The request's page reads the event store directly, so a form that succeeds goes
 * straight back to it.
 */
@CommandApi
@Controller
@Access(Operation.RECORD_SUBJECT_ACCESS)
public class SubjectAccessDecisions {

    private static final String FORM = MediaType.APPLICATION_FORM_URLENCODED_VALUE;
    private static final String JSON = MediaType.APPLICATION_JSON_VALUE;
    private static final String ON_THE_RECORD = "/children/{childId}/subject-access";
    private static final String API = "/api/children/{childId}/subject-access";

    private static final Subject CHILD = new Subject(SubjectAccessRule.CHILD_MUST_BE_REGISTERED,
            "No child is registered under this reference", SubjectAccessRule.REQUEST_RECORDED_ONCE,
            "This request is already recorded");

    private final Commands commands;

    public SubjectAccessDecisions(Commands commands) {
        this.commands = commands;
    }

    public record Request(String requesterName, RequesterRelationship relationship,
            @FormLabel("The date the request was received") LocalDate receivedOn) {
    }

    /**
     * The form's reason is named {@code why}, since a {@code reason} parameter is read as the reason given for
     * opening a record.
     */
    public record Extension(@FormLabel("The date the requester was told") LocalDate toldOn,
            @BindParam("why") String reason) {
    }

    public record Preparation(@FormLabel("The date the copy was prepared") LocalDate preparedOn, Long historyThrough,
            List<PrepareSubjectAccessCopy.Item> items) {
    }

    public record Release(@FormLabel("The date the copy was released") LocalDate releasedOn, String releasedTo) {
    }

    public record Recorded(String childId, String requestId, long sequence) {
    }

    @PostMapping(path = {ON_THE_RECORD, API}, consumes = {FORM, JSON})
    @FormPage(ON_THE_RECORD)
    public Answer request(@PathVariable String childId, @Submitted Request body) {
        RecordSubjectAccessRequest command = RecordSubjectAccessRequest.of(childId, body.requesterName(),
                body.relationship(), body.receivedOn());
        long sequence = commands.send(command, CHILD);
        return Answer.created(URI.create("/api/children/" + childId + "/subject-access/" + command.requestId()),
                new Recorded(childId, command.requestId(), sequence))
                .then(requestPage(childId, command.requestId()), "Subject access request recorded");
    }

    @PostMapping(path = {ON_THE_RECORD + "/{requestId}/extension", API + "/{requestId}/extension"},
            consumes = {FORM, JSON})
    @FormPage(ON_THE_RECORD + "/{requestId}")
    public Answer extend(@PathVariable String childId, @PathVariable String requestId, @Submitted Extension body) {
        long sequence = commands.send(new ExtendSubjectAccessDeadline(childId, requestId, body.toldOn(),
                body.reason()), CHILD);
        return recorded(childId, requestId, sequence, "Time to answer extended by two months");
    }

    @PostMapping(path = {ON_THE_RECORD + "/{requestId}/preparation", API + "/{requestId}/preparation"},
            consumes = {FORM, JSON})
    @FormPage(ON_THE_RECORD + "/{requestId}/review")
    public Answer prepare(@PathVariable String childId, @PathVariable String requestId,
            @Submitted Preparation body) {
        long sequence = commands.send(new PrepareSubjectAccessCopy(childId, requestId, body.preparedOn(),
                body.historyThrough(), body.items() == null ? List.of() : body.items()), CHILD);
        return recorded(childId, requestId, sequence, "Copy prepared");
    }

    @PostMapping(path = {ON_THE_RECORD + "/{requestId}/release", API + "/{requestId}/release"},
            consumes = {FORM, JSON})
    @FormPage(ON_THE_RECORD + "/{requestId}")
    public Answer release(@PathVariable String childId, @PathVariable String requestId, @Submitted Release body) {
        long sequence = commands.send(new ReleaseSubjectAccessCopy(childId, requestId, body.releasedOn(),
                body.releasedTo()), CHILD);
        return recorded(childId, requestId, sequence, "Copy released");
    }

    private static Answer recorded(String childId, String requestId, long sequence, String notice) {
        return Answer.of(new Recorded(childId, requestId, sequence)).then(requestPage(childId, requestId), notice);
    }

    private static String requestPage(String childId, String requestId) {
        return "/children/" + childId + "/subject-access/" + requestId;
    }
}
