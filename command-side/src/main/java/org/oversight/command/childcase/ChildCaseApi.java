package org.oversight.command.childcase;

import java.net.URI;
import org.oversight.events.access.Operation;
import org.oversight.events.access.Access;
import java.time.LocalDate;
import java.util.List;
import org.oversight.command.web.CommandApi;
import org.oversight.command.web.Commands;
import org.oversight.events.childcase.ChairRole;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * JSON endpoints for registering children and allocating chairs. Each answers with the case id and the
 * sequence number of the last event recorded; pass it to the read API as {@code ?after=} to read your write.
 */
@CommandApi
@RestController
@RequestMapping(path = "/api/children", consumes = MediaType.APPLICATION_JSON_VALUE)
public class ChildCaseApi {

    private final Commands commands;

    public ChildCaseApi(Commands commands) {
        this.commands = commands;
    }

    public record Registration(String localAuthority, String localIdentifier, String givenName, String familyName,
            LocalDate dateOfBirth, LocalDate expectedDateOfDelivery) {
    }

    public record Allocation(ChairRole role, String chairId, LocalDate allocatedFrom) {
    }

    public record Recorded(String childId, long sequence) {
    }

    /** Who may still see the record, and why it is restricted. */
    public record Restriction(List<String> namedPeople, String reason) {
    }

    public record Lifting(String reason) {
    }

    @Access(Operation.REGISTER_CHILD)
    @PostMapping
    public ResponseEntity<Recorded> register(@RequestBody Registration body) {
        RegisterChild command = RegisterChild.of(body.localAuthority(), body.localIdentifier(), body.givenName(),
                body.familyName(), body.dateOfBirth(), body.expectedDateOfDelivery());
        commands.send(command, ChildCaseSubject.CHILD);
        return ResponseEntity.created(URI.create("/api/children/" + command.childId()))
                .body(new Recorded(command.childId(), 0));
    }

    @Access(Operation.ALLOCATE_CHAIR)
    @PostMapping("/{childId}/chairs")
    public Recorded allocateChair(@PathVariable String childId, @RequestBody Allocation body) {
        long sequence = commands.send(
                new AllocateChair(childId, body.role(), body.chairId(), body.allocatedFrom()), ChildCaseSubject.CHILD);
        return new Recorded(childId, sequence);
    }

    /** What a transfer to another authority says. */
    public record Transfer(String toLocalAuthority, String toLocalIdentifier, LocalDate transferredOn, String reason) {
    }

    /** Passes the child to another local authority: the sending authority's people no longer see the child. */
    @Access(Operation.TRANSFER_CHILD)
    @PostMapping("/{childId}/transfer")
    public Recorded transfer(@PathVariable String childId, @RequestBody Transfer body) {
        long sequence = commands.send(new TransferChild(childId, body.toLocalAuthority(), body.toLocalIdentifier(),
                body.transferredOn(), body.reason()), ChildCaseSubject.CHILD);
        return new Recorded(childId, sequence);
    }

    /** Restricts the record to the people named, or names them afresh while it is restricted. */
    @Access(Operation.RESTRICT_RECORD)
    @PostMapping("/{childId}/restriction")
    public Recorded restrict(@PathVariable String childId, @RequestBody Restriction body) {
        long sequence = commands.send(new RestrictRecord(childId, body.namedPeople(), body.reason()),
                ChildCaseSubject.CHILD);
        return new Recorded(childId, sequence);
    }

    @Access(Operation.RESTRICT_RECORD)
    @PostMapping("/{childId}/restriction/lift")
    public Recorded liftRestriction(@PathVariable String childId, @RequestBody Lifting body) {
        long sequence = commands.send(new LiftRestriction(childId, body.reason()), ChildCaseSubject.CHILD);
        return new Recorded(childId, sequence);
    }
}
