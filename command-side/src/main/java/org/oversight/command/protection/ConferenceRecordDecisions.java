package org.oversight.command.protection;

import java.security.Principal;
import java.time.LocalDate;
import java.util.List;
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
import org.oversight.events.protection.ConferenceOutcome;
import org.oversight.events.protection.InquorateDecision;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * The conference as it happened, recorded after the conference itself: attendance and reports, the agencies'
 * recommendations and any dissent, why a conference was inquorate, and a transfer-in notification. The chair who
 * records it is the one signed in. Each has one handler for its form on the child's record (served by the query
 * side, the rows of a list laid out by {@link AttendanceRows} and {@link RecommendationRows}) and for the JSON
 * API. Each JSON answer gives the sequence number of the child's last protection event; read
 * {@code /api/children/{id}/protection?after=N} to see it applied.
 */
@Access(Operation.RECORD_FOR_CHILD)
@CommandApi
@Controller
public class ConferenceRecordDecisions {

    private static final String FORM = MediaType.APPLICATION_FORM_URLENCODED_VALUE;
    private static final String JSON = MediaType.APPLICATION_JSON_VALUE;
    private static final String API = "/api/children/{childId}/protection/";
    private static final String ON_THE_RECORD = "/children/{childId}/protection/";

    private final Commands commands;

    public ConferenceRecordDecisions(Commands commands) {
        this.commands = commands;
    }

    public record Attendance(List<RecordConferenceAttendance.Attendee> attendees) {
    }

    public record Recommendations(List<RecordConferenceRecommendations.Recommendation> recommendations,
            ConferenceOutcome chairDecision, CategoryOfAbuse chairCategory, String familyViews) {
    }

    public record Inquorate(String reason, InquorateDecision decision) {
    }

    /** The client may give {@code notificationId}, making a retry safe. */
    public record TransferInNotification(String notificationId,
            @FormLabel("The date the notification was received") LocalDate receivedOn, String fromAuthority,
            @FormLabel("The date the other authority's plan started") LocalDate otherPlanStartedOn) {
    }

    @PostMapping(path = {ON_THE_RECORD + "conferences/{conferenceId}/attendance",
            API + "conferences/{conferenceId}/attendance"}, consumes = {FORM, JSON})
    @FormPage(ON_THE_RECORD + "conferences/{conferenceId}/attendance")
    public Answer attendance(@PathVariable String childId, @PathVariable String conferenceId,
            @Submitted(layout = AttendanceRows.class) Attendance body, Principal principal) {
        return recorded(childId, conferenceId, new RecordConferenceAttendance(childId, conferenceId,
                body.attendees(), principal.getName()), "Attendance recorded");
    }

    @PostMapping(path = {ON_THE_RECORD + "conferences/{conferenceId}/recommendations",
            API + "conferences/{conferenceId}/recommendations"}, consumes = {FORM, JSON})
    @FormPage(ON_THE_RECORD + "conferences/{conferenceId}/recommendations")
    public Answer recommendations(@PathVariable String childId, @PathVariable String conferenceId,
            @Submitted(layout = RecommendationRows.class) Recommendations body, Principal principal) {
        return recorded(childId, conferenceId, new RecordConferenceRecommendations(childId, conferenceId,
                body.recommendations(), body.chairDecision(), body.chairCategory(), body.familyViews(),
                principal.getName()), "Recommendations recorded");
    }

    @PostMapping(path = {ON_THE_RECORD + "conferences/{conferenceId}/inquorate",
            API + "conferences/{conferenceId}/inquorate"}, consumes = {FORM, JSON})
    @FormPage(ON_THE_RECORD + "conferences/{conferenceId}/inquorate")
    public Answer inquorate(@PathVariable String childId, @PathVariable String conferenceId,
            @Submitted Inquorate body, Principal principal) {
        return recorded(childId, conferenceId, new RecordInquorateConference(childId, conferenceId, body.reason(),
                body.decision(), principal.getName()), "Inquorate conference recorded");
    }

    @PostMapping(path = {ON_THE_RECORD + "transfer-in-notification", API + "transfer-in-notifications"},
            consumes = {FORM, JSON})
    @FormPage(ON_THE_RECORD + "transfer-in-notification")
    public Answer transferIn(@PathVariable String childId, @Submitted TransferInNotification body,
            Principal principal) {
        String notificationId = body.notificationId() == null || body.notificationId().isBlank()
                ? UUID.randomUUID().toString() : body.notificationId();
        return recorded(childId, notificationId, new RecordTransferInNotification(childId, notificationId,
                body.receivedOn(), body.fromAuthority(), body.otherPlanStartedOn(), principal.getName()),
                "Transfer-in notification recorded");
    }

    private Answer recorded(String childId, String id, Object command, String notice) {
        long sequence = commands.<Long>send(command, ProtectionSubject.JOURNEY);
        return Answer.of(new ProtectionDecisions.Recorded(childId, id, sequence))
                .then(afterProtection(childId, sequence), notice);
    }

    /** A form's next page: the child's record, once the child's protection events up to this one are applied. */
    static String afterProtection(String childId, long sequence) {
        return "/children/" + childId + "?awaiting=" + ProtectionIds.protectionOf(childId) + ":" + sequence;
    }
}
