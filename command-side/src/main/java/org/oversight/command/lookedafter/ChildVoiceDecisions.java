package org.oversight.command.lookedafter;

import jakarta.validation.constraints.NotBlank;
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
import org.oversight.command.web.Submitted.FormOnly;
import org.oversight.events.access.Access;
import org.oversight.events.access.Operation;
import org.oversight.events.lookedafter.AdvocacyStep;
import org.oversight.events.lookedafter.ChildChairing;
import org.oversight.events.lookedafter.ParentalResponsibility;
import org.oversight.events.lookedafter.ParentsWishesOutcome;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * The child's voice and the people around the child, on the looked-after journey: advocacy and how to complain,
 * the parents' wishes and feelings, the child chairing their review, and the other meetings the IRO chairs. One
 * handler per decision, for its form on the
 * child's record (served by the query side's {@code LookedAfterPages}) and for the JSON API, answered as
 * {@link LookedAfterDecisions} answers. Where the API is not told the IRO, the signed-in chair is taken.
 */
@Access(Operation.RECORD_FOR_CHILD)
@CommandApi
@Controller
public class ChildVoiceDecisions {

    private static final String FORM = MediaType.APPLICATION_FORM_URLENCODED_VALUE;
    private static final String JSON = MediaType.APPLICATION_JSON_VALUE;
    private static final String ON_THE_RECORD = "/children/{childId}/looked-after/";
    private static final String API = "/api/children/{childId}/looked-after/";

    private final Commands commands;

    public ChildVoiceDecisions(Commands commands) {
        this.commands = commands;
    }

    public record Advocacy(AdvocacyStep step, @FormLabel("The date it happened") LocalDate on,
            @NotBlank(groups = FormOnly.class, message = "Select the IRO") String iroId) {
    }

    public record ParentsWishes(@FormLabel("The date their wishes and feelings were sought") LocalDate soughtOn,
            ParentalResponsibility whose, ParentsWishesOutcome outcome,
            @NotBlank(groups = FormOnly.class, message = "Select the IRO") String iroId) {
    }

    public record Chairing(String reviewId, ChildChairing chairing,
            @NotBlank(groups = FormOnly.class, message = "Select the IRO") String iroId) {
    }

    /** The meeting's identifier may come with the request, so one sent twice is refused, not recorded twice. */
    public record Meeting(String meetingId, String meetingType, @FormLabel("The date of the meeting") LocalDate heldOn,
            List<String> attendeeRoles, String outcome,
            @NotBlank(groups = FormOnly.class, message = "Select the IRO who chaired the meeting") String iroId) {
    }

    @PostMapping(path = {ON_THE_RECORD + "meeting", API + "meetings"}, consumes = {FORM, JSON})
    @FormPage(ON_THE_RECORD + "meeting")
    public Answer meeting(@PathVariable String childId, @Submitted Meeting body, Principal principal) {
        String meetingId = body.meetingId() == null || body.meetingId().isBlank() ? UUID.randomUUID().toString()
                : body.meetingId();
        return recorded(childId, meetingId, new RecordMeetingChaired(childId, meetingId, body.meetingType(),
                body.heldOn(), body.attendeeRoles(), body.outcome(), iro(body.iroId(), principal)),
                "Meeting recorded");
    }

    @PostMapping(path = {ON_THE_RECORD + "advocacy", API + "advocacy"}, consumes = {FORM, JSON})
    @FormPage(ON_THE_RECORD + "advocacy")
    public Answer advocacy(@PathVariable String childId, @Submitted Advocacy body, Principal principal) {
        return recorded(childId, null, new RecordAdvocacy(childId, body.step(), body.on(),
                iro(body.iroId(), principal)), "Advocacy recorded");
    }

    @PostMapping(path = {ON_THE_RECORD + "parents-wishes", API + "parents-wishes"}, consumes = {FORM, JSON})
    @FormPage(ON_THE_RECORD + "parents-wishes")
    public Answer parentsWishes(@PathVariable String childId, @Submitted ParentsWishes body, Principal principal) {
        return recorded(childId, null, new RecordParentsWishes(childId, body.soughtOn(), body.whose(),
                body.outcome(), iro(body.iroId(), principal)), "Parents' wishes and feelings recorded");
    }

    @PostMapping(path = {ON_THE_RECORD + "child-chairing", API + "reviews/{reviewId}/child-chairing"},
            consumes = {FORM, JSON})
    @FormPage(ON_THE_RECORD + "child-chairing")
    public Answer chairing(@PathVariable String childId, @PathVariable(required = false) String reviewId,
            @Submitted Chairing body, Principal principal) {
        String review = reviewId != null ? reviewId : body.reviewId();
        return recorded(childId, review, new RecordChildChairing(childId, review, body.chairing(),
                iro(body.iroId(), principal)), "The child's part in chairing the review recorded");
    }

    private Answer recorded(String childId, String id, Object command, String notice) {
        long sequence = commands.<Long>send(command, LookedAfterSubject.JOURNEY);
        return Answer.of(new LookedAfterDecisions.Recorded(childId, id, sequence))
                .then(LookedAfterDecisions.afterJourney(childId, sequence), notice);
    }

    private static String iro(String given, Principal principal) {
        return given == null || given.isBlank() ? principal.getName() : given;
    }
}
