package org.oversight.command.people;

import java.net.URI;
import java.util.Set;
import org.oversight.command.web.Answer;
import org.oversight.command.web.CommandApi;
import org.oversight.command.web.Commands;
import org.oversight.command.web.FormLabel;
import org.oversight.command.web.FormPage;
import org.oversight.command.web.Submitted;
import org.oversight.events.access.Access;
import org.oversight.events.access.Operation;
import org.oversight.events.access.Role;
import org.oversight.events.access.Team;
import org.oversight.events.childcase.ChairRole;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.util.UriUtils;

/**
 * Administrators managing people and teams, each change with one handler for its form (the people pages,
 * served by the query side under {@code /people}, laid out by {@link PeopleForm}) and for the JSON API. A form
 * goes on to the person's page, where the change heads their history; a JSON answer gives the person's stream
 * and the sequence number of its last event: read the person back at {@code /api/people/{username}}.
 */
@CommandApi
@Controller
@PreAuthorize("hasRole('ADMIN')")
public class PeopleDecisions {

    private static final String FORM = MediaType.APPLICATION_FORM_URLENCODED_VALUE;
    private static final String JSON = MediaType.APPLICATION_JSON_VALUE;

    private final Commands commands;
    private final NewPeople newPeople;

    public PeopleDecisions(Commands commands, NewPeople newPeople) {
        this.commands = commands;
        this.newPeople = newPeople;
    }

    /** A person to add; {@code initialPassword} is optional and never recorded as an event. */
    public record NewPerson(String username, String displayName,
            @FormLabel(unreadable = "Choose from the roles listed") Set<Role> roles,
            @FormLabel(unreadable = "Choose from the chairing roles listed") Set<ChairRole> chairRoles,
            Set<String> authorities, @FormLabel(unreadable = "Choose from the teams listed") Set<Team> teams,
            String reason, String initialPassword) {

        @Override
        public String toString() {
            return "NewPerson[username=" + username + ", password " + (initialPassword == null ? "none" : "given")
                    + "]";
        }
    }

    public record RolesChange(@FormLabel(unreadable = "Choose from the roles listed") Set<Role> roles,
            @FormLabel(unreadable = "Choose from the chairing roles listed") Set<ChairRole> chairRoles,
            String reason) {
    }

    public record AuthoritiesChange(Set<String> authorities, String reason) {
    }

    public record TeamsChange(@FormLabel(unreadable = "Choose from the teams listed") Set<Team> teams,
            String reason) {
    }

    public record Reason(String reason) {
    }

    public record NewTeam(String localAuthority, String name, String reason) {
    }

    public record Recorded(String username, String personId, long sequence) {
    }

    public record TeamRecorded(String localAuthority, String teamsId, long sequence) {
    }

    /** The forms name a team by its authority and name in one value. */
    @InitBinder
    void teamsAsTheFormsSubmitThem(WebDataBinder binder) {
        binder.registerCustomEditor(Team.class, new PeopleForm.TeamChoice());
    }

    @PostMapping(path = {"/people", "/api/people"}, consumes = {FORM, JSON})
    @Access(Operation.MANAGE_PEOPLE)
    @FormPage("/people/new")
    public Answer add(@Submitted(layout = PeopleForm.class) NewPerson body) {
        AddPerson command = new AddPerson(body.username(), body.displayName(), body.roles(), body.chairRoles(),
                body.authorities(), body.teams(), body.reason());
        newPeople.add(command, body.initialPassword());
        String username = command.username().strip();
        return Answer.created(URI.create("/api/people/" + UriUtils.encodePathSegment(username, "UTF-8")),
                new Recorded(username, command.personId(), 0)).then(person(username), "Person added");
    }

    @PostMapping(path = {"/people/{username}/roles", "/api/people/{username}/roles"}, consumes = {FORM, JSON})
    @Access(Operation.MANAGE_PEOPLE)
    @FormPage("/people/{username}/roles")
    public Answer changeRoles(@PathVariable String username,
            @Submitted(layout = PeopleForm.class) RolesChange body) {
        return recorded(ChangePersonRoles.of(username, body.roles(), body.chairRoles(), body.reason()), username,
                "Roles changed");
    }

    @PostMapping(path = {"/people/{username}/authorities", "/api/people/{username}/authorities"},
            consumes = {FORM, JSON})
    @Access(Operation.MANAGE_PEOPLE)
    @FormPage("/people/{username}/authorities")
    public Answer changeAuthorities(@PathVariable String username, @Submitted AuthoritiesChange body) {
        return recorded(ChangePersonAuthorities.of(username, body.authorities(), body.reason()), username,
                "Local authorities changed");
    }

    @PostMapping(path = {"/people/{username}/teams", "/api/people/{username}/teams"}, consumes = {FORM, JSON})
    @Access(Operation.MANAGE_PEOPLE)
    @FormPage("/people/{username}/teams")
    public Answer changeTeams(@PathVariable String username, @Submitted TeamsChange body) {
        return recorded(ChangePersonTeams.of(username, body.teams(), body.reason()), username, "Teams changed");
    }

    @PostMapping(path = {"/people/{username}/disable", "/api/people/{username}/disable"}, consumes = {FORM, JSON})
    @Access(Operation.MANAGE_PEOPLE)
    @FormPage("/people/{username}/status")
    public Answer disable(@PathVariable String username, @Submitted Reason body) {
        return recorded(DisablePerson.of(username, body.reason()), username,
                "Person disabled: they can no longer sign in");
    }

    @PostMapping(path = {"/people/{username}/enable", "/api/people/{username}/enable"}, consumes = {FORM, JSON})
    @Access(Operation.MANAGE_PEOPLE)
    @FormPage("/people/{username}/status")
    public Answer enable(@PathVariable String username, @Submitted Reason body) {
        return recorded(EnablePerson.of(username, body.reason()), username, "Person enabled: they can sign in again");
    }

    @PostMapping(path = {"/people/teams", "/api/people/teams"}, consumes = {FORM, JSON})
    @Access(Operation.MANAGE_PEOPLE)
    @FormPage("/people/teams")
    public Answer addTeam(@Submitted NewTeam body) {
        AddTeam command = AddTeam.of(body.localAuthority(), body.name(), body.reason());
        long sequence = commands.<Long>send(command, PeopleSubjects.TEAMS);
        return Answer.of(new TeamRecorded(command.localAuthority(), command.teamsId(), sequence))
                .then("/people/teams", "Team added");
    }

    private Answer recorded(Object command, String username, String notice) {
        long sequence = commands.<Long>send(command, PeopleSubjects.PERSON);
        return Answer.of(new Recorded(username, PersonIds.personId(username), sequence)).then(person(username), notice);
    }

    private static String person(String username) {
        return "/people/" + UriUtils.encodePathSegment(username == null ? "" : username.strip(), "UTF-8");
    }
}
