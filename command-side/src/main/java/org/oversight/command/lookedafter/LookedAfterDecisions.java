package org.oversight.command.lookedafter;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.security.Principal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import org.oversight.command.web.Answer;
import org.oversight.command.web.CommandApi;
import org.oversight.command.web.Commands;
import org.oversight.command.web.FormLabel;
import org.oversight.command.web.FormPage;
import org.oversight.command.web.Submitted;
import org.oversight.command.web.Submitted.FormOnly;
import org.oversight.events.access.Access;
import org.oversight.events.access.Operation;
import org.oversight.events.lookedafter.ConsultationMethod;
import org.oversight.events.lookedafter.EarlyReviewReason;
import org.oversight.events.lookedafter.LegalStatus;
import org.oversight.events.lookedafter.MidwayFinding;
import org.oversight.events.lookedafter.ParticipationCode;
import org.oversight.events.lookedafter.PermanencePlan;
import org.oversight.events.lookedafter.PrivateConversation;
import org.oversight.events.lookedafter.ReasonPeriodEnded;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * A child's looked-after journey: periods of care and the changes inside them, the IRO's consultations, visits
 * and midway checks, reviews with the actions agreed at them, the actions' completion, change or cancellation,
 * the permanence plan, the review record's distribution and corrections. Each decision has one handler, for its
 * form on the child's record (served by the query side's {@code LookedAfterPages}, at the same address under
 * {@code /children/}) and for the JSON API. A form is answered with the child's page once the projection has
 * caught up; a JSON answer gives the sequence number of the journey's last event: read
 * {@code /api/children/{id}/looked-after?after=N} to see it applied. Where the API asks for the IRO
 * ({@code iroId}) and is not told, the signed-in chair is taken as the IRO; a form must say.
 */
@Access(Operation.RECORD_FOR_CHILD)
@CommandApi
@Controller
public class LookedAfterDecisions {

    private static final String FORM = MediaType.APPLICATION_FORM_URLENCODED_VALUE;
    private static final String JSON = MediaType.APPLICATION_JSON_VALUE;
    private static final String ON_THE_RECORD = "/children/{childId}/looked-after/";
    private static final String API = "/api/children/{childId}/looked-after/";

    private final Commands commands;

    public LookedAfterDecisions(Commands commands) {
        this.commands = commands;
    }

    /** @param id what the decision recorded or concerned (a period, review or action), when it has an identifier */
    public record Recorded(String childId, String id, long sequence) {
    }

    /** @param actionIds the identifiers of the actions agreed at the review, in the order given */
    public record ReviewRecorded(String childId, String reviewId, List<String> actionIds, long sequence) {
    }

    /** The period's identifier may come with the request, so one sent twice is refused, not recorded twice. */
    public record PeriodStart(String periodId,
            @FormLabel("The date the child started to be looked after") LocalDate startedOn, LegalStatus legalStatus,
            String placement) {
    }

    public record LegalStatusChange(@FormLabel("The date the legal status changed") LocalDate changedOn,
            LegalStatus legalStatus) {
    }

    public record PlacementChange(@FormLabel("The date the child moved") LocalDate changedOn, String placement,
            Boolean carerChanged) {
    }

    public record PeriodEnd(@FormLabel("The date the child stopped being looked after") LocalDate endedOn,
            ReasonPeriodEnded reason) {
    }

    public record Consultation(@FormLabel("The date the child was consulted") LocalDate consultedOn,
            ConsultationMethod method,
            @NotNull(groups = FormOnly.class, message = "Select whether you saw or spoke to the child on their own")
            Boolean seenAlone,
            @NotBlank(groups = FormOnly.class, message = "Select the IRO who consulted the child") String iroId,
            PrivateConversation privateConversation) {
    }

    public record Visit(@FormLabel("The date of the visit or contact") LocalDate visitedOn,
            @NotNull(groups = FormOnly.class, message = "Select whether you saw the child in person")
            Boolean faceToFace,
            @NotBlank(groups = FormOnly.class, message = "Select the IRO who visited") String iroId) {
    }

    public record MidwayCheck(@FormLabel("The date of the check") LocalDate checkedOn, MidwayFinding finding,
            @NotBlank(groups = FormOnly.class, message = "Select the IRO who made the check") String iroId) {
    }

