package org.oversight.command.people;

import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.Set;
import org.oversight.command.web.Commands;
import org.oversight.command.web.FormReader;
import org.oversight.command.web.FormSubmissions;
import org.oversight.command.web.Problem;
import org.oversight.events.access.Access;
import org.oversight.events.access.Operation;
import org.oversight.events.access.Role;
import org.oversight.events.access.Team;
import org.oversight.events.childcase.ChairRole;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriUtils;

/**
 * The people pages' forms (served by the query side under {@code /people}) post here. Success goes to the
 * person's page, where the change heads their history; a refusal goes back to the form with the problems and
 * what was typed — except a password, which is never kept for the form to show again.
 *
 * <p>A team is submitted as {@code <authority code>|<team name>}: codes and team names cannot hold a bar.
 */
@Controller
@RequestMapping(consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
@PreAuthorize("hasRole('ADMIN')")
public class PeopleForms {

    static final String TEAM_SEPARATOR = "|";

    private final Commands commands;
    private final FormSubmissions forms;
    private final NewPeople newPeople;

    public PeopleForms(Commands commands, FormSubmissions forms, NewPeople newPeople) {
        this.commands = commands;
        this.forms = forms;
        this.newPeople = newPeople;
    }

    @PostMapping("/people")
    @Access(Operation.MANAGE_PEOPLE)
    public String add(@RequestParam MultiValueMap<String, String> form, RedirectAttributes redirect) {
        FormReader read = new FormReader(form);
        String password = form.getFirst("initialPassword");
        read.problems().addAll(NewPeople.passwordProblems(password));
        Set<Role> roles = roles(read);
        AddPerson command = new AddPerson(read.text("username"), read.text("displayName"), roles,
                chairRoles(read, roles), new LinkedHashSet<>(read.all("authorities")), teams(read),
                read.text("reason"));
        return forms.submit(redirect, withoutPassword(form), "/people/new", read.problems(), command, () -> {
            newPeople.add(command, password);
            return person(command.username());
        }, "Person added");
    }

    @PostMapping("/people/{username}/roles")
    @Access(Operation.MANAGE_PEOPLE)
    public String changeRoles(@PathVariable String username, @RequestParam MultiValueMap<String, String> form,
            RedirectAttributes redirect) {
        FormReader read = new FormReader(form);
        Set<Role> roles = roles(read);
        return change(redirect, form, read, username, "roles",
                ChangePersonRoles.of(username, roles, chairRoles(read, roles), read.text("reason")), "Roles changed");
    }

    @PostMapping("/people/{username}/authorities")
    @Access(Operation.MANAGE_PEOPLE)
    public String changeAuthorities(@PathVariable String username, @RequestParam MultiValueMap<String, String> form,
            RedirectAttributes redirect) {
        FormReader read = new FormReader(form);
        return change(redirect, form, read, username, "authorities", ChangePersonAuthorities.of(username,
                new LinkedHashSet<>(read.all("authorities")), read.text("reason")), "Local authorities changed");
    }

    @PostMapping("/people/{username}/teams")
    @Access(Operation.MANAGE_PEOPLE)
    public String changeTeams(@PathVariable String username, @RequestParam MultiValueMap<String, String> form,
            RedirectAttributes redirect) {
        FormReader read = new FormReader(form);
        return change(redirect, form, read, username, "teams",
                ChangePersonTeams.of(username, teams(read), read.text("reason")), "Teams changed");
    }

    @PostMapping("/people/{username}/disable")
    @Access(Operation.MANAGE_PEOPLE)
    public String disable(@PathVariable String username, @RequestParam MultiValueMap<String, String> form,
            RedirectAttributes redirect) {
        FormReader read = new FormReader(form);
        return change(redirect, form, read, username, "status", DisablePerson.of(username, read.text("reason")),
                "Person disabled: they can no longer sign in");
    }

    @PostMapping("/people/{username}/enable")
    @Access(Operation.MANAGE_PEOPLE)
    public String enable(@PathVariable String username, @RequestParam MultiValueMap<String, String> form,
            RedirectAttributes redirect) {
        FormReader read = new FormReader(form);
        return change(redirect, form, read, username, "status", EnablePerson.of(username, read.text("reason")),
                "Person enabled: they can sign in again");
    }

    @PostMapping("/people/teams")
    @Access(Operation.MANAGE_PEOPLE)
    public String addTeam(@RequestParam MultiValueMap<String, String> form, RedirectAttributes redirect) {
        FormReader read = new FormReader(form);
        AddTeam command = AddTeam.of(read.text("localAuthority"), read.text("name"), read.text("reason"));
        return forms.submit(redirect, form, "/people/teams", read.problems(), command, () -> {
            commands.send(command, PeopleSubjects.TEAMS);
            return "/people/teams";
        }, "Team added");
    }

    private String change(RedirectAttributes redirect, MultiValueMap<String, String> form, FormReader read,
            String username, String page, Object command, String notice) {
        return forms.submit(redirect, form, person(username) + "/" + page, read.problems(), command, () -> {
            commands.send(command, PeopleSubjects.PERSON);
            return person(username);
        }, notice);
    }

    private static String person(String username) {
        return "/people/" + UriUtils.encodePathSegment(username == null ? "" : username.strip(), "UTF-8");
    }

    private static Set<Role> roles(FormReader read) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (String value : read.all("roles")) {
            try {
                roles.add(Role.valueOf(value));
            } catch (IllegalArgumentException e) {
                read.problems().add(new Problem("invalid-input", "roles", "Choose from the roles listed"));
            }
        }
        return roles;
    }

    /** Chairing roles count only for a chair: the form shows them beneath the chair role, ticked or not. */
    private static Set<ChairRole> chairRoles(FormReader read, Set<Role> roles) {
        Set<ChairRole> chairRoles = EnumSet.noneOf(ChairRole.class);
        if (!roles.contains(Role.CHAIR)) {
            return chairRoles;
        }
        for (String value : read.all("chairRoles")) {
            try {
                chairRoles.add(ChairRole.valueOf(value));
            } catch (IllegalArgumentException e) {
                read.problems().add(new Problem("invalid-input", "chairRoles", "Choose from the chairing roles listed"));
            }
        }
        return chairRoles;
    }

    private static Set<Team> teams(FormReader read) {
        Set<Team> teams = new LinkedHashSet<>();
        for (String value : read.all("teams")) {
            int bar = value.indexOf(TEAM_SEPARATOR);
            if (bar <= 0 || bar == value.length() - 1) {
                read.problems().add(new Problem("invalid-input", "teams", "Choose from the teams listed"));
            } else {
                teams.add(new Team(value.substring(0, bar), value.substring(bar + 1)));
            }
        }
        return teams;
    }

    private static MultiValueMap<String, String> withoutPassword(MultiValueMap<String, String> form) {
        MultiValueMap<String, String> kept = new LinkedMultiValueMap<>(form);
        kept.remove("initialPassword");
        return kept;
    }
}
