package org.oversight.command.protection;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.oversight.command.web.Commands;
import org.oversight.command.web.FormReader;
import org.oversight.command.web.FormSubmissions;
import org.oversight.command.web.Problem;
import org.oversight.events.protection.CategoryOfAbuse;
import org.oversight.events.protection.ChildsView;
import org.oversight.events.protection.ConferenceOutcome;
import org.oversight.events.protection.ConferenceType;
import org.oversight.events.protection.PlanEndReason;
import org.oversight.events.protection.ViewsConveyed;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The child protection forms on a child's record (served by the query side) post here: the strategy
 * discussion, the initial conference, review conferences, ending a plan and corrections. Each form decides for
 * one child; sibling groups decided at one conference are recorded through the JSON API.
 */
@Controller
@RequestMapping(path = "/children/{childId}/protection", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
@PreAuthorize("hasRole('CHAIR')")
public class ProtectionForms {

    private final Commands commands;
    private final FormSubmissions forms;

    public ProtectionForms(Commands commands, FormSubmissions forms) {
        this.commands = commands;
        this.forms = forms;
    }

    @PostMapping("/strategy-discussion")
    public String strategyDiscussion(@PathVariable String childId, @RequestParam MultiValueMap<String, String> form,
            RedirectAttributes redirect) {
        FormReader read = new FormReader(form);
        RecordStrategyDiscussion command = new RecordStrategyDiscussion(childId, UUID.randomUUID().toString(),
                read.date("strategyDiscussionOn", "The date of the strategy discussion"));
        return submit(redirect, read, childId, "strategy-discussion", command, "Strategy discussion recorded");
    }

    @PostMapping("/initial-conference")
    public String initialConference(@PathVariable String childId, @RequestParam MultiValueMap<String, String> form,
            RedirectAttributes redirect) {
        FormReader read = new FormReader(form);
        ConferenceOutcome outcome = read.choice("outcome", ConferenceOutcome.class);
        HoldInitialConference command = new HoldInitialConference(UUID.randomUUID().toString(),
                read.choice("type", ConferenceType.class), read.date("heldOn", "The date of the conference"),
                read.all("attendingAgencies"), read.text("chairId"),
                List.of(new HoldInitialConference.ChildDecision(childId, read.text("enquiryId"), outcome,
                        outcome == ConferenceOutcome.PLAN ? read.choice("initialCategory", CategoryOfAbuse.class) : null,
                        read.number("previousPlans", "The number of previous plans").orElse(0), childsView(read))));
        return submit(redirect, read, childId, "initial-conference", command,
                outcome == ConferenceOutcome.PLAN ? "Conference recorded: child protection plan started"
                        : "Conference recorded");
    }

    @PostMapping("/review-conference")
    public String reviewConference(@PathVariable String childId, @RequestParam MultiValueMap<String, String> form,
            RedirectAttributes redirect) {
        FormReader read = new FormReader(form);
        Boolean continues = read.yesNo("planContinues");
        HoldReviewConference command = new HoldReviewConference(UUID.randomUUID().toString(),
                read.date("heldOn", "The date of the conference"), read.all("attendingAgencies"), read.text("chairId"),
                List.of(new HoldReviewConference.ReviewDecision(childId, !Boolean.FALSE.equals(continues),
                        Boolean.FALSE.equals(continues) ? null : read.choice("latestCategory", CategoryOfAbuse.class),
                        Boolean.FALSE.equals(continues) ? read.choice("endReason", PlanEndReason.class) : null,
                        childsView(read))));
        if (continues == null) {
            read.problems().add(new Problem("invalid-input", "planContinues",
                    "Select whether the plan continues"));
        }
        return submit(redirect, read, childId, "review-conference", command,
                Boolean.FALSE.equals(continues) ? "Review conference recorded: plan ended" : "Review conference recorded");
    }

    @PostMapping("/end-plan")
    public String endPlan(@PathVariable String childId, @RequestParam MultiValueMap<String, String> form,
            RedirectAttributes redirect) {
        FormReader read = new FormReader(form);
        EndChildProtectionPlan command = new EndChildProtectionPlan(childId,
                read.date("endDate", "The date the plan ended"), read.choice("reason", PlanEndReason.class));
        return submit(redirect, read, childId, "end-plan", command, "Child protection plan ended");
    }

    @PostMapping("/initial-conference-not-required")
    public String notRequired(@PathVariable String childId, @RequestParam MultiValueMap<String, String> form,
            RedirectAttributes redirect) {
        FormReader read = new FormReader(form);
        RecordInitialConferenceNotRequired command = new RecordInitialConferenceNotRequired(childId,
                read.text("enquiryId"), read.date("decidedOn", "The date of the decision"), read.text("reason"));
        return submit(redirect, read, childId, "initial-conference-not-required", command,
                "Recorded that no initial conference is needed");
    }

    @PostMapping("/correct-conference-date")
    public String correctConferenceDate(@PathVariable String childId,
            @RequestParam MultiValueMap<String, String> form, RedirectAttributes redirect) {
        FormReader read = new FormReader(form);
        CorrectConferenceDate command = new CorrectConferenceDate(childId, read.text("conferenceId"),
                read.date("correctedTo", "The date the conference was held"), read.text("reason"));
        return submit(redirect, read, childId, "correct-conference-date", command, "Conference date corrected");
    }

    @PostMapping("/correct-initial-category")
    public String correctInitialCategory(@PathVariable String childId,
            @RequestParam MultiValueMap<String, String> form, RedirectAttributes redirect) {
        FormReader read = new FormReader(form);
        CorrectInitialCategory command = new CorrectInitialCategory(childId, read.text("planId"),
                read.choice("correctedTo", CategoryOfAbuse.class), read.text("reason"));
        return submit(redirect, read, childId, "correct-initial-category", command, "Initial category corrected");
    }

    private static ChildsView childsView(FormReader read) {
        Boolean attended = read.yesNo("childAttended");
        ViewsConveyed conveyed = read.choice("viewsConveyed", ViewsConveyed.class);
        return attended == null && conveyed == null ? null : new ChildsView(Boolean.TRUE.equals(attended), conveyed);
    }

    private String submit(RedirectAttributes redirect, FormReader read, String childId, String formName,
            Object command, String notice) {
        String back = "/children/" + childId + "/protection/" + formName;
        return forms.submit(redirect, read.form(), back, read.problems(), command, () -> {
            Object result = commands.send(command, ProtectionSubject.JOURNEY);
            long sequence = result instanceof Map<?, ?> perChild ? ((Number) perChild.get(childId)).longValue()
                    : ((Number) result).longValue();
            return "/children/" + childId + "?awaiting=" + ProtectionIds.protectionOf(childId) + ":" + sequence;
        }, notice, ProtectionForms::formField);
    }

    /**
     * Conference commands decide per child ({@code decisions[0].initialCategory}); these forms decide for one
     * child and name their inputs plainly. Identifiers the form carries hidden have no input to point at.
     */
    static String formField(String commandField) {
        String field = commandField.replaceFirst("^decisions\\[\\d+]\\.", "");
        if (field.startsWith("childsView")) {
            return "viewsConveyed";
        }
        return switch (field) {
            case "childId", "enquiryId", "conferenceId" -> commandField.startsWith("decisions") ? null : field;
            default -> field;
        };
    }
}
