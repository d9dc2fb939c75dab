package org.oversight.command.lookedafter;

import java.security.Principal;
import org.oversight.events.access.Operation;
import org.oversight.events.access.Access;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import org.oversight.command.web.CommandApi;
import org.oversight.command.web.Commands;
import org.oversight.events.lookedafter.ConsultationMethod;
import org.oversight.events.lookedafter.EarlyReviewReason;
import org.oversight.events.lookedafter.LegalStatus;
import org.oversight.events.lookedafter.MidwayFinding;
import org.oversight.events.lookedafter.ParticipationCode;
import org.oversight.events.lookedafter.PermanencePlan;
import org.oversight.events.lookedafter.ReasonPeriodEnded;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * JSON endpoints for a child's looked-after journey. Each answer gives the sequence number of the journey's last
 * event; read {@code /api/children/{id}/looked-after?after=N} to see it applied. Where the IRO is asked for
 * ({@code iroId}) and not given, the signed-in chair is taken as the IRO; the directory still checks that they can
 * act as one.
 */
@Access(Operation.RECORD_FOR_CHILD)
@CommandApi
@RestController
@RequestMapping(path = "/api/children/{childId}/looked-after", consumes = MediaType.APPLICATION_JSON_VALUE)
public class LookedAfterApi {

    private final Commands commands;

    public LookedAfterApi(Commands commands) {
        this.commands = commands;
    }

    /** @param id what the decision recorded or concerned (a period, review or action), when it has an identifier */
    public record Recorded(String childId, String id, long sequence) {
    }

    /** @param actionIds the identifiers of the actions agreed at the review, in the order given */
    public record ReviewRecorded(String childId, String reviewId, List<String> actionIds, long sequence) {
    }

    /** The client may give {@code periodId} (making a retry safe); otherwise one is assigned. */
    public record PeriodStart(String periodId, LocalDate startedOn, LegalStatus legalStatus, String placement) {
    }

    public record LegalStatusChange(LocalDate changedOn, LegalStatus legalStatus) {
    }

    public record PlacementChange(LocalDate changedOn, String placement) {
    }

    public record PeriodEnd(LocalDate endedOn, ReasonPeriodEnded reason) {
    }

    public record Consultation(LocalDate consultedOn, ConsultationMethod method, boolean seenAlone, String iroId) {
    }

    public record Visit(LocalDate visitedOn, boolean faceToFace, String iroId) {
    }

    public record MidwayCheck(LocalDate checkedOn, MidwayFinding finding, String iroId) {
    }

    public record EarlyReview(LocalDate requestedOn, EarlyReviewReason reason, String iroId) {
    }

    /** The client may give {@code reviewId} (making a retry safe); otherwise one is assigned. */
    public record Review(String reviewId, LocalDate heldOn, ParticipationCode participation,
            boolean spokeToChildBeforehand, List<String> decisions, List<String> recommendations, String iroId,
            List<HoldLookedAfterReview.AgreedAction> actions) {
    }

    public record Completion(LocalDate completedOn) {
    }

    public record ActionChange(String action, String owner, LocalDate dueOn, String reason, LocalDate changedOn) {
    }

    public record Cancellation(LocalDate cancelledOn, String reason) {
    }

    public record Permanence(LocalDate recordedOn, PermanencePlan plan) {
    }

    public record Distribution(LocalDate distributedOn, boolean childFriendlyVersion) {
    }

    public record ReviewDateCorrection(LocalDate correctedTo, String reason) {
    }

    public record DecisionsSent(LocalDate sentOn) {
    }

    public record ParticipationCorrection(ParticipationCode correctedTo, String reason) {
    }

    @PostMapping("/periods")
    public Recorded startPeriod(@PathVariable String childId, @RequestBody PeriodStart body) {
        String periodId = chosenOrNew(body.periodId());
        return recorded(childId, periodId, new StartPeriodOfCare(childId, periodId, body.startedOn(),
                body.legalStatus(), Placements.normalise(body.placement())));
    }

    @PostMapping("/legal-status-changes")
    public Recorded changeLegalStatus(@PathVariable String childId, @RequestBody LegalStatusChange body) {
        return recorded(childId, null, new ChangeLegalStatus(childId, body.changedOn(), body.legalStatus()));
    }

    @PostMapping("/placement-changes")
    public Recorded changePlacement(@PathVariable String childId, @RequestBody PlacementChange body) {
        return recorded(childId, null, ChangePlacement.of(childId, body.changedOn(), body.placement()));
    }

    @PostMapping("/period-end")
    public Recorded endPeriod(@PathVariable String childId, @RequestBody PeriodEnd body) {
        return recorded(childId, null, new EndPeriodOfCare(childId, body.endedOn(), body.reason()));
    }

