package org.oversight.command.protection;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import org.oversight.command.web.Answer;
import org.oversight.command.web.CommandApi;
import org.oversight.command.web.Commands;
import org.oversight.command.web.FormLabel;
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
 * The JSON API for a child protection plan between conferences (its outcomes and actions, core group meetings and
 * the chair's midway check) and for strategy meetings. Each answer gives the sequence number of the child's last
 * event; read {@code /api/children/{id}/protection?after=N} to see it applied.
 */
@Access(Operation.RECORD_FOR_CHILD)
@CommandApi
@Controller
public class PlanBetweenConferencesDecisions {

    private static final String JSON = MediaType.APPLICATION_JSON_VALUE;
    private static final String API = "/api/children/{childId}/protection/";

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

    public record Completion(@FormLabel("The date the action was done") LocalDate completedOn) {
    }

    public record ActionChange(String action, String owner, @FormLabel("The date the action is due") LocalDate dueOn,
            String reason, @FormLabel("The date of the change") LocalDate changedOn) {
    }

    public record Cancellation(@FormLabel("The date the action was cancelled") LocalDate cancelledOn,
            String reason) {
    }

    public record CoreGroup(String meetingId, @FormLabel("The date of the core group meeting") LocalDate heldOn,
            List<String> attendingAgencies, List<RecordCoreGroupMeeting.Progress> actionProgress,
            String progressNote) {
    }

    public record MidwayCheck(@FormLabel("The date of the check") LocalDate checkedOn, PlanMidwayFinding finding,
            String alertRaisedTo) {
    }

    @PostMapping(path = API + "strategy-meetings", consumes = JSON)
    public Answer strategyMeeting(@PathVariable String childId, @Submitted StrategyMeeting body) {
        String meetingId = idOrNew(body.meetingId());
        String enquiryId = body.decision() == StrategyMeetingDecision.SECTION_47_ENQUIRY
                ? UUID.nameUUIDFromBytes(("oversight-meeting-enquiry|" + childId + "|" + meetingId)
                        .getBytes(java.nio.charset.StandardCharsets.UTF_8)).toString()
                : null;
        long sequence = commands.send(new RecordStrategyMeeting(childId, meetingId, body.heldOn(),
                body.attendingAgencies(), body.decision(), enquiryId), ProtectionSubject.JOURNEY);
        return Answer.of(new StrategyMeetingRecorded(childId, meetingId, enquiryId, sequence));
    }

    @PostMapping(path = API + "plan-agreements", consumes = JSON)
    public Answer agreePlan(@PathVariable String childId, @Submitted PlanAgreement body) {
        AgreeProtectionPlan command = new AgreeProtectionPlan(childId, body.conferenceId(), body.outcomes(),
                body.contingencyPlan(), body.actions());
        long sequence = commands.send(command, ProtectionSubject.JOURNEY);
        List<String> actionIds = IntStream.range(0, command.actions().size())
                .mapToObj(i -> PlanIds.actionOf(childId, command.conferenceId(), i)).toList();
        return Answer.of(new PlanAgreed(childId, command.conferenceId(), actionIds, sequence));
    }

    @PostMapping(path = API + "plan-actions/{actionId}/completion", consumes = JSON)
    public Answer completeAction(@PathVariable String childId, @PathVariable String actionId,
            @Submitted Completion body) {
        return recorded(childId, actionId, new CompleteProtectionAction(childId, actionId, body.completedOn()));
    }

    @PostMapping(path = API + "plan-actions/{actionId}/changes", consumes = JSON)
    public Answer changeAction(@PathVariable String childId, @PathVariable String actionId,
            @Submitted ActionChange body) {
        return recorded(childId, actionId, new ChangeProtectionAction(childId, actionId, body.action(), body.owner(),
                body.dueOn(), body.reason(), body.changedOn()));
    }

    @PostMapping(path = API + "plan-actions/{actionId}/cancellation", consumes = JSON)
    public Answer cancelAction(@PathVariable String childId, @PathVariable String actionId,
            @Submitted Cancellation body) {
        return recorded(childId, actionId,
                new CancelProtectionAction(childId, actionId, body.cancelledOn(), body.reason()));
    }

    @PostMapping(path = API + "core-group-meetings", consumes = JSON)
    public Answer coreGroup(@PathVariable String childId, @Submitted CoreGroup body) {
        String meetingId = idOrNew(body.meetingId());
        return recorded(childId, meetingId, new RecordCoreGroupMeeting(childId, meetingId, body.heldOn(),
                body.attendingAgencies(), body.actionProgress() == null ? List.of() : body.actionProgress(),
                body.progressNote()));
    }

    @PostMapping(path = API + "midway-checks", consumes = JSON)
    public Answer midwayCheck(@PathVariable String childId, @Submitted MidwayCheck body) {
        return recorded(childId, null, new RecordProtectionMidwayCheck(childId, body.checkedOn(), body.finding(),
                body.alertRaisedTo()));
    }

    private Answer recorded(String childId, String id, Object command) {
        long sequence = commands.send(command, ProtectionSubject.JOURNEY);
        return Answer.of(new Recorded(childId, id, sequence));
    }

    private static String idOrNew(String id) {
        return id == null || id.isBlank() ? UUID.randomUUID().toString() : id;
    }
}
