package org.oversight.command.escalation;

import java.net.URI;
import org.oversight.events.access.Operation;
import org.oversight.events.access.Access;
import java.security.Principal;
import java.time.LocalDate;
import java.util.List;
import org.oversight.command.web.CommandApi;
import org.oversight.command.web.Commands;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * JSON endpoints for the dispute resolution process. A raise may name a sibling group; the chair is always the
 * signed-in user. Each answer gives the escalation and the sequence number of the event recorded; read
 * {@code /api/escalations/{id}?after=N} to see it applied.
 */
@Access(Operation.RECORD_FOR_CHILD)
@CommandApi
@RestController
@RequestMapping(path = "/api/escalations", consumes = MediaType.APPLICATION_JSON_VALUE)
public class EscalationApi {

    private final Commands commands;

    public EscalationApi(Commands commands) {
        this.commands = commands;
    }

    /** The client may give {@code escalationId} (making a retry safe); otherwise one is assigned. */
    public record Raise(String escalationId, List<String> childIds, String localAuthority, String concernCategory,
            String asked, boolean formal, String level, LocalDate raisedOn) {
    }

    public record Move(String toLevel, LocalDate movedOn, String reason) {
    }

    public record Response(String level, LocalDate receivedOn, String respondent, String agreed) {
    }

    public record Rejection(LocalDate rejectedOn, String reason) {
    }

    public record Resolution(LocalDate resolvedOn, String outcomeForChild, Boolean resolvedInChildsInterest) {
    }

    public record Withdrawal(LocalDate withdrawnOn, String reason) {
    }

    public record CafcassReferral(LocalDate referredOn, String reason) {
    }

    public record Recorded(String escalationId, long sequence) {
    }

    @PostMapping
    public ResponseEntity<Recorded> raise(@RequestBody Raise body, Principal chair) {
        RaiseEscalation fresh = RaiseEscalation.of(body.childIds(), body.localAuthority(), body.concernCategory(),
                body.asked(), body.formal(), body.level(), body.raisedOn(), chair.getName());
        RaiseEscalation command = body.escalationId() == null || body.escalationId().isBlank() ? fresh
                : new RaiseEscalation(body.escalationId().strip(), fresh.childIds(), fresh.localAuthority(),
                        fresh.concernCategory(), fresh.asked(), fresh.formal(), fresh.level(), fresh.raisedOn(),
                        fresh.raisedBy());
        commands.send(command, EscalationSubject.ESCALATION);
        return ResponseEntity.created(URI.create("/api/escalations/" + command.escalationId()))
                .body(new Recorded(command.escalationId(), 0));
    }

    @PostMapping("/{escalationId}/moves")
    public Recorded moveUp(@PathVariable String escalationId, @RequestBody Move body) {
        return send(escalationId, new MoveEscalationUp(escalationId, body.toLevel(), body.movedOn(), body.reason()));
    }

    @PostMapping("/{escalationId}/responses")
    public Recorded response(@PathVariable String escalationId, @RequestBody Response body) {
        return send(escalationId, new RecordEscalationResponse(escalationId, body.level(), body.receivedOn(),
                body.respondent(), body.agreed()));
    }

    @PostMapping("/{escalationId}/response-rejections")
    public Recorded rejectResponse(@PathVariable String escalationId, @RequestBody Rejection body) {
        return send(escalationId, new RejectEscalationResponse(escalationId, body.rejectedOn(), body.reason()));
    }

    @PostMapping("/{escalationId}/resolution")
    public Recorded resolve(@PathVariable String escalationId, @RequestBody Resolution body) {
        return send(escalationId, new ResolveEscalation(escalationId, body.resolvedOn(), body.outcomeForChild(),
                body.resolvedInChildsInterest()));
    }

    @PostMapping("/{escalationId}/withdrawal")
    public Recorded withdraw(@PathVariable String escalationId, @RequestBody Withdrawal body) {
        return send(escalationId, new WithdrawEscalation(escalationId, body.withdrawnOn(), body.reason()));
    }

    @PostMapping("/{escalationId}/cafcass-referral")
    public Recorded referToCafcass(@PathVariable String escalationId, @RequestBody CafcassReferral body) {
        return send(escalationId, new ReferToCafcass(escalationId, body.referredOn(), body.reason()));
    }

    private Recorded send(String escalationId, Object command) {
        long sequence = commands.<Long>send(command, EscalationSubject.ESCALATION);
        return new Recorded(escalationId, sequence);
    }
}
