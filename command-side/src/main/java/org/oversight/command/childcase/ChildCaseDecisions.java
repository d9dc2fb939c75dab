package org.oversight.command.childcase;

import jakarta.validation.constraints.NotBlank;
import java.net.URI;
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
import org.oversight.events.childcase.ChairRole;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.BindParam;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * Registering children, allocating chairs, births, transfers and restrictions: each decision has one handler,
 * for its form (served by the query side; success shows the child's page, a refusal goes back to the form
 * with the problems and what was typed) and for the JSON API (answering the case id and the sequence number
 * of the last event recorded; pass it to the read API as {@code ?after=} to read your write).
 */
@CommandApi
@Controller
public class ChildCaseDecisions {

    private static final String FORM = MediaType.APPLICATION_FORM_URLENCODED_VALUE;
    private static final String JSON = MediaType.APPLICATION_JSON_VALUE;

    private final Commands commands;

    public ChildCaseDecisions(Commands commands) {
        this.commands = commands;
    }

    /**
     * A registration. The form also asks whether the child is born ({@code born} or {@code unborn}) and keeps
     * only the date that answer needs; an API client sends just the date it has.
     */
    public record Registration(String localAuthority, String localIdentifier, String givenName, String familyName,
            @FormLabel("Date of birth") LocalDate dateOfBirth,
            @FormLabel("Expected date of delivery") LocalDate expectedDateOfDelivery,
            @NotBlank(groups = Submitted.FormOnly.class, message = "Select whether the child has been born")
            String born) {
    }

    public record Allocation(ChairRole role, String chairId,
            @FormLabel("The allocation date") LocalDate allocatedFrom) {
    }

    public record Birth(@FormLabel("Date of birth") LocalDate dateOfBirth) {
    }

    /** What a transfer to another authority says. */
    public record Transfer(String toLocalAuthority, String toLocalIdentifier, LocalDate transferredOn,
            String reason) {
    }

    /**
     * Who may still see the record, and why it is restricted. The form's reason is named {@code why}, since a
     * {@code reason} parameter is read as the reason given for opening a record.
     */
    public record Restriction(List<String> namedPeople, @BindParam("why") String reason) {
    }

    public record Lifting(@BindParam("why") String reason) {
    }

    public record Recorded(String childId, long sequence) {
    }

    /** The retention rule a record is destroyed under, by its code in the authority's schedule. */
    public record Destruction(String retentionRule) {
    }

    @Access(Operation.REGISTER_CHILD)
    @PostMapping(path = {"/children", "/api/children"}, consumes = {FORM, JSON})
    @FormPage("/children/new")
    public Answer register(@Submitted Registration body) {
        boolean unborn = "unborn".equals(body.born());
        boolean born = "born".equals(body.born());
        RegisterChild command = RegisterChild.of(body.localAuthority(), body.localIdentifier(), body.givenName(),
                body.familyName(), unborn ? null : body.dateOfBirth(), born ? null : body.expectedDateOfDelivery());
        commands.send(command, ChildCaseSubject.CHILD);
        String childId = command.childId();
        return Answer.created(URI.create("/api/children/" + childId), new Recorded(childId, 0))
                .then(afterChildCase(childId, 0), "Child registered");
    }

    @Access(Operation.ALLOCATE_CHAIR)
    @PostMapping(path = {"/children/{childId}/chairs", "/api/children/{childId}/chairs"}, consumes = {FORM, JSON})
    @FormPage("/children/{childId}/allocate?role={role}")
    public Answer allocateChair(@PathVariable String childId, @Submitted Allocation body) {
        long sequence = commands.send(new AllocateChair(childId, body.role(), body.chairId(), body.allocatedFrom()),
                ChildCaseSubject.CHILD);
        return recorded(childId, sequence, "Chair allocated");
    }

    @Access(Operation.RECORD_FOR_CHILD)
    @PostMapping(path = "/children/{childId}/birth", consumes = FORM)
    @FormPage("/children/{childId}/birth")
    public Answer recordBirth(@PathVariable String childId, @Submitted Birth body) {
        long sequence = commands.send(new RecordBirth(childId, body.dateOfBirth()), ChildCaseSubject.CHILD);
        return recorded(childId, sequence, "Birth recorded");
    }

    /** Passes the child to another local authority: the sending authority's people no longer see the child. */
    @Access(Operation.TRANSFER_CHILD)
    @PostMapping(path = "/api/children/{childId}/transfer", consumes = JSON)
    public Answer transfer(@PathVariable String childId, @Submitted Transfer body) {
        long sequence = commands.send(new TransferChild(childId, body.toLocalAuthority(), body.toLocalIdentifier(),
                body.transferredOn(), body.reason()), ChildCaseSubject.CHILD);
        return Answer.of(new Recorded(childId, sequence));
    }

    /** Restricts the record to the people named, or names them afresh while it is restricted. */
    @Access(Operation.RESTRICT_RECORD)
    @PostMapping(path = {"/children/{childId}/restriction", "/api/children/{childId}/restriction"},
            consumes = {FORM, JSON})
    @FormPage("/children/{childId}/restriction")
    public Answer restrict(@PathVariable String childId, @Submitted Restriction body) {
        long sequence = commands.send(new RestrictRecord(childId, body.namedPeople(), body.reason()),
                ChildCaseSubject.CHILD);
        return recorded(childId, sequence, "Record restricted to the people named");
    }

    @Access(Operation.RESTRICT_RECORD)
    @PostMapping(path = {"/children/{childId}/restriction/lift", "/api/children/{childId}/restriction/lift"},
            consumes = {FORM, JSON})
    @FormPage("/children/{childId}/restriction")
    public Answer liftRestriction(@PathVariable String childId, @Submitted Lifting body) {
        long sequence = commands.send(new LiftRestriction(childId, body.reason()), ChildCaseSubject.CHILD);
        return recorded(childId, sequence, "Restriction lifted");
    }

    /**
     * Destroys the child's record at the end of its retention. Afterwards the child's page no longer exists, so
     * the form goes on to the start page.
     */
    @Access(Operation.DESTROY_RECORD)
    @PostMapping(path = {"/children/{childId}/destruction", "/api/children/{childId}/destruction"},
            consumes = {FORM, JSON})
    @FormPage("/children/{childId}/destruction")
    public Answer destroy(@PathVariable String childId, @Submitted Destruction body) {
        long sequence = commands.send(new DestroyChildRecord(childId, body.retentionRule()), ChildCaseSubject.CHILD);
        return Answer.of(new Recorded(childId, sequence)).then("/", "Record destroyed");
    }

    private static Answer recorded(String childId, long sequence, String notice) {
        return Answer.of(new Recorded(childId, sequence)).then(afterChildCase(childId, sequence), notice);
    }

    /** The child's page, once the caseload projection has applied the event with this sequence number. */
    static String afterChildCase(String childId, long sequence) {
        return "/children/" + childId + "?awaiting=" + childId + ":" + sequence;
    }
}
