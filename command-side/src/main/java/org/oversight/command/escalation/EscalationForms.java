package org.oversight.command.escalation;

import java.security.Principal;
import org.oversight.events.access.Operation;
import org.oversight.events.access.Access;
import java.util.ArrayList;
import java.util.List;
import org.oversight.command.web.Commands;
import org.oversight.command.web.FormReader;
import org.oversight.command.web.FormSubmissions;
import org.oversight.command.web.Problem;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The escalation forms (served by the query side) post here: raising one from a child's record, then each step
 * from the escalation's own page. Success shows the escalation's page once the projection has the step; a
 * refusal goes back to the form with the problems and what was typed. Brothers and sisters ticked on the form
 * make the escalation about the sibling group.
 */
@Access(Operation.RECORD_FOR_CHILD)
@Controller
@RequestMapping(consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
public class EscalationForms {

    private final Commands commands;
    private final FormSubmissions forms;

    public EscalationForms(Commands commands, FormSubmissions forms) {
        this.commands = commands;
        this.forms = forms;
    }

    /** The level is read only for a formal escalation, as the form reveals it only then. */
    @PostMapping("/children/{childId}/escalations")
    public String raise(@PathVariable String childId, @RequestParam MultiValueMap<String, String> form,
            Principal chair, RedirectAttributes redirect) {
        FormReader read = new FormReader(form);
        String kind = read.text("formal");
        if (kind == null) {
            read.problems().add(new Problem("invalid-input", "formal",
                    "Select whether this is a formal escalation or an informal alert"));
        }
        boolean formal = "formal".equals(kind);
        List<String> group = new ArrayList<>(List.of(childId));
        group.addAll(read.all("siblingIds"));
        RaiseEscalation command = RaiseEscalation.of(group, read.text("localAuthority"),
                read.text("concernCategory"), read.text("asked"), formal, formal ? read.text("level") : null,
                read.date("raisedOn", "The date the escalation was raised"), chair.getName());
        return forms.submit(redirect, form, "/children/" + childId + "/escalations/new", read.problems(), command,
                () -> {
                    commands.send(command, EscalationSubject.ESCALATION);
                    return shown(command.escalationId(), 0);
                }, formal ? "Escalation raised" : "Informal alert raised",
                field -> "childIds".equals(field) ? "siblingIds" : field);
    }

    @PostMapping("/escalations/{escalationId}/move-up")
    public String moveUp(@PathVariable String escalationId, @RequestParam MultiValueMap<String, String> form,
            RedirectAttributes redirect) {
        FormReader read = new FormReader(form);
        return submit(redirect, read, escalationId, "move-up", new MoveEscalationUp(escalationId,
                read.text("toLevel"), read.date("movedOn", "The date the escalation moved up"), read.text("reason")),
                "Escalation moved up");
    }

    @PostMapping("/escalations/{escalationId}/response")
    public String response(@PathVariable String escalationId, @RequestParam MultiValueMap<String, String> form,
            RedirectAttributes redirect) {
        FormReader read = new FormReader(form);
        return submit(redirect, read, escalationId, "response", new RecordEscalationResponse(escalationId,
                read.text("level"), read.date("receivedOn", "The date the response was received"),
                read.text("respondent"), read.text("agreed")), "Response recorded");
    }

    @PostMapping("/escalations/{escalationId}/reject-response")
    public String rejectResponse(@PathVariable String escalationId, @RequestParam MultiValueMap<String, String> form,
            RedirectAttributes redirect) {
        FormReader read = new FormReader(form);
        return submit(redirect, read, escalationId, "reject-response", new RejectEscalationResponse(escalationId,
                read.date("rejectedOn", "The date you rejected the response"), read.text("reason")),
                "Response rejected");
    }

    @PostMapping("/escalations/{escalationId}/resolve")
    public String resolve(@PathVariable String escalationId, @RequestParam MultiValueMap<String, String> form,
            RedirectAttributes redirect) {
        FormReader read = new FormReader(form);
        return submit(redirect, read, escalationId, "resolve", new ResolveEscalation(escalationId,
                read.date("resolvedOn", "The date the escalation was resolved"), read.text("outcomeForChild"),
                read.yesNo("resolvedInChildsInterest")), "Escalation resolved");
    }

    @PostMapping("/escalations/{escalationId}/withdraw")
    public String withdraw(@PathVariable String escalationId, @RequestParam MultiValueMap<String, String> form,
            RedirectAttributes redirect) {
        FormReader read = new FormReader(form);
        return submit(redirect, read, escalationId, "withdraw", new WithdrawEscalation(escalationId,
                read.date("withdrawnOn", "The date the escalation was withdrawn"), read.text("reason")),
                "Escalation withdrawn");
    }

    @PostMapping("/escalations/{escalationId}/cafcass")
    public String cafcass(@PathVariable String escalationId, @RequestParam MultiValueMap<String, String> form,
            RedirectAttributes redirect) {
        FormReader read = new FormReader(form);
        return submit(redirect, read, escalationId, "cafcass", new ReferToCafcass(escalationId,
                read.date("referredOn", "The date of the referral"), read.text("reason")),
                "Referral to Cafcass recorded");
    }

    private String submit(RedirectAttributes redirect, FormReader read, String escalationId, String formName,
            Object command, String notice) {
        return forms.submit(redirect, read.form(), "/escalations/" + escalationId + "/" + formName, read.problems(),
                command, () -> shown(escalationId, commands.<Long>send(command, EscalationSubject.ESCALATION)),
                notice);
    }

    /** The escalation's page, once the escalations projection has applied the event with this sequence number. */
    static String shown(String escalationId, long sequence) {
        return "/escalations/" + escalationId + "?awaiting=" + escalationId + ":" + sequence;
    }
}
