package org.oversight.command.protection;

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
import org.oversight.events.access.Access;
import org.oversight.events.access.Operation;
import org.oversight.events.protection.PlanMidwayFinding;
import org.oversight.events.protection.StrategyMeetingDecision;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * A child protection plan between conferences (its outcomes and actions, core group meetings and the chair's midway
 * check) and strategy meetings: one handler for each decision's form on the child's record (served by the query
 * side at the same address) and for the JSON API. Each JSON answer gives the sequence number of the child's last
 * event; read {@code /api/children/{id}/protection?after=N} to see it applied.
 */
@Access(Operation.RECORD_FOR_CHILD)
@CommandApi
@Controller
public class PlanBetweenConferencesDecisions {

    private static final String FORM = MediaType.APPLICATION_FORM_URLENCODED_VALUE;
    private static final String JSON = MediaType.APPLICATION_JSON_VALUE;
    private static final String API = "/api/children/{childId}/protection/";
    private static final String ON_THE_RECORD = "/children/{childId}/protection/plan/";
    /** A strategy meeting comes before any plan, so its form is not one of the plan's. */
    private static final String STRATEGY_MEETING_FORM = "/children/{childId}/protection/strategy-meeting";

    private final Commands commands;

    public PlanBetweenConferencesDecisions(Commands commands) {
        this.commands = commands;
    }

    public record Recorded(String childId, String id, long sequence) {
    }

    /** What an agreement recorded: the ids of the actions it added, in the order given. */
    public record PlanAgreed(String childId, String conferenceId, List<String> actionIds, long sequence) {
    }

    public record StrategyMeetingRecorded(String childId, String meetingId, String enquiryId, long sequence) {
    }

    public record StrategyMeeting(String meetingId, @FormLabel("The date of the strategy meeting") LocalDate heldOn,
            List<String> attendingAgencies, StrategyMeetingDecision decision) {
    }

    public record PlanAgreement(String conferenceId, List<String> outcomes, String contingencyPlan,
            List<AgreeProtectionPlan.AgreedAction> actions) {
    }

    /** @param actionId the action, when the form names it rather than the address */
    public record Completion(String actionId, @FormLabel("The date the action was done") LocalDate completedOn) {
    }

    /** @param actionId the action, when the form names it rather than the address */
    public record ActionChange(String actionId, String action, String owner,
            @FormLabel("The date the action is due") LocalDate dueOn, String reason,
            @FormLabel("The date of the change") LocalDate changedOn) {
    }

    /** @param actionId the action, when the form names it rather than the address */
    public record Cancellation(String actionId,
            @FormLabel("The date the action was cancelled") LocalDate cancelledOn, String reason) {
    }

    public record CoreGroup(String meetingId, @FormLabel("The date of the core group meeting") LocalDate heldOn,
            List<String> attendingAgencies, List<RecordCoreGroupMeeting.Progress> actionProgress,
            String progressNote) {
    }

    public record MidwayCheck(@FormLabel("The date of the check") LocalDate checkedOn, PlanMidwayFinding finding,
            String alertRaisedTo) {
    }

    @PostMapping(path = {STRATEGY_MEETING_FORM, API + "strategy-meetings"}, consumes = {FORM, JSON})
    @FormPage(STRATEGY_MEETING_FORM)
    public Answer strategyMeeting(@PathVariable String childId, @Submitted StrategyMeeting body) {
        String meetingId = idOrNew(body.meetingId());
        String enquiryId = body.decision() == StrategyMeetingDecision.SECTION_47_ENQUIRY
                ? UUID.nameUUIDFromBytes(("oversight-meeting-enquiry|" + childId + "|" + meetingId)
                        .getBytes(java.nio.charset.StandardCharsets.UTF_8)).toString()
                : null;
        long sequence = commands.send(new RecordStrategyMeeting(childId, meetingId, body.heldOn(),
                body.attendingAgencies(), body.decision(), enquiryId), ProtectionSubject.JOURNEY);
        return Answer.of(new StrategyMeetingRecorded(childId, meetingId, enquiryId, sequence))
                .then(afterPlan(childId, sequence), "Strategy meeting recorded");
    }

