package org.oversight.command.lookedafter;

import java.util.ArrayList;
import org.oversight.events.access.Operation;
import org.oversight.events.access.Access;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.oversight.command.web.Commands;
import org.oversight.command.web.DateParts;
import org.oversight.command.web.FormReader;
import org.oversight.command.web.FormSubmissions;
import org.oversight.command.web.Problem;
import org.oversight.events.lookedafter.ConsultationMethod;
import org.oversight.events.lookedafter.EarlyReviewReason;
import org.oversight.events.lookedafter.LegalStatus;
import org.oversight.events.lookedafter.MidwayFinding;
import org.oversight.events.lookedafter.ParticipationCode;
import org.oversight.events.lookedafter.PermanencePlan;
import org.oversight.events.lookedafter.ReasonPeriodEnded;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The looked-after forms on a child's record (served by the query side's {@code LookedAfterPages}) post here:
 * periods of care and the changes inside them, the IRO's consultations, visits and midway checks, reviews with
 * the actions agreed at them, the actions' completion, change or cancellation, the permanence plan, the review
 * record's distribution and corrections. Success shows the child's page once the projection has caught up; a
 * refusal goes back to the form with the problems and what was typed.
 */
@Access(Operation.RECORD_FOR_CHILD)
@Controller
@RequestMapping(path = "/children/{childId}/looked-after", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
public class LookedAfterForms {

    /** The review form offers this many rows for agreed actions; rows left blank are ignored. */
    public static final int ACTION_ROWS = 3;

    private final Commands commands;
    private final FormSubmissions forms;

    public LookedAfterForms(Commands commands, FormSubmissions forms) {
        this.commands = commands;
        this.forms = forms;
    }

    /** The period's identifier comes with the form, so a form submitted twice is refused, not recorded twice. */
    @PostMapping("/start-period")
    public String startPeriod(@PathVariable String childId, @RequestParam MultiValueMap<String, String> form,
            RedirectAttributes redirect) {
        FormReader read = new FormReader(form);
        StartPeriodOfCare command = new StartPeriodOfCare(childId, identifier(read, "periodId"),
                read.date("startedOn", "The date the child started to be looked after"),
                read.choice("legalStatus", LegalStatus.class), Placements.normalise(read.text("placement")));
        return submit(redirect, read, childId, "start-period", command, "Period of care started");
    }

    @PostMapping("/legal-status")
    public String changeLegalStatus(@PathVariable String childId, @RequestParam MultiValueMap<String, String> form,
            RedirectAttributes redirect) {
        FormReader read = new FormReader(form);
        ChangeLegalStatus command = new ChangeLegalStatus(childId,
                read.date("changedOn", "The date the legal status changed"),
                read.choice("legalStatus", LegalStatus.class));
        return submit(redirect, read, childId, "legal-status", command, "Legal status changed");
    }

    @PostMapping("/placement")
    public String changePlacement(@PathVariable String childId, @RequestParam MultiValueMap<String, String> form,
            RedirectAttributes redirect) {
        FormReader read = new FormReader(form);
        ChangePlacement command = ChangePlacement.of(childId, read.date("changedOn", "The date the child moved"),
                read.text("placement"));
        return submit(redirect, read, childId, "placement", command, "Placement changed");
    }

    @PostMapping("/end-period")
    public String endPeriod(@PathVariable String childId, @RequestParam MultiValueMap<String, String> form,
            RedirectAttributes redirect) {
        FormReader read = new FormReader(form);
        EndPeriodOfCare command = new EndPeriodOfCare(childId,
                read.date("endedOn", "The date the child stopped being looked after"),
                read.choice("reason", ReasonPeriodEnded.class));
        return submit(redirect, read, childId, "end-period", command, "Period of care ended");
    }

    @PostMapping("/consultation")
    public String consultation(@PathVariable String childId, @RequestParam MultiValueMap<String, String> form,
            RedirectAttributes redirect) {
        FormReader read = new FormReader(form);
        RecordConsultation command = new RecordConsultation(childId,
                read.date("consultedOn", "The date the child was consulted"),
                read.choice("method", ConsultationMethod.class),
                answered(read, "seenAlone", "Select whether you saw or spoke to the child on their own"),
                read.text("iroId"));
        return submit(redirect, read, childId, "consultation", command, "Consultation recorded");
    }

    @PostMapping("/iro-visit")
    public String iroVisit(@PathVariable String childId, @RequestParam MultiValueMap<String, String> form,
            RedirectAttributes redirect) {
        FormReader read = new FormReader(form);
        RecordIroVisit command = new RecordIroVisit(childId,
                read.date("visitedOn", "The date of the visit or contact"),
                answered(read, "faceToFace", "Select whether you saw the child in person"), read.text("iroId"));
        return submit(redirect, read, childId, "iro-visit", command, "Visit recorded");
    }

    @PostMapping("/midway-check")
    public String midwayCheck(@PathVariable String childId, @RequestParam MultiValueMap<String, String> form,
            RedirectAttributes redirect) {
        FormReader read = new FormReader(form);
        RecordMidwayCheck command = new RecordMidwayCheck(childId, read.date("checkedOn", "The date of the check"),
                read.choice("finding", MidwayFinding.class), read.text("iroId"));
        return submit(redirect, read, childId, "midway-check", command, "Midway check recorded");
    }

    @PostMapping("/early-review")
    public String earlyReview(@PathVariable String childId, @RequestParam MultiValueMap<String, String> form,
            RedirectAttributes redirect) {
        FormReader read = new FormReader(form);
        RequestEarlyReview command = new RequestEarlyReview(childId,
                read.date("requestedOn", "The date the early review was asked for"),
                read.choice("reason", EarlyReviewReason.class), read.text("iroId"));
        return submit(redirect, read, childId, "early-review", command, "Early review request recorded");
    }

    /**
     * A review with up to {@link #ACTION_ROWS} agreed actions. Blank rows are dropped and the rest renumbered
     * before anything is read, so that a problem with the command's {@code actions[i]} points at the i-th row
     * the form shows when it comes back.
     */
    @PostMapping("/review")
    public String review(@PathVariable String childId, @RequestParam MultiValueMap<String, String> form,
            RedirectAttributes redirect) {
        MultiValueMap<String, String> compacted = withoutBlankActionRows(form);
        FormReader read = new FormReader(compacted);
        List<HoldLookedAfterReview.AgreedAction> actions = new ArrayList<>();
        for (int i = 0; hasActionRow(compacted, i); i++) {
            String row = "actions[" + i + "].";
            actions.add(new HoldLookedAfterReview.AgreedAction(read.text(row + "action"), read.text(row + "owner"),
                    read.date(row + "dueOn", "The date action " + (i + 1) + " is due")));
        }
        HoldLookedAfterReview command = new HoldLookedAfterReview(childId, identifier(read, "reviewId"),
                read.date("heldOn", "The date of the review"), read.choice("participation", ParticipationCode.class),
                answered(read, "spokeToChildBeforehand", "Select whether you spoke to the child before the review"),
                lines(read.text("decisions")), lines(read.text("recommendations")),
                read.text("iroId"), actions);
        return submit(redirect, read, childId, "review", command, "Review recorded");
    }

    @PostMapping("/complete-action")
    public String completeAction(@PathVariable String childId, @RequestParam MultiValueMap<String, String> form,
            RedirectAttributes redirect) {
        FormReader read = new FormReader(form);
        CompleteAction command = new CompleteAction(childId, read.text("actionId"),
                read.date("completedOn", "The date the action was done"));
        return submit(redirect, read, childId, "complete-action", command, "Action completed");
    }

    @PostMapping("/change-action")
    public String changeAction(@PathVariable String childId, @RequestParam MultiValueMap<String, String> form,
            RedirectAttributes redirect) {
        FormReader read = new FormReader(form);
        ChangeAction command = new ChangeAction(childId, read.text("actionId"), read.text("action"),
                read.text("owner"), read.date("dueOn", "The date the action is due"), read.text("reason"),
                read.date("changedOn", "The date of the change"));
        return submit(redirect, read, childId, "change-action", command, "Action changed");
    }

    @PostMapping("/cancel-action")
    public String cancelAction(@PathVariable String childId, @RequestParam MultiValueMap<String, String> form,
            RedirectAttributes redirect) {
        FormReader read = new FormReader(form);
        CancelAction command = new CancelAction(childId, read.text("actionId"),
                read.date("cancelledOn", "The date the action was cancelled"), read.text("reason"));
        return submit(redirect, read, childId, "cancel-action", command, "Action cancelled");
    }

    @PostMapping("/permanence-plan")
    public String permanencePlan(@PathVariable String childId, @RequestParam MultiValueMap<String, String> form,
            RedirectAttributes redirect) {
        FormReader read = new FormReader(form);
        RecordPermanencePlan command = new RecordPermanencePlan(childId,
                read.date("recordedOn", "The date the plan was made"), read.choice("plan", PermanencePlan.class));
        return submit(redirect, read, childId, "permanence-plan", command, "Permanence plan recorded");
    }

    @PostMapping("/distribution")
    public String distribution(@PathVariable String childId, @RequestParam MultiValueMap<String, String> form,
            RedirectAttributes redirect) {
        FormReader read = new FormReader(form);
        RecordReviewDistribution command = new RecordReviewDistribution(childId, read.text("reviewId"),
                read.date("distributedOn", "The date the record was sent"),
                answered(read, "childFriendlyVersion", "Select whether a version written for the child was sent"));
        return submit(redirect, read, childId, "distribution", command, "Distribution of the review record recorded");
    }

    @PostMapping("/decisions-sent")
    public String decisionsSent(@PathVariable String childId, @RequestParam MultiValueMap<String, String> form,
            RedirectAttributes redirect) {
        FormReader read = new FormReader(form);
        RecordDecisionsSent command = new RecordDecisionsSent(childId, read.text("reviewId"),
                read.date("sentOn", "The date the decisions were sent"));
        return submit(redirect, read, childId, "decisions-sent", command, "Sending of the review's decisions recorded");
    }

    @PostMapping("/correct-review-date")
    public String correctReviewDate(@PathVariable String childId, @RequestParam MultiValueMap<String, String> form,
            RedirectAttributes redirect) {
        FormReader read = new FormReader(form);
        CorrectReviewDate command = new CorrectReviewDate(childId, read.text("reviewId"),
                read.date("correctedTo", "The date the review was held"), read.text("reason"));
        return submit(redirect, read, childId, "correct-review-date", command, "Review date corrected");
    }

    @PostMapping("/correct-participation")
    public String correctParticipation(@PathVariable String childId,
            @RequestParam MultiValueMap<String, String> form, RedirectAttributes redirect) {
        FormReader read = new FormReader(form);
        CorrectParticipation command = new CorrectParticipation(childId, read.text("reviewId"),
                read.choice("correctedTo", ParticipationCode.class), read.text("reason"));
        return submit(redirect, read, childId, "correct-participation", command, "Participation code corrected");
    }

    /** The child's page once the looked-after projection has applied the journey's event {@code sequence}. */
    static String afterJourney(String childId, long sequence) {
        return "/children/" + childId + "?awaiting=" + LookedAfterIds.journeyOf(childId) + ":" + sequence
                + "#looked-after";
    }

    private String submit(RedirectAttributes redirect, FormReader read, String childId, String formName,
            Object command, String notice) {
        String back = "/children/" + childId + "/looked-after/" + formName;
        return forms.submit(redirect, read.form(), back, read.problems(), command, () -> {
            long sequence = commands.<Long>send(command, LookedAfterSubject.JOURNEY);
            return afterJourney(childId, sequence);
        }, notice);
    }

    /** The identifier the form page chose; a new one if the form came without it. */
    private static String identifier(FormReader read, String field) {
        String chosen = read.text(field);
        return chosen == null ? UUID.randomUUID().toString() : chosen;
    }

    /** A yes/no question the command needs answered: unanswered is a problem, not "no". */
    private static boolean answered(FormReader read, String field, String message) {
        Boolean answer = read.yesNo(field);
        if (answer == null) {
            read.problems().add(new Problem("invalid-input", field, message));
        }
        return Boolean.TRUE.equals(answer);
    }

    /** A text area read as one entry a line, blank lines dropped. */
    private static List<String> lines(String text) {
        return text == null ? List.of() : Arrays.stream(text.split("\\R")).map(String::strip)
                .filter(line -> !line.isEmpty()).toList();
    }

    private static MultiValueMap<String, String> withoutBlankActionRows(MultiValueMap<String, String> form) {
        MultiValueMap<String, String> compacted = new LinkedMultiValueMap<>();
        form.forEach((field, values) -> {
            if (!field.startsWith("actions[")) {
                compacted.put(field, values);
            }
        });
        String[] parts = {"action", "owner", "dueOn-day", "dueOn-month", "dueOn-year"};
        int next = 0;
        for (int i = 0; i < ACTION_ROWS; i++) {
            String from = "actions[" + i + "].";
            DateParts due = new DateParts(form.getFirst(from + "dueOn-day"), form.getFirst(from + "dueOn-month"),
                    form.getFirst(from + "dueOn-year"));
            if (blank(form.getFirst(from + "action")) && blank(form.getFirst(from + "owner")) && due.blank()) {
                continue;
            }
            String to = "actions[" + next++ + "].";
            for (String part : parts) {
                String value = form.getFirst(from + part);
                if (value != null) {
                    compacted.add(to + part, value);
                }
            }
        }
        return compacted;
    }

    private static boolean hasActionRow(MultiValueMap<String, String> form, int row) {
        return form.keySet().stream().anyMatch(field -> field.startsWith("actions[" + row + "]."));
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
