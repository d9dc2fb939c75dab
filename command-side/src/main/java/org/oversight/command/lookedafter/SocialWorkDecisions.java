package org.oversight.command.lookedafter;

import jakarta.validation.constraints.NotNull;
import java.time.LocalDate;
import org.oversight.command.web.Answer;
import org.oversight.command.web.CommandApi;
import org.oversight.command.web.Commands;
import org.oversight.command.web.FormLabel;
import org.oversight.command.web.FormPage;
import org.oversight.command.web.Submitted;
import org.oversight.command.web.Submitted.FormOnly;
import org.oversight.events.access.Access;
import org.oversight.events.access.Operation;
import org.oversight.events.lookedafter.VisitPlace;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * The child's social worker and their statutory visits, on the looked-after journey: who is allocated and from
 * when, when nobody is, each visit, and whether the current placement is intended to last until 18. One handler a
 * decision, for its form (served by the query side's {@code SocialWorkPages} at the same address) and for the
 * JSON API, answered as {@link LookedAfterDecisions} answers.
 */
@Access(Operation.RECORD_FOR_CHILD)
@CommandApi
@Controller
public class SocialWorkDecisions {

    private static final String FORM = MediaType.APPLICATION_FORM_URLENCODED_VALUE;
    private static final String JSON = MediaType.APPLICATION_JSON_VALUE;
    private static final String ON_THE_RECORD = "/children/{childId}/looked-after/social-work/";
    private static final String API = "/api/children/{childId}/looked-after/";

    private final Commands commands;

    public SocialWorkDecisions(Commands commands) {
        this.commands = commands;
    }

    public record Allocation(@FormLabel("The date the social worker was allocated") LocalDate allocatedOn,
            String worker, String team) {
    }

    public record Unallocation(
            @FormLabel("The first day without an allocated social worker") LocalDate unallocatedOn) {
    }

    public record Visit(@FormLabel("The date of the visit") LocalDate visitedOn,
            @NotNull(groups = FormOnly.class, message = "Select whether the child was seen alone") Boolean seenAlone,
            VisitPlace place) {
    }

    public record Intention(@FormLabel("The date of the decision") LocalDate decidedOn,
            @NotNull(message = "Select whether the placement is intended to last until the child is 18")
            Boolean untilEighteen) {
    }

    @PostMapping(path = {ON_THE_RECORD + "allocate", API + "social-worker-allocations"}, consumes = {FORM, JSON})
    @FormPage(ON_THE_RECORD + "allocate")
    public Answer allocate(@PathVariable String childId, @Submitted Allocation body) {
        return recorded(childId, new AllocateSocialWorker(childId, body.allocatedOn(), body.worker(), body.team()),
                "Social worker allocated");
    }

    @PostMapping(path = {ON_THE_RECORD + "unallocate", API + "social-worker-unallocations"},
            consumes = {FORM, JSON})
    @FormPage(ON_THE_RECORD + "unallocate")
    public Answer unallocate(@PathVariable String childId, @Submitted Unallocation body) {
        return recorded(childId, new EndSocialWorkerAllocation(childId, body.unallocatedOn()),
                "The end of the social worker's allocation recorded");
    }

    @PostMapping(path = {ON_THE_RECORD + "visit", API + "social-worker-visits"}, consumes = {FORM, JSON})
    @FormPage(ON_THE_RECORD + "visit")
    public Answer visit(@PathVariable String childId, @Submitted Visit body) {
        return recorded(childId, new RecordSocialWorkerVisit(childId, body.visitedOn(),
                Boolean.TRUE.equals(body.seenAlone()), body.place()), "Social worker's visit recorded");
    }

    @PostMapping(path = {ON_THE_RECORD + "placement-intention", API + "placement-intentions"},
            consumes = {FORM, JSON})
    @FormPage(ON_THE_RECORD + "placement-intention")
    public Answer intention(@PathVariable String childId, @Submitted Intention body) {
        return recorded(childId, new RecordPlacementIntention(childId, body.decidedOn(),
                Boolean.TRUE.equals(body.untilEighteen())), "What the placement is intended to be recorded");
    }

    private Answer recorded(String childId, Object command, String notice) {
        long sequence = commands.<Long>send(command, LookedAfterSubject.JOURNEY);
        return Answer.of(new LookedAfterDecisions.Recorded(childId, null, sequence))
                .then(LookedAfterDecisions.afterJourney(childId, sequence), notice);
    }
}
