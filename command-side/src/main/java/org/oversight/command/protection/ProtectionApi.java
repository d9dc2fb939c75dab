package org.oversight.command.protection;

import java.time.LocalDate;
import org.oversight.events.access.Operation;
import org.oversight.events.access.Access;
import java.util.Map;
import java.util.UUID;
import org.oversight.command.web.CommandApi;
import org.oversight.command.web.Commands;
import org.oversight.events.protection.CategoryOfAbuse;
import org.oversight.events.protection.PlanEndReason;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * JSON endpoints for child protection decisions. Conferences take a list of per-child decisions, so a sibling
 * group decided at one conference is recorded in one request, atomically. Each answer gives the sequence
 * number of the child's last event; read {@code /api/children/{id}/protection?after=N} to see it applied.
 */
@Access(Operation.RECORD_FOR_CHILD)
@CommandApi
@RestController
@RequestMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
public class ProtectionApi {

    private final Commands commands;

    public ProtectionApi(Commands commands) {
        this.commands = commands;
    }

    public record Recorded(String childId, String id, long sequence) {
    }

    public record ConferenceRecorded(String conferenceId, Map<String, Long> sequences) {
    }

    public record StrategyDiscussion(LocalDate strategyDiscussionOn) {
    }

    public record PlanEnd(LocalDate endDate, PlanEndReason reason) {
    }

    public record NotRequired(String enquiryId, LocalDate decidedOn, String reason) {
    }

    public record ConferenceDateCorrection(String conferenceId, LocalDate correctedTo, String reason) {
    }

    public record InitialCategoryCorrection(String planId, CategoryOfAbuse correctedTo, String reason) {
    }

    @PostMapping("/api/children/{childId}/protection/strategy-discussions")
    public Recorded strategyDiscussion(@PathVariable String childId, @RequestBody StrategyDiscussion body) {
        String enquiryId = UUID.randomUUID().toString();
        long sequence = commands.send(new RecordStrategyDiscussion(childId, enquiryId, body.strategyDiscussionOn()),
                ProtectionSubject.JOURNEY);
        return new Recorded(childId, enquiryId, sequence);
    }

    /** The client may give {@code conferenceId} (making a retry safe); otherwise one is assigned. */
    @PostMapping("/api/protection/initial-conferences")
    public ConferenceRecorded initialConference(@RequestBody HoldInitialConference body) {
        HoldInitialConference command = body.conferenceId() == null || body.conferenceId().isBlank()
                ? new HoldInitialConference(UUID.randomUUID().toString(), body.type(), body.heldOn(),
                        body.attendingAgencies(), body.chairId(), body.decisions())
                : body;
        Map<String, Long> sequences = commands.send(command, ProtectionSubject.JOURNEY);
        return new ConferenceRecorded(command.conferenceId(), sequences);
    }

    @PostMapping("/api/protection/review-conferences")
    public ConferenceRecorded reviewConference(@RequestBody HoldReviewConference body) {
        HoldReviewConference command = body.conferenceId() == null || body.conferenceId().isBlank()
                ? new HoldReviewConference(UUID.randomUUID().toString(), body.heldOn(), body.attendingAgencies(),
                        body.chairId(), body.decisions())
                : body;
        Map<String, Long> sequences = commands.send(command, ProtectionSubject.JOURNEY);
        return new ConferenceRecorded(command.conferenceId(), sequences);
    }

    @PostMapping("/api/children/{childId}/protection/plan-end")
    public Recorded endPlan(@PathVariable String childId, @RequestBody PlanEnd body) {
        long sequence = commands.send(new EndChildProtectionPlan(childId, body.endDate(), body.reason()),
                ProtectionSubject.JOURNEY);
        return new Recorded(childId, null, sequence);
    }

    @PostMapping("/api/children/{childId}/protection/initial-conference-not-required")
    public Recorded notRequired(@PathVariable String childId, @RequestBody NotRequired body) {
        long sequence = commands.send(new RecordInitialConferenceNotRequired(childId, body.enquiryId(),
                body.decidedOn(), body.reason()), ProtectionSubject.JOURNEY);
        return new Recorded(childId, body.enquiryId(), sequence);
    }

    @PostMapping("/api/children/{childId}/protection/conference-date-corrections")
    public Recorded correctConferenceDate(@PathVariable String childId, @RequestBody ConferenceDateCorrection body) {
        long sequence = commands.send(new CorrectConferenceDate(childId, body.conferenceId(), body.correctedTo(),
                body.reason()), ProtectionSubject.JOURNEY);
        return new Recorded(childId, body.conferenceId(), sequence);
    }

    @PostMapping("/api/children/{childId}/protection/initial-category-corrections")
    public Recorded correctInitialCategory(@PathVariable String childId, @RequestBody InitialCategoryCorrection body) {
        long sequence = commands.send(new CorrectInitialCategory(childId, body.planId(), body.correctedTo(),
                body.reason()), ProtectionSubject.JOURNEY);
        return new Recorded(childId, body.planId(), sequence);
    }
}