    @PostMapping("/consultations")
    public Recorded consultation(@PathVariable String childId, @RequestBody Consultation body, Principal principal) {
        return recorded(childId, null, new RecordConsultation(childId, body.consultedOn(), body.method(),
                body.seenAlone(), iro(body.iroId(), principal)));
    }

    @PostMapping("/iro-visits")
    public Recorded visit(@PathVariable String childId, @RequestBody Visit body, Principal principal) {
        return recorded(childId, null, new RecordIroVisit(childId, body.visitedOn(), body.faceToFace(),
                iro(body.iroId(), principal)));
    }

    @PostMapping("/midway-checks")
    public Recorded midwayCheck(@PathVariable String childId, @RequestBody MidwayCheck body, Principal principal) {
        return recorded(childId, null, new RecordMidwayCheck(childId, body.checkedOn(), body.finding(),
                iro(body.iroId(), principal)));
    }

    @PostMapping("/early-review-requests")
    public Recorded earlyReview(@PathVariable String childId, @RequestBody EarlyReview body, Principal principal) {
        return recorded(childId, null, new RequestEarlyReview(childId, body.requestedOn(), body.reason(),
                iro(body.iroId(), principal)));
    }

    @PostMapping("/reviews")
    public ReviewRecorded review(@PathVariable String childId, @RequestBody Review body, Principal principal) {
        HoldLookedAfterReview command = new HoldLookedAfterReview(childId, chosenOrNew(body.reviewId()),
                body.heldOn(), body.participation(), body.spokeToChildBeforehand(), body.decisions(),
                body.recommendations(), iro(body.iroId(), principal), body.actions());
        long sequence = commands.send(command, LookedAfterSubject.JOURNEY);
        List<String> actionIds = IntStream.range(0, command.actions().size())
                .mapToObj(i -> LookedAfterIds.actionOf(command.reviewId(), i)).toList();
        return new ReviewRecorded(childId, command.reviewId(), actionIds, sequence);
    }

    @PostMapping("/actions/{actionId}/completion")
    public Recorded completeAction(@PathVariable String childId, @PathVariable String actionId,
            @RequestBody Completion body) {
        return recorded(childId, actionId, new CompleteAction(childId, actionId, body.completedOn()));
    }

    @PostMapping("/actions/{actionId}/changes")
    public Recorded changeAction(@PathVariable String childId, @PathVariable String actionId,
            @RequestBody ActionChange body) {
        return recorded(childId, actionId, new ChangeAction(childId, actionId, body.action(), body.owner(),
                body.dueOn(), body.reason(), body.changedOn()));
    }

    @PostMapping("/actions/{actionId}/cancellation")
    public Recorded cancelAction(@PathVariable String childId, @PathVariable String actionId,
            @RequestBody Cancellation body) {
        return recorded(childId, actionId, new CancelAction(childId, actionId, body.cancelledOn(), body.reason()));
    }

    @PostMapping("/permanence-plans")
    public Recorded permanencePlan(@PathVariable String childId, @RequestBody Permanence body) {
        return recorded(childId, null, new RecordPermanencePlan(childId, body.recordedOn(), body.plan()));
    }

    @PostMapping("/reviews/{reviewId}/distribution")
    public Recorded distribution(@PathVariable String childId, @PathVariable String reviewId,
            @RequestBody Distribution body) {
        return recorded(childId, reviewId, new RecordReviewDistribution(childId, reviewId, body.distributedOn(),
                body.childFriendlyVersion()));
    }

    @PostMapping("/reviews/{reviewId}/decisions-sent")
    public Recorded decisionsSent(@PathVariable String childId, @PathVariable String reviewId,
            @RequestBody DecisionsSent body) {
        return recorded(childId, reviewId, new RecordDecisionsSent(childId, reviewId, body.sentOn()));
    }

    @PostMapping("/reviews/{reviewId}/date-corrections")
    public Recorded correctReviewDate(@PathVariable String childId, @PathVariable String reviewId,
            @RequestBody ReviewDateCorrection body) {
        return recorded(childId, reviewId, new CorrectReviewDate(childId, reviewId, body.correctedTo(),
                body.reason()));
    }

    @PostMapping("/reviews/{reviewId}/participation-corrections")
    public Recorded correctParticipation(@PathVariable String childId, @PathVariable String reviewId,
            @RequestBody ParticipationCorrection body) {
        return recorded(childId, reviewId, new CorrectParticipation(childId, reviewId, body.correctedTo(),
                body.reason()));
    }

    private Recorded recorded(String childId, String id, Object command) {
        long sequence = commands.send(command, LookedAfterSubject.JOURNEY);
        return new Recorded(childId, id, sequence);
    }

    private static String iro(String given, Principal principal) {
        return given == null || given.isBlank() ? principal.getName() : given;
    }

    private static String chosenOrNew(String given) {
        return given == null || given.isBlank() ? UUID.randomUUID().toString() : given;
    }
}
