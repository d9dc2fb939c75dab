package org.oversight.command.protection;

import java.util.ArrayList;
import org.oversight.events.access.Operation;
import org.oversight.events.access.Access;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
@Access(Operation.RECORD_FOR_CHILD)
@Controller
@RequestMapping(path = "/children/{childId}/protection", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
public class ProtectionForms {

    private static final int SIBLING_ROWS = 3;
    private static final Pattern PER_CHILD = Pattern.compile("decisions\\[(\\d+)]\\.(.+)");

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
        List<String> rows = new ArrayList<>(List.of(""));
        List<HoldInitialConference.ChildDecision> decisions = new ArrayList<>();
        decisions.add(initialDecision(read, childId, "", read.text("enquiryId")));
        for (String row : siblingRows(read)) {
            String siblingId = read.text(row + "childId");
            rows.add(row);
            decisions.add(initialDecision(read, siblingId, row, read.text("enquiry-" + siblingId)));
        }
        ConferenceOutcome outcome = decisions.get(0).outcome();
        HoldInitialConference command = new HoldInitialConference(UUID.randomUUID().toString(),
                read.choice("type", ConferenceType.class), read.date("heldOn", "The date of the conference"),
                read.all("attendingAgencies"), read.text("chairId"), decisions);
        return submit(redirect, read, childId, "initial-conference", command,
                outcome == ConferenceOutcome.PLAN ? "Conference recorded: child protection plan started"
                        : "Conference recorded", rows);
    }

    private static HoldInitialConference.ChildDecision initialDecision(FormReader read, String childId, String row,
            String enquiryId) {
        ConferenceOutcome outcome = read.choice(row + "outcome", ConferenceOutcome.class);
        return new HoldInitialConference.ChildDecision(childId, enquiryId, outcome,
                outcome == ConferenceOutcome.PLAN ? read.choice(row + "initialCategory", CategoryOfAbuse.class) : null,
                read.number(row + "previousPlans", "The number of previous plans").orElse(0), childsView(read, row));
    }

    @PostMapping("/review-conference")
    public String reviewConference(@PathVariable String childId, @RequestParam MultiValueMap<String, String> form,
            RedirectAttributes redirect) {
        FormReader read = new FormReader(form);
        List<String> rows = new ArrayList<>(List.of(""));
        List<HoldReviewConference.ReviewDecision> decisions = new ArrayList<>();
        decisions.add(reviewDecision(read, childId, ""));
        for (String row : siblingRows(read)) {
            rows.add(row);
            decisions.add(reviewDecision(read, read.text(row + "childId"), row));
        }
        HoldReviewConference command = new HoldReviewConference(UUID.randomUUID().toString(),
                read.date("heldOn", "The date of the conference"), read.all("attendingAgencies"), read.text("chairId"),
                decisions);
        return submit(redirect, read, childId, "review-conference", command,
                decisions.get(0).planContinues() ? "Review conference recorded" : "Review conference recorded: plan ended",
                rows);
    }

    private static HoldReviewConference.ReviewDecision reviewDecision(FormReader read, String childId, String row) {
        Boolean continues = read.yesNo(row + "planContinues");
        if (continues == null) {
            read.problems().add(new Problem("invalid-input", row + "planContinues", "Select whether the plan continues"));
        }
        boolean ends = Boolean.FALSE.equals(continues);
        return new HoldReviewConference.ReviewDecision(childId, !ends,
                ends ? null : read.choice(row + "latestCategory", CategoryOfAbuse.class),
                ends ? read.choice(row + "endReason", PlanEndReason.class) : null, childsView(read, row));
    }

    /** The "other child" rows of a conference form that name a child, as their input-name prefixes. */
    private static List<String> siblingRows(FormReader read) {
        List<String> rows = new ArrayList<>();
        for (int n = 1; n <= SIBLING_ROWS; n++) {
            if (read.text("sibling" + n + "-childId") != null) {
                rows.add("sibling" + n + "-");
            }
        }
        return rows;
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
        return childsView(read, "");
    }

    private static ChildsView childsView(FormReader read, String row) {
        Boolean attended = read.yesNo(row + "childAttended");
        ViewsConveyed conveyed = read.choice(row + "viewsConveyed", ViewsConveyed.class);
        return attended == null && conveyed == null ? null : new ChildsView(Boolean.TRUE.equals(attended), conveyed);
    }

    private String submit(RedirectAttributes redirect, FormReader read, String childId, String formName,
            Object command, String notice) {
        return submit(redirect, read, childId, formName, command, notice, List.of(""));
    }

    /** @param rows the input-name prefix of each decision in the command, in order ("" for the form's own child) */
    private String submit(RedirectAttributes redirect, FormReader read, String childId, String formName,
            Object command, String notice, List<String> rows) {
        String back = "/children/" + childId + "/protection/" + formName;
        return forms.submit(redirect, read.form(), back, read.problems(), command, () -> {
            Object result = commands.send(command, ProtectionSubject.JOURNEY);
            long sequence = result instanceof Map<?, ?> perChild ? ((Number) perChild.get(childId)).longValue()
                    : ((Number) result).longValue();
            return "/children/" + childId + "?awaiting=" + ProtectionIds.protectionOf(childId) + ":" + sequence;
        }, notice, field -> formField(field, rows));
    }

    /**
     * Conference commands decide per child ({@code decisions[1].initialCategory}); the forms name each child's
     * inputs with a row prefix ({@code sibling2-initialCategory}, none for the form's own child). Identifiers the
     * form carries hidden have no input to point at.
     */
    static String formField(String commandField, List<String> rows) {
        Matcher perChild = PER_CHILD.matcher(commandField);
        if (!perChild.matches()) {
            return commandField;
        }
        int index = Integer.parseInt(perChild.group(1));
        String row = index < rows.size() ? rows.get(index) : "";
        String field = perChild.group(2);
        if (field.startsWith("childsView")) {
            return row + "viewsConveyed";
        }
        return switch (field) {
            case "enquiryId" -> null;
            case "childId" -> row.isEmpty() ? null : row + "childId";
            default -> row + field;
        };
    }
}