    public record EarlyReview(@FormLabel("The date the early review was asked for") LocalDate requestedOn,
            EarlyReviewReason reason,
            @NotBlank(groups = FormOnly.class, message = "Select the IRO") String iroId) {
    }

    /** The review's identifier may come with the request, so one sent twice is refused, not recorded twice. */
    public record Review(String reviewId, @FormLabel("The date of the review") LocalDate heldOn,
            ParticipationCode participation,
            @NotNull(groups = FormOnly.class, message = "Select whether you spoke to the child before the review")
            Boolean spokeToChildBeforehand,
            List<String> decisions, List<String> recommendations,
            @NotBlank(groups = FormOnly.class, message = "Select the IRO who chaired the review") String iroId,
            List<Action> actions) {
    }

    /** One action agreed at a review. */
    public record Action(String action, String owner, @FormLabel("The date action {n} is due") LocalDate dueOn) {

        HoldLookedAfterReview.AgreedAction agreed() {
            return new HoldLookedAfterReview.AgreedAction(action, owner, dueOn);
        }
    }

    public record Completion(String actionId, @FormLabel("The date the action was done") LocalDate completedOn) {
    }

    public record ActionChange(String actionId, String action, String owner,
            @FormLabel("The date the action is due") LocalDate dueOn, String reason,
            @FormLabel("The date of the change") LocalDate changedOn) {
    }

    public record Cancellation(String actionId,
            @FormLabel("The date the action was cancelled") LocalDate cancelledOn, String reason) {
    }

    public record Permanence(@FormLabel("The date the plan was made") LocalDate recordedOn, PermanencePlan plan) {
    }

    public record Distribution(String reviewId, @FormLabel("The date the record was sent") LocalDate distributedOn,
            @NotNull(groups = FormOnly.class, message = "Select whether a version written for the child was sent")
            Boolean childFriendlyVersion) {
    }

    public record DecisionsSent(String reviewId, @FormLabel("The date the decisions were sent") LocalDate sentOn) {
    }

    public record ReviewDateCorrection(String reviewId,
            @FormLabel("The date the review was held") LocalDate correctedTo, String reason) {
    }

    public record ParticipationCorrection(String reviewId, ParticipationCode correctedTo, String reason) {
    }

    @PostMapping(path = {ON_THE_RECORD + "start-period", API + "periods"}, consumes = {FORM, JSON})
    @FormPage(ON_THE_RECORD + "start-period")
    public Answer startPeriod(@PathVariable String childId, @Submitted PeriodStart body) {
        String periodId = chosenOrNew(body.periodId());
        return recorded(childId, periodId, new StartPeriodOfCare(childId, periodId, body.startedOn(),
                body.legalStatus(), Placements.normalise(body.placement())), "Period of care started");
    }

    @PostMapping(path = {ON_THE_RECORD + "legal-status", API + "legal-status-changes"}, consumes = {FORM, JSON})
    @FormPage(ON_THE_RECORD + "legal-status")
    public Answer changeLegalStatus(@PathVariable String childId, @Submitted LegalStatusChange body) {
        return recorded(childId, null, new ChangeLegalStatus(childId, body.changedOn(), body.legalStatus()),
                "Legal status changed");
    }

    @PostMapping(path = {ON_THE_RECORD + "placement", API + "placement-changes"}, consumes = {FORM, JSON})
    @FormPage(ON_THE_RECORD + "placement")
    public Answer changePlacement(@PathVariable String childId, @Submitted PlacementChange body) {
        return recorded(childId, null, ChangePlacement.of(childId, body.changedOn(), body.placement(),
                body.carerChanged()),
                "Placement changed");
    }

    @PostMapping(path = {ON_THE_RECORD + "end-period", API + "period-end"}, consumes = {FORM, JSON})
    @FormPage(ON_THE_RECORD + "end-period")
    public Answer endPeriod(@PathVariable String childId, @Submitted PeriodEnd body) {
        return recorded(childId, null, new EndPeriodOfCare(childId, body.endedOn(), body.reason()),
                "Period of care ended");
    }

