package org.oversight.command.protection;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.oversight.command.web.Answer;
import org.oversight.command.web.CommandApi;
import org.oversight.command.web.Commands;
import org.oversight.command.web.FormLabel;
import org.oversight.command.web.FormPage;
import org.oversight.command.web.Submitted;
import org.oversight.events.access.Access;
import org.oversight.events.access.Operation;
import org.oversight.events.protection.CategoryOfAbuse;
import org.oversight.events.protection.ChildsView;
import org.oversight.events.protection.ConferenceOutcome;
import org.oversight.events.protection.ConferenceType;
import org.oversight.events.protection.PlanEndReason;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * Child protection decisions, each with one handler for its form on the child's record (served by the query
 * side) and for the JSON API. Conferences take a list of per-child decisions, so a sibling group decided at one
 * conference is recorded at once, atomically; the form decides for its own child and the children named in its
 * rows ({@link SiblingRows}). Each JSON answer gives the sequence number of the child's last event; read
 * {@code /api/children/{id}/protection?after=N} to see it applied.
 */
@Access(Operation.RECORD_FOR_CHILD)
@CommandApi
@Controller
public class ProtectionDecisions {

    private static final String FORM = MediaType.APPLICATION_FORM_URLENCODED_VALUE;
    private static final String JSON = MediaType.APPLICATION_JSON_VALUE;
    private static final String ON_THE_RECORD = "/children/{childId}/protection/";
    private static final String API = "/api/children/{childId}/protection/";

    private final Commands commands;

    public ProtectionDecisions(Commands commands) {
        this.commands = commands;
    }

    public record Recorded(String childId, String id, long sequence) {
    }

    public record ConferenceRecorded(String conferenceId, Map<String, Long> sequences) {
    }

    public record StrategyDiscussion(@FormLabel("The date of the strategy discussion") LocalDate strategyDiscussionOn) {
    }

    public record PlanEnd(@FormLabel("The date the plan ended") LocalDate endDate, PlanEndReason reason) {
    }

    public record NotRequired(String enquiryId, @FormLabel("The date of the decision") LocalDate decidedOn,
            String reason) {
    }

    public record ConferenceDateCorrection(String conferenceId,
            @FormLabel("The date the conference was held") LocalDate correctedTo, String reason) {
    }

    public record InitialCategoryCorrection(String planId, CategoryOfAbuse correctedTo, String reason) {
    }

    /** An initial conference; the client may give {@code conferenceId} (making a retry safe). */
    public record InitialConference(String conferenceId, ConferenceType type,
            @FormLabel("The date of the conference") LocalDate heldOn, List<String> attendingAgencies,
            String chairId, List<InitialDecision> decisions) {

        HoldInitialConference command() {
            return new HoldInitialConference(idOrNew(conferenceId), type, heldOn, attendingAgencies, chairId,
                    decisions == null ? null : decisions.stream().map(d -> d == null ? null : d.command()).toList());
        }
    }

    /** What an initial conference decided for one child; no previous plans when none is said. */
    public record InitialDecision(String childId, String enquiryId, ConferenceOutcome outcome,
            CategoryOfAbuse initialCategory, @FormLabel("The number of previous plans") Integer previousPlans,
            ChildsView childsView) {

        HoldInitialConference.ChildDecision command() {
            return new HoldInitialConference.ChildDecision(childId, enquiryId, outcome, initialCategory,
                    previousPlans == null ? 0 : previousPlans, childsView);
        }
    }

    /** A review conference; the client may give {@code conferenceId} (making a retry safe). */
    public record ReviewConference(String conferenceId,
            @FormLabel("The date of the conference") LocalDate heldOn, List<String> attendingAgencies,
            String chairId, List<@Valid ReviewDecision> decisions) {

        HoldReviewConference command() {
            return new HoldReviewConference(idOrNew(conferenceId), heldOn, attendingAgencies, chairId,
                    decisions == null ? null : decisions.stream().map(d -> d == null ? null : d.command()).toList());
        }
    }

    /**
     * What a review decided for one child's plan. The form must say whether the plan continues; an API client
     * that does not say is taken to end it, as it always has been.
     */
    public record ReviewDecision(String childId,
            @NotNull(groups = Submitted.FormOnly.class, message = "Select whether the plan continues")
            Boolean planContinues, CategoryOfAbuse latestCategory, PlanEndReason endReason, ChildsView childsView) {

        HoldReviewConference.ReviewDecision command() {
            return new HoldReviewConference.ReviewDecision(childId, Boolean.TRUE.equals(planContinues),
                    latestCategory, endReason, childsView);
        }
    }

    @PostMapping(path = {ON_THE_RECORD + "strategy-discussion", API + "strategy-discussions"}, consumes = {FORM, JSON})
    @FormPage(ON_THE_RECORD + "strategy-discussion")
    public Answer strategyDiscussion(@PathVariable String childId, @Submitted StrategyDiscussion body) {
        String enquiryId = UUID.randomUUID().toString();
        long sequence = commands.send(new RecordStrategyDiscussion(childId, enquiryId, body.strategyDiscussionOn()),
                ProtectionSubject.JOURNEY);
        return recorded(childId, enquiryId, sequence, "Strategy discussion recorded");
    }

