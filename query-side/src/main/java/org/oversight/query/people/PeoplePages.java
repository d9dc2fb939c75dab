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
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
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

    /** How many people the page lists at a time, and the most one JSON answer may ask for. */
    static final int PAGE_SIZE = 50;
    static final int MAX_PAGE_SIZE = 200;

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
    String list(@RequestParam(defaultValue = "1") int page, Model model) {
        PeopleWords words = words();
        // the page clamps what a hand-edited address asks for; the JSON view refuses it
        PeopleRegister.Page shown = register.page(1, PAGE_SIZE);
        if (page > 1) {
            shown = register.page(Math.min(page, shown.pages()), PAGE_SIZE);
        }
        model.addAttribute("people", shown);
        model.addAttribute("rows", shown.people().stream()
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

    /**
     * One page of people as a JSON array, as before paging came, so existing clients keep working: the total is in
     * {@code X-Total-Count} and the next and previous pages in a {@code Link} header.
     */
    @GetMapping("/api/people")
    @Access(Operation.MANAGE_PEOPLE)
    ResponseEntity<List<PersonOnRecord>> everyone(@RequestParam(defaultValue = "1") int page,
            @RequestParam(defaultValue = "" + PAGE_SIZE) int size) {
        if (size < 1 || size > MAX_PAGE_SIZE) {
            throw new PagingRefused("page-size-1-to-" + MAX_PAGE_SIZE,
                    "A page lists at least 1 and at most " + MAX_PAGE_SIZE + " people");
        }
        if (page < 1) {
            throw new PagingRefused("pages-count-from-1", "Pages are numbered from 1");
        }
        PeopleRegister.Page shown = register.page(page, size);
        List<String> links = new ArrayList<>();
        if (shown.hasNext()) {
            links.add("</api/people?page=" + (page + 1) + "&size=" + size + ">; rel=\"next\"");
        }
        if (page > 1) {
            links.add("</api/people?page=" + Math.min(page - 1, shown.pages()) + "&size=" + size + ">; rel=\"prev\"");
        }
        ResponseEntity.BodyBuilder answer = ResponseEntity.ok().header("X-Total-Count", String.valueOf(shown.total()));
        if (!links.isEmpty()) {
            answer.header(HttpHeaders.LINK, String.join(", ", links));
        }
        return answer.body(shown.people());
    }

    /** A page size or number the JSON view does not serve: answered 400 with the rule broken. */
    static final class PagingRefused extends RuntimeException {

        private static final long serialVersionUID = 1L;

        private final String rule;

        PagingRefused(String rule, String detail) {
            super(detail);
            this.rule = rule;
        }
    }

    @ExceptionHandler(PagingRefused.class)
    ResponseEntity<ProblemDetail> refused(PagingRefused refused) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, refused.getMessage());
        problem.setTitle("The request is incomplete or malformed");
        problem.setProperty("rule", refused.rule);
        return ResponseEntity.badRequest().body(problem);
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