    @PostMapping(path = {ON_THE_RECORD + "consultation", API + "consultations"}, consumes = {FORM, JSON})
    @FormPage(ON_THE_RECORD + "consultation")
    public Answer consultation(@PathVariable String childId, @Submitted Consultation body, Principal principal) {
        return recorded(childId, null, new RecordConsultation(childId, body.consultedOn(), body.method(),
                Boolean.TRUE.equals(body.seenAlone()), iro(body.iroId(), principal), body.privateConversation()),
                "Consultation recorded");
    }

    @PostMapping(path = {ON_THE_RECORD + "iro-visit", API + "iro-visits"}, consumes = {FORM, JSON})
    @FormPage(ON_THE_RECORD + "iro-visit")
    public Answer visit(@PathVariable String childId, @Submitted Visit body, Principal principal) {
        return recorded(childId, null, new RecordIroVisit(childId, body.visitedOn(),
                Boolean.TRUE.equals(body.faceToFace()), iro(body.iroId(), principal)), "Visit recorded");
    }

    @PostMapping(path = {ON_THE_RECORD + "midway-check", API + "midway-checks"}, consumes = {FORM, JSON})
    @FormPage(ON_THE_RECORD + "midway-check")
    public Answer midwayCheck(@PathVariable String childId, @Submitted MidwayCheck body, Principal principal) {
        return recorded(childId, null, new RecordMidwayCheck(childId, body.checkedOn(), body.finding(),
                iro(body.iroId(), principal)), "Midway check recorded");
    }

    @PostMapping(path = {ON_THE_RECORD + "early-review", API + "early-review-requests"}, consumes = {FORM, JSON})
    @FormPage(ON_THE_RECORD + "early-review")
    public Answer earlyReview(@PathVariable String childId, @Submitted EarlyReview body, Principal principal) {
        return recorded(childId, null, new RequestEarlyReview(childId, body.requestedOn(), body.reason(),
                iro(body.iroId(), principal)), "Early review request recorded");
    }

    @PostMapping(path = {ON_THE_RECORD + "review", API + "reviews"}, consumes = {FORM, JSON})
    @FormPage(ON_THE_RECORD + "review")
    public Answer review(@PathVariable String childId, @Submitted(layout = ReviewForm.class) Review body,
            Principal principal) {
        HoldLookedAfterReview command = new HoldLookedAfterReview(childId, chosenOrNew(body.reviewId()),
                body.heldOn(), body.participation(), Boolean.TRUE.equals(body.spokeToChildBeforehand()),
                body.decisions(), body.recommendations(), iro(body.iroId(), principal),
                body.actions() == null ? null
                        : body.actions().stream().map(a -> a == null ? null : a.agreed()).toList());
        long sequence = commands.send(command, LookedAfterSubject.JOURNEY);
        List<String> actionIds = IntStream.range(0, command.actions().size())
                .mapToObj(i -> LookedAfterIds.actionOf(command.reviewId(), i)).toList();
        return Answer.of(new ReviewRecorded(childId, command.reviewId(), actionIds, sequence))
                .then(afterJourney(childId, sequence), "Review recorded");
    }

    @PostMapping(path = {ON_THE_RECORD + "complete-action", API + "actions/{actionId}/completion"},
            consumes = {FORM, JSON})
    @FormPage(ON_THE_RECORD + "complete-action")
    public Answer completeAction(@PathVariable String childId, @PathVariable(required = false) String actionId,
            @Submitted Completion body) {
        String action = actionId != null ? actionId : body.actionId();
        return recorded(childId, action, new CompleteAction(childId, action, body.completedOn()), "Action completed");
    }

    @PostMapping(path = {ON_THE_RECORD + "change-action", API + "actions/{actionId}/changes"},
            consumes = {FORM, JSON})
    @FormPage(ON_THE_RECORD + "change-action")
    public Answer changeAction(@PathVariable String childId, @PathVariable(required = false) String actionId,
            @Submitted ActionChange body) {
        String action = actionId != null ? actionId : body.actionId();
        return recorded(childId, action, new ChangeAction(childId, action, body.action(), body.owner(),
                body.dueOn(), body.reason(), body.changedOn()), "Action changed");
    }

