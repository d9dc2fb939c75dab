package org.oversight.command.escalation;

import jakarta.validation.constraints.NotNull;
import java.net.URI;
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
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * The dispute resolution process, each step with one handler for its form (raising from a child's record, then
 * each step from the escalation's own page, both served by the query side) and for the JSON API. A raise may
 * name a sibling group; the chair is always the signed-in user. A form is answered with the escalation's page
 * once the projection has the step; a JSON answer gives the escalation and the sequence number of the event
 * recorded: read {@code /api/escalations/{id}?after=N} to see it applied.
 */
@Access(Operation.RECORD_FOR_CHILD)
@CommandApi
@Controller
public class EscalationDecisions {

    private static final String FORM = MediaType.APPLICATION_FORM_URLENCODED_VALUE;
    private static final String JSON = MediaType.APPLICATION_JSON_VALUE;

    private final Commands commands;

    public EscalationDecisions(Commands commands) {
        this.commands = commands;
    }

    /**
     * A raise. An API client may give {@code escalationId} (making a retry safe); otherwise one is assigned. An
     * API client that does not say whether it is formal raises an informal alert; the form must say.
     */
    public record Raise(String escalationId, List<String> childIds, String localAuthority, String concernCategory,
            String asked,
            @NotNull(groups = Submitted.FormOnly.class,
                    message = "Select whether this is a formal escalation or an informal alert") Boolean formal,
            String level, @FormLabel("The date the escalation was raised") LocalDate raisedOn) {
    }

    public record Move(String toLevel, @FormLabel("The date the escalation moved up") LocalDate movedOn,
            String reason) {
    }

    public record Response(String level, @FormLabel("The date the response was received") LocalDate receivedOn,
            String respondent, String agreed) {
    }

    public record Rejection(@FormLabel("The date you rejected the response") LocalDate rejectedOn, String reason) {
    }

    public record Resolution(@FormLabel("The date the escalation was resolved") LocalDate resolvedOn,
            String outcomeForChild, Boolean resolvedInChildsInterest) {
    }

    public record Withdrawal(@FormLabel("The date the escalation was withdrawn") LocalDate withdrawnOn,
            String reason) {
    }

    public record CafcassReferral(@FormLabel("The date of the referral") LocalDate referredOn, String reason) {
    }

    public record Recorded(String escalationId, long sequence) {
    }

    @PostMapping(path = {"/children/{childId}/escalations", "/api/escalations"}, consumes = {FORM, JSON})
    @FormPage("/children/{childId}/escalations/new")
    public Answer raise(@Submitted(layout = RaiseForm.class) Raise body, Principal chair) {
        boolean formal = Boolean.TRUE.equals(body.formal());
        RaiseEscalation fresh = RaiseEscalation.of(body.childIds(), body.localAuthority(), body.concernCategory(),
                body.asked(), formal, body.level(), body.raisedOn(), chair.getName());
        RaiseEscalation command = body.escalationId() == null || body.escalationId().isBlank() ? fresh
                : new RaiseEscalation(body.escalationId().strip(), fresh.childIds(), fresh.localAuthority(),
                        fresh.concernCategory(), fresh.asked(), fresh.formal(), fresh.level(), fresh.raisedOn(),
                        fresh.raisedBy());
        commands.send(command, EscalationSubject.ESCALATION);
        String escalationId = command.escalationId();
        return Answer.created(URI.create("/api/escalations/" + escalationId), new Recorded(escalationId, 0))
                .then(shown(escalationId, 0), formal ? "Escalation raised" : "Informal alert raised");
    }

    @PostMapping(path = {"/escalations/{escalationId}/move-up", "/api/escalations/{escalationId}/moves"},
            consumes = {FORM, JSON})
    @FormPage("/escalations/{escalationId}/move-up")
    public Answer moveUp(@PathVariable String escalationId, @Submitted Move body) {
        return send(escalationId, new MoveEscalationUp(escalationId, body.toLevel(), body.movedOn(), body.reason()),
                "Escalation moved up");
    }

    @PostMapping(path = {"/escalations/{escalationId}/response", "/api/escalations/{escalationId}/responses"},
            consumes = {FORM, JSON})
    @FormPage("/escalations/{escalationId}/response")
    public Answer response(@PathVariable String escalationId, @Submitted Response body) {
        return send(escalationId, new RecordEscalationResponse(escalationId, body.level(), body.receivedOn(),
                body.respondent(), body.agreed()), "Response recorded");
    }

    @PostMapping(path = {"/escalations/{escalationId}/reject-response",
            "/api/escalations/{escalationId}/response-rejections"}, consumes = {FORM, JSON})
    @FormPage("/escalations/{escalationId}/reject-response")
    public Answer rejectResponse(@PathVariable String escalationId, @Submitted Rejection body) {
        return send(escalationId, new RejectEscalationResponse(escalationId, body.rejectedOn(), body.reason()),
                "Response rejected");
    }

    @PostMapping(path = {"/escalations/{escalationId}/resolve", "/api/escalations/{escalationId}/resolution"},
            consumes = {FORM, JSON})
    @FormPage("/escalations/{escalationId}/resolve")
    public Answer resolve(@PathVariable String escalationId, @Submitted Resolution body) {
        return send(escalationId, new ResolveEscalation(escalationId, body.resolvedOn(), body.outcomeForChild(),
                body.resolvedInChildsInterest()), "Escalation resolved");
    }

    @PostMapping(path = {"/escalations/{escalationId}/withdraw", "/api/escalations/{escalationId}/withdrawal"},
            consumes = {FORM, JSON})
    @FormPage("/escalations/{escalationId}/withdraw")
    public Answer withdraw(@PathVariable String escalationId, @Submitted Withdrawal body) {
        return send(escalationId, new WithdrawEscalation(escalationId, body.withdrawnOn(), body.reason()),
                "Escalation withdrawn");
    }

    @PostMapping(path = {"/escalations/{escalationId}/cafcass", "/api/escalations/{escalationId}/cafcass-referral"},
            consumes = {FORM, JSON})
    @FormPage("/escalations/{escalationId}/cafcass")
    public Answer referToCafcass(@PathVariable String escalationId, @Submitted CafcassReferral body) {
        return send(escalationId, new ReferToCafcass(escalationId, body.referredOn(), body.reason()),
                "Referral to Cafcass recorded");
    }

    private Answer send(String escalationId, Object command, String notice) {
        long sequence = commands.<Long>send(command, EscalationSubject.ESCALATION);
        return Answer.of(new Recorded(escalationId, sequence)).then(shown(escalationId, sequence), notice);
    }

    /** The escalation's page, once the escalations projection has applied the event with this sequence number. */
    static String shown(String escalationId, long sequence) {
        return "/escalations/" + escalationId + "?awaiting=" + escalationId + ":" + sequence;
    }
}
