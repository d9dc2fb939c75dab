package org.oversight.command.people;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.oversight.command.web.Answer;
import org.oversight.command.web.CommandApi;
import org.oversight.command.web.Commands;
import org.oversight.command.web.FormLabel;
import org.oversight.command.web.FormPage;
import org.oversight.command.web.Submitted;
import org.oversight.events.access.Access;
import org.oversight.events.access.Operation;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.util.UriUtils;

/**
 * An administrator records a chair's working hours, by the form on the person's page or the JSON API, so that the
 * IRO report knows each chair's full-time equivalent.
 */
@CommandApi
@Controller
@PreAuthorize("hasRole('ADMIN')")
public class WorkingHoursDecisions {

    private static final String FORM = MediaType.APPLICATION_FORM_URLENCODED_VALUE;
    private static final String JSON = MediaType.APPLICATION_JSON_VALUE;

    private final Commands commands;

    public WorkingHoursDecisions(Commands commands) {
        this.commands = commands;
    }

    public record WorkingHours(@FormLabel("The date they start working these hours") LocalDate effectiveFrom,
            @FormLabel(value = "The hours they work a week", unreadable = "Enter the hours as a number, like 22.5")
            BigDecimal weeklyHours,
            @FormLabel(value = "The hours of a full-time week", unreadable = "Enter the hours as a number, like 37")
            BigDecimal fullTimeWeeklyHours,
            String reason) {
    }

    @PostMapping(path = {"/people/{username}/working-hours", "/api/people/{username}/working-hours"},
            consumes = {FORM, JSON})
    @Access(Operation.MANAGE_PEOPLE)
    @FormPage("/people/{username}/working-hours")
    public Answer set(@PathVariable String username, @Submitted WorkingHours body) {
        long sequence = commands.<Long>send(SetWorkingHours.of(username, body.effectiveFrom(), body.weeklyHours(),
                body.fullTimeWeeklyHours(), body.reason()), PeopleSubjects.PERSON);
        return Answer.of(new PeopleDecisions.Recorded(username, PersonIds.personId(username), sequence))
                .then("/people/" + UriUtils.encodePathSegment(username.strip(), "UTF-8"), "Working hours recorded");
    }
}
