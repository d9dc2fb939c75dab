package org.oversight.query.people;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.oversight.events.access.Access;
import org.oversight.events.access.Operation;
import org.oversight.events.access.Role;
import org.oversight.events.access.Team;
import org.oversight.events.childcase.ChairRole;
import org.oversight.query.directory.StaffDirectory;
import org.oversight.query.web.FormState;
import org.oversight.query.web.NotFound;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * Administrators' pages for people and teams: everyone with their roles, authorities and teams; a person's page
 * with their history; the forms to add a person or a team and to change a person's roles, authorities, teams and
 * whether they may sign in (posted to the command side). JSON reads of the same under {@code /api/people}.
 */
@Controller
@PreAuthorize("hasRole('ADMIN')")
public class PeoplePages {

    /** A team's value in a form: the command side reads {@code <authority code>|<team name>}. */
    static final String TEAM_SEPARATOR = "|";

    private final PeopleRegister register;
    private final PersonHistory history;
    private final StaffDirectory directory;

    public PeoplePages(PeopleRegister register, PersonHistory history, StaffDirectory directory) {
        this.register = register;
        this.history = history;
        this.directory = directory;
    }

    /** A checkbox or radio: what it submits and what it says. */
    public record Choice(String value, String label) {
    }

    /** One row of the people list, in words. */
    public record Row(PersonOnRecord person, String roles, String authorities, List<String> teams) {
    }

    /** A person and every change to them, newest first. */
    public record PersonAndHistory(PersonOnRecord person, List<PersonChange> history) {
    }

    @GetMapping("/people")
    @Access(Operation.MANAGE_PEOPLE)
    String list(Model model) {
        PeopleWords words = words();
        model.addAttribute("rows", register.everyone().stream()
                .map(p -> new Row(p, words.roles(p.roles(), p.chairRoles()), words.authorities(p.authorities()),
                        words.teams(p.teams())))
                .toList());
        return "people/list";
    }

    @GetMapping("/people/new")
    @Access(Operation.MANAGE_PEOPLE)
    String add(Model model) {
        model.addAttribute("f", FormState.of(model.asMap(), Map.of()));
        model.addAttribute("roleChoices", roleChoices());
        model.addAttribute("chairRoleChoices", chairRoleChoices());
        model.addAttribute("authorityChoices", authorityChoices());
        model.addAttribute("teamChoices", teamChoices(directory.localAuthorities().keySet()));
        return "people/add";
    }

    @GetMapping("/people/teams")
    @Access(Operation.MANAGE_PEOPLE)
    String teams(Model model) {
        Map<String, List<String>> teams = register.teams();
        Map<String, List<String>> byName = new LinkedHashMap<>();
        directory.localAuthorities().forEach((code, name) -> byName.put(name, teams.getOrDefault(code, List.of())));
        model.addAttribute("teamsByAuthority", byName);
        model.addAttribute("authorities", directory.localAuthorities());
        model.addAttribute("f", FormState.of(model.asMap(), Map.of()));
        return "people/teams";
    }

    @GetMapping("/people/{username}")
    @Access(Operation.MANAGE_PEOPLE)
    String person(@PathVariable String username, Model model) {
        PersonOnRecord person = found(username);
        PeopleWords words = words();
        model.addAttribute("person", person);
        model.addAttribute("roles", words.roles(person.roles(), person.chairRoles()));
        model.addAttribute("authorities", words.authorities(person.authorities()));
        model.addAttribute("teams", words.teams(person.teams()));
        model.addAttribute("changes", history.of(person.username(), words));
        return "people/person";
    }

