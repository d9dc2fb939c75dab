package org.oversight.command.lookedafter;

import jakarta.validation.constraints.NotBlank;
import java.security.Principal;
import java.time.LocalDate;
import org.oversight.command.lookedafter.LookedAfterDecisions.Recorded;
import org.oversight.command.web.Answer;
import org.oversight.command.web.CommandApi;
import org.oversight.command.web.Commands;
import org.oversight.command.web.FormLabel;
import org.oversight.command.web.FormPage;
import org.oversight.command.web.Submitted;
import org.oversight.command.web.Submitted.FormOnly;
import org.oversight.events.access.Access;
import org.oversight.events.access.Operation;
import org.oversight.events.lookedafter.HealthCheck;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * The child's health checks and personal education plan on the looked-after journey, in the shape of
 * {@link LookedAfterDecisions}: one handler per decision for its form on the child's record and for the JSON API,
 * answered with the child's page once the projection has caught up, or with the journey's sequence number.
 */
@Access(Operation.RECORD_FOR_CHILD)
@CommandApi
@Controller
public class HealthAndEducationDecisions {

    private static final String FORM = MediaType.APPLICATION_FORM_URLENCODED_VALUE;
    private static final String JSON = MediaType.APPLICATION_JSON_VALUE;
    private static final String ON_THE_RECORD = "/children/{childId}/looked-after/";
    private static final String API = "/api/children/{childId}/looked-after/";

    private final Commands commands;

    public HealthAndEducationDecisions(Commands commands) {
        this.commands = commands;
    }

    public record HealthCheckHeld(HealthCheck check, @FormLabel("The date of the health check") LocalDate heldOn,
            @NotBlank(groups = FormOnly.class, message = "Select the IRO") String iroId) {
    }

    public record EducationPlan(@FormLabel("The date of the PEP meeting") LocalDate heldOn,
            @NotBlank(groups = FormOnly.class, message = "Select the IRO") String iroId) {
    }

    @PostMapping(path = {ON_THE_RECORD + "health-check", API + "health-checks"}, consumes = {FORM, JSON})
    @FormPage(ON_THE_RECORD + "health-check")
    public Answer healthCheck(@PathVariable String childId, @Submitted HealthCheckHeld body, Principal principal) {
        return recorded(childId, new RecordHealthCheck(childId, body.check(), body.heldOn(),
                iro(body.iroId(), principal)), "Health check recorded");
    }

    @PostMapping(path = {ON_THE_RECORD + "education-plan", API + "education-plans"}, consumes = {FORM, JSON})
    @FormPage(ON_THE_RECORD + "education-plan")
    public Answer educationPlan(@PathVariable String childId, @Submitted EducationPlan body, Principal principal) {
        return recorded(childId, new RecordEducationPlan(childId, body.heldOn(), iro(body.iroId(), principal)),
                "Personal education plan recorded");
    }

    private Answer recorded(String childId, Object command, String notice) {
        long sequence = commands.<Long>send(command, LookedAfterSubject.JOURNEY);
        return Answer.of(new Recorded(childId, null, sequence))
                .then(LookedAfterDecisions.afterJourney(childId, sequence), notice);
    }

    /** Where the API is not told the IRO, the signed-in chair is taken as the IRO; a form must say. */
    private static String iro(String given, Principal principal) {
        return given == null || given.isBlank() ? principal.getName() : given;
    }
}