    @PostMapping(path = {ON_THE_RECORD + "initial-conference", "/api/protection/initial-conferences"},
            consumes = {FORM, JSON})
    @FormPage(ON_THE_RECORD + "initial-conference")
    public Answer initialConference(@PathVariable(required = false) String childId,
            @Submitted(layout = SiblingRows.class) InitialConference body) {
        HoldInitialConference command = body.command();
        Map<String, Long> sequences = commands.send(command, ProtectionSubject.JOURNEY);
        boolean plan = !command.decisions().isEmpty() && command.decisions().get(0).outcome() == ConferenceOutcome.PLAN;
        return conference(childId, command.conferenceId(), sequences,
                plan ? "Conference recorded: child protection plan started" : "Conference recorded");
    }

    @PostMapping(path = {ON_THE_RECORD + "review-conference", "/api/protection/review-conferences"},
            consumes = {FORM, JSON})
    @FormPage(ON_THE_RECORD + "review-conference")
    public Answer reviewConference(@PathVariable(required = false) String childId,
            @Submitted(layout = SiblingRows.class) ReviewConference body) {
        HoldReviewConference command = body.command();
        Map<String, Long> sequences = commands.send(command, ProtectionSubject.JOURNEY);
        boolean continues = !command.decisions().isEmpty() && command.decisions().get(0).planContinues();
        return conference(childId, command.conferenceId(), sequences,
                continues ? "Review conference recorded" : "Review conference recorded: plan ended");
    }

    @PostMapping(path = {ON_THE_RECORD + "end-plan", API + "plan-end"}, consumes = {FORM, JSON})
    @FormPage(ON_THE_RECORD + "end-plan")
    public Answer endPlan(@PathVariable String childId, @Submitted PlanEnd body) {
        long sequence = commands.send(new EndChildProtectionPlan(childId, body.endDate(), body.reason()),
                ProtectionSubject.JOURNEY);
        return recorded(childId, null, sequence, "Child protection plan ended");
    }

    @PostMapping(path = {ON_THE_RECORD + "initial-conference-not-required", API + "initial-conference-not-required"},
            consumes = {FORM, JSON})
    @FormPage(ON_THE_RECORD + "initial-conference-not-required")
    public Answer notRequired(@PathVariable String childId, @Submitted NotRequired body) {
        long sequence = commands.send(new RecordInitialConferenceNotRequired(childId, body.enquiryId(),
                body.decidedOn(), body.reason()), ProtectionSubject.JOURNEY);
        return recorded(childId, body.enquiryId(), sequence, "Recorded that no initial conference is needed");
    }

    @PostMapping(path = {ON_THE_RECORD + "correct-conference-date", API + "conference-date-corrections"},
            consumes = {FORM, JSON})
    @FormPage(ON_THE_RECORD + "correct-conference-date")
    public Answer correctConferenceDate(@PathVariable String childId, @Submitted ConferenceDateCorrection body) {
        long sequence = commands.send(new CorrectConferenceDate(childId, body.conferenceId(), body.correctedTo(),
                body.reason()), ProtectionSubject.JOURNEY);
        return recorded(childId, body.conferenceId(), sequence, "Conference date corrected");
    }

    @PostMapping(path = {ON_THE_RECORD + "correct-initial-category", API + "initial-category-corrections"},
            consumes = {FORM, JSON})
    @FormPage(ON_THE_RECORD + "correct-initial-category")
    public Answer correctInitialCategory(@PathVariable String childId, @Submitted InitialCategoryCorrection body) {
        long sequence = commands.send(new CorrectInitialCategory(childId, body.planId(), body.correctedTo(),
                body.reason()), ProtectionSubject.JOURNEY);
        return recorded(childId, body.planId(), sequence, "Initial category corrected");
    }

    private static Answer recorded(String childId, String id, long sequence, String notice) {
        return Answer.of(new Recorded(childId, id, sequence)).then(afterProtection(childId, sequence), notice);
    }

    /** The answer to a conference: for a form, its own child's page once that child's events are applied. */
    private static Answer conference(String childId, String conferenceId, Map<String, Long> sequences,
            String notice) {
        Answer answer = Answer.of(new ConferenceRecorded(conferenceId, sequences));
        Long sequence = childId == null ? null : sequences.get(childId);
        return sequence == null ? answer : answer.then(afterProtection(childId, sequence), notice);
    }

    private static String afterProtection(String childId, long sequence) {
        return "/children/" + childId + "?awaiting=" + ProtectionIds.protectionOf(childId) + ":" + sequence;
    }

    private static String idOrNew(String conferenceId) {
        return conferenceId == null || conferenceId.isBlank() ? UUID.randomUUID().toString() : conferenceId;
    }
}