    @PostMapping(path = {ON_THE_RECORD + "agree", API + "plan-agreements"}, consumes = {FORM, JSON})
    @FormPage(ON_THE_RECORD + "agree")
    public Answer agreePlan(@PathVariable String childId,
            @Submitted(layout = PlanAgreementForm.class) PlanAgreement body) {
        AgreeProtectionPlan command = new AgreeProtectionPlan(childId, body.conferenceId(), body.outcomes(),
                body.contingencyPlan(), body.actions());
        long sequence = commands.send(command, ProtectionSubject.JOURNEY);
        List<String> actionIds = IntStream.range(0, command.actions().size())
                .mapToObj(i -> PlanIds.actionOf(childId, command.conferenceId(), i)).toList();
        return Answer.of(new PlanAgreed(childId, command.conferenceId(), actionIds, sequence))
                .then(afterPlan(childId, sequence), "Plan agreed");
    }

    @PostMapping(path = {ON_THE_RECORD + "complete-action", API + "plan-actions/{actionId}/completion"},
            consumes = {FORM, JSON})
    @FormPage(ON_THE_RECORD + "complete-action")
    public Answer completeAction(@PathVariable String childId, @PathVariable(required = false) String actionId,
            @Submitted Completion body) {
        String action = actionId != null ? actionId : body.actionId();
        return recorded(childId, action, new CompleteProtectionAction(childId, action, body.completedOn()),
                "Action completed");
    }

    @PostMapping(path = {ON_THE_RECORD + "change-action", API + "plan-actions/{actionId}/changes"},
            consumes = {FORM, JSON})
    @FormPage(ON_THE_RECORD + "change-action")
    public Answer changeAction(@PathVariable String childId, @PathVariable(required = false) String actionId,
            @Submitted ActionChange body) {
        String action = actionId != null ? actionId : body.actionId();
        return recorded(childId, action, new ChangeProtectionAction(childId, action, body.action(), body.owner(),
                body.dueOn(), body.reason(), body.changedOn()), "Action changed");
    }

    @PostMapping(path = {ON_THE_RECORD + "cancel-action", API + "plan-actions/{actionId}/cancellation"},
            consumes = {FORM, JSON})
    @FormPage(ON_THE_RECORD + "cancel-action")
    public Answer cancelAction(@PathVariable String childId, @PathVariable(required = false) String actionId,
            @Submitted Cancellation body) {
        String action = actionId != null ? actionId : body.actionId();
        return recorded(childId, action,
                new CancelProtectionAction(childId, action, body.cancelledOn(), body.reason()), "Action cancelled");
    }

    @PostMapping(path = {ON_THE_RECORD + "core-group", API + "core-group-meetings"}, consumes = {FORM, JSON})
    @FormPage(ON_THE_RECORD + "core-group")
    public Answer coreGroup(@PathVariable String childId, @Submitted(layout = CoreGroupForm.class) CoreGroup body) {
        String meetingId = idOrNew(body.meetingId());
        return recorded(childId, meetingId, new RecordCoreGroupMeeting(childId, meetingId, body.heldOn(),
                body.attendingAgencies(), body.actionProgress() == null ? List.of() : body.actionProgress(),
                body.progressNote()), "Core group meeting recorded");
    }

    @PostMapping(path = {ON_THE_RECORD + "midway-check", API + "midway-checks"}, consumes = {FORM, JSON})
    @FormPage(ON_THE_RECORD + "midway-check")
    public Answer midwayCheck(@PathVariable String childId, @Submitted MidwayCheck body) {
        return recorded(childId, null, new RecordProtectionMidwayCheck(childId, body.checkedOn(), body.finding(),
                body.alertRaisedTo()), body.alertRaisedTo() == null ? "Midway check recorded"
                        : "Midway check recorded with its alert");
    }

    private Answer recorded(String childId, String id, Object command, String notice) {
        long sequence = commands.send(command, ProtectionSubject.JOURNEY);
        return Answer.of(new Recorded(childId, id, sequence)).then(afterPlan(childId, sequence), notice);
    }

    /** The child's page at the plan, once the child's protection event {@code sequence} is applied. */
    private static String afterPlan(String childId, long sequence) {
        return "/children/" + childId + "?awaiting=" + ProtectionIds.protectionOf(childId) + ":" + sequence
                + "#plan-between-conferences";
    }

    private static String idOrNew(String id) {
        return id == null || id.isBlank() ? UUID.randomUUID().toString() : id;
    }
}