    @GetMapping("/people/{username}/roles")
    @Access(Operation.MANAGE_PEOPLE)
    String roles(@PathVariable String username, Model model) {
        PersonOnRecord person = found(username);
        Map<String, List<String>> current = new LinkedHashMap<>();
        current.put("roles", person.roles().stream().map(Role::name).toList());
        current.put("chairRoles", person.chairRoles().stream().map(ChairRole::name).toList());
        model.addAttribute("person", person);
        model.addAttribute("f", FormState.of(model.asMap(), current));
        model.addAttribute("roleChoices", roleChoices());
        model.addAttribute("chairRoleChoices", chairRoleChoices());
        return "people/roles";
    }

    @GetMapping("/people/{username}/authorities")
    @Access(Operation.MANAGE_PEOPLE)
    String authorities(@PathVariable String username, Model model) {
        PersonOnRecord person = found(username);
        model.addAttribute("person", person);
        model.addAttribute("f", FormState.of(model.asMap(), Map.of("authorities", person.authorities())));
        model.addAttribute("authorityChoices", authorityChoices());
        return "people/authorities";
    }

    @GetMapping("/people/{username}/teams")
    @Access(Operation.MANAGE_PEOPLE)
    String personTeams(@PathVariable String username, Model model) {
        PersonOnRecord person = found(username);
        model.addAttribute("person", person);
        model.addAttribute("f", FormState.of(model.asMap(), Map.of("teams",
                person.teams().stream().map(PeoplePages::teamValue).toList())));
        model.addAttribute("teamChoices", teamChoices(person.authorities()));
        model.addAttribute("authorities", words().authorities(person.authorities()));
        return "people/person-teams";
    }

    @GetMapping("/people/{username}/status")
    @Access(Operation.MANAGE_PEOPLE)
    String status(@PathVariable String username, Model model) {
        model.addAttribute("person", found(username));
        model.addAttribute("f", FormState.of(model.asMap(), Map.of()));
        return "people/status";
    }

    @GetMapping("/api/people")
    @ResponseBody
    @Access(Operation.MANAGE_PEOPLE)
    List<PersonOnRecord> everyone() {
        return register.everyone();
    }

    @GetMapping("/api/people/teams")
    @ResponseBody
    @Access(Operation.MANAGE_PEOPLE)
    Map<String, List<String>> teamsApi() {
        return register.teams();
    }

    @GetMapping("/api/people/{username}")
    @ResponseBody
    @Access(Operation.MANAGE_PEOPLE)
    PersonAndHistory personApi(@PathVariable String username) {
        PersonOnRecord person = found(username);
        return new PersonAndHistory(person, history.of(person.username(), words()));
    }

    private PersonOnRecord found(String username) {
        return register.person(username).orElseThrow(NotFound::new);
    }

    private PeopleWords words() {
        return new PeopleWords(directory.localAuthorities());
    }

    private static List<Choice> roleChoices() {
        List<Choice> choices = new ArrayList<>();
        for (Role role : Role.values()) {
            choices.add(new Choice(role.name(), role.title()));
        }
        return choices;
    }

    private static List<Choice> chairRoleChoices() {
        List<Choice> choices = new ArrayList<>();
        for (ChairRole role : ChairRole.values()) {
            choices.add(new Choice(role.name(), role.title()));
        }
        return choices;
    }

    private List<Choice> authorityChoices() {
        return directory.localAuthorities().entrySet().stream()
                .map(e -> new Choice(e.getKey(), e.getValue())).toList();
    }

    /** The teams of the given authorities, authority by authority in display order. */
    private List<Choice> teamChoices(java.util.Collection<String> authorities) {
        Map<String, List<String>> teams = register.teams();
        PeopleWords words = words();
        List<Choice> choices = new ArrayList<>();
        for (String code : directory.localAuthorities().keySet()) {
            if (authorities.contains(code)) {
                for (String name : teams.getOrDefault(code, List.of())) {
                    Team team = new Team(code, name);
                    choices.add(new Choice(teamValue(team), words.team(team)));
                }
            }
        }
        return choices;
    }

    static String teamValue(Team team) {
        return team.localAuthority() + TEAM_SEPARATOR + team.name();
    }
}
