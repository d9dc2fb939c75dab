package org.oversight.command.people;

import java.net.URI;
import java.util.Set;
import org.oversight.command.web.CommandApi;
import org.oversight.command.web.Commands;
import org.oversight.events.access.Access;
import org.oversight.events.access.Operation;
import org.oversight.events.access.Role;
import org.oversight.events.access.Team;
import org.oversight.events.childcase.ChairRole;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.UriUtils;

/**
 * JSON endpoints for administrators managing people and teams. Each change answers with the person's stream
 * and the sequence number of its last event; read the person back at {@code /api/people/{username}}.
 */
@CommandApi
@RestController
@RequestMapping(path = "/api/people", consumes = MediaType.APPLICATION_JSON_VALUE)
@PreAuthorize("hasRole('ADMIN')")
public class PeopleApi {

    private final Commands commands;
    private final NewPeople newPeople;

    public PeopleApi(Commands commands, NewPeople newPeople) {
        this.commands = commands;
        this.newPeople = newPeople;
    }

    /** A person to add; {@code initialPassword} is optional and never recorded as an event. */
    public record NewPerson(String username, String displayName, Set<Role> roles, Set<ChairRole> chairRoles,
            Set<String> authorities, Set<Team> teams, String reason, String initialPassword) {

        @Override
        public String toString() {
            return "NewPerson[username=" + username + ", password " + (initialPassword == null ? "none" : "given")
                    + "]";
        }
    }

    public record RolesChange(Set<Role> roles, Set<ChairRole> chairRoles, String reason) {
    }

    public record AuthoritiesChange(Set<String> authorities, String reason) {
    }

    public record TeamsChange(Set<Team> teams, String reason) {
    }

    public record Reason(String reason) {
    }

    public record NewTeam(String localAuthority, String name, String reason) {
    }

    public record Recorded(String username, String personId, long sequence) {
    }

    public record TeamRecorded(String localAuthority, String teamsId, long sequence) {
    }

    @PostMapping
    @Access(Operation.MANAGE_PEOPLE)
    public ResponseEntity<Recorded> add(@RequestBody NewPerson body) {
        AddPerson command = new AddPerson(body.username(), body.displayName(), body.roles(), body.chairRoles(),
                body.authorities(), body.teams(), body.reason());
        newPeople.add(command, body.initialPassword());
        String username = command.username().strip();
        return ResponseEntity.created(URI.create("/api/people/" + UriUtils.encodePathSegment(username, "UTF-8")))
                .body(new Recorded(username, command.personId(), 0));
    }

    @PostMapping("/{username}/roles")
    @Access(Operation.MANAGE_PEOPLE)
    public Recorded changeRoles(@PathVariable String username, @RequestBody RolesChange body) {
        return recorded(ChangePersonRoles.of(username, body.roles(), body.chairRoles(), body.reason()), username);
    }

    @PostMapping("/{username}/authorities")
    @Access(Operation.MANAGE_PEOPLE)
    public Recorded changeAuthorities(@PathVariable String username, @RequestBody AuthoritiesChange body) {
        return recorded(ChangePersonAuthorities.of(username, body.authorities(), body.reason()), username);
    }

    @PostMapping("/{username}/teams")
    @Access(Operation.MANAGE_PEOPLE)
    public Recorded changeTeams(@PathVariable String username, @RequestBody TeamsChange body) {
        return recorded(ChangePersonTeams.of(username, body.teams(), body.reason()), username);
    }

    @PostMapping("/{username}/disable")
    @Access(Operation.MANAGE_PEOPLE)
    public Recorded disable(@PathVariable String username, @RequestBody Reason body) {
        return recorded(DisablePerson.of(username, body.reason()), username);
    }

    @PostMapping("/{username}/enable")
    @Access(Operation.MANAGE_PEOPLE)
    public Recorded enable(@PathVariable String username, @RequestBody Reason body) {
        return recorded(EnablePerson.of(username, body.reason()), username);
    }

    @PostMapping("/teams")
    @Access(Operation.MANAGE_PEOPLE)
    public TeamRecorded addTeam(@RequestBody NewTeam body) {
        AddTeam command = AddTeam.of(body.localAuthority(), body.name(), body.reason());
        long sequence = commands.<Long>send(command, PeopleSubjects.TEAMS);
        return new TeamRecorded(command.localAuthority(), command.teamsId(), sequence);
    }

    private Recorded recorded(Object command, String username) {
        long sequence = commands.<Long>send(command, PeopleSubjects.PERSON);
        return new Recorded(username, PersonIds.personId(username), sequence);
    }
}