    @PostMapping(path = {ON_THE_RECORD + "cancel-action", API + "actions/{actionId}/cancellation"},
            consumes = {FORM, JSON})
    @FormPage(ON_THE_RECORD + "cancel-action")
    public Answer cancelAction(@PathVariable String childId, @PathVariable(required = false) String actionId,
            @Submitted Cancellation body) {
        String action = actionId != null ? actionId : body.actionId();
        return recorded(childId, action, new CancelAction(childId, action, body.cancelledOn(), body.reason()),
                "Action cancelled");
    }

    @PostMapping(path = {ON_THE_RECORD + "permanence-plan", API + "permanence-plans"}, consumes = {FORM, JSON})
    @FormPage(ON_THE_RECORD + "permanence-plan")
    public Answer permanencePlan(@PathVariable String childId, @Submitted Permanence body) {
        return recorded(childId, null, new RecordPermanencePlan(childId, body.recordedOn(), body.plan()),
                "Permanence plan recorded");
    }

    @PostMapping(path = {ON_THE_RECORD + "distribution", API + "reviews/{reviewId}/distribution"},
            consumes = {FORM, JSON})
    @FormPage(ON_THE_RECORD + "distribution")
    public Answer distribution(@PathVariable String childId, @PathVariable(required = false) String reviewId,
            @Submitted Distribution body) {
        String review = reviewId != null ? reviewId : body.reviewId();
        return recorded(childId, review, new RecordReviewDistribution(childId, review, body.distributedOn(),
                Boolean.TRUE.equals(body.childFriendlyVersion())), "Distribution of the review record recorded");
    }

    @PostMapping(path = {ON_THE_RECORD + "decisions-sent", API + "reviews/{reviewId}/decisions-sent"},
            consumes = {FORM, JSON})
    @FormPage(ON_THE_RECORD + "decisions-sent")
    public Answer decisionsSent(@PathVariable String childId, @PathVariable(required = false) String reviewId,
            @Submitted DecisionsSent body) {
        String review = reviewId != null ? reviewId : body.reviewId();
        return recorded(childId, review, new RecordDecisionsSent(childId, review, body.sentOn()),
                "Sending of the review's decisions recorded");
    }

    @PostMapping(path = {ON_THE_RECORD + "correct-review-date", API + "reviews/{reviewId}/date-corrections"},
            consumes = {FORM, JSON})
    @FormPage(ON_THE_RECORD + "correct-review-date")
    public Answer correctReviewDate(@PathVariable String childId, @PathVariable(required = false) String reviewId,
            @Submitted ReviewDateCorrection body) {
        String review = reviewId != null ? reviewId : body.reviewId();
        return recorded(childId, review, new CorrectReviewDate(childId, review, body.correctedTo(), body.reason()),
                "Review date corrected");
    }

    @PostMapping(path = {ON_THE_RECORD + "correct-participation",
            API + "reviews/{reviewId}/participation-corrections"}, consumes = {FORM, JSON})
    @FormPage(ON_THE_RECORD + "correct-participation")
    public Answer correctParticipation(@PathVariable String childId, @PathVariable(required = false) String reviewId,
            @Submitted ParticipationCorrection body) {
        String review = reviewId != null ? reviewId : body.reviewId();
        return recorded(childId, review, new CorrectParticipation(childId, review, body.correctedTo(),
                body.reason()), "Participation code corrected");
    }

    private Answer recorded(String childId, String id, Object command, String notice) {
        long sequence = commands.<Long>send(command, LookedAfterSubject.JOURNEY);
        return Answer.of(new Recorded(childId, id, sequence)).then(afterJourney(childId, sequence), notice);
    }

    /** The child's page once the looked-after projection has applied the journey's event {@code sequence}. */
    static String afterJourney(String childId, long sequence) {
        return "/children/" + childId + "?awaiting=" + LookedAfterIds.journeyOf(childId) + ":" + sequence
                + "#looked-after";
    }

    private static String iro(String given, Principal principal) {
        return given == null || given.isBlank() ? principal.getName() : given;
    }

    private static String chosenOrNew(String given) {
        return given == null || given.isBlank() ? UUID.randomUUID().toString() : given;
    }
}
