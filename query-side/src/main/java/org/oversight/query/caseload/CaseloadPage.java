package org.oversight.query.caseload;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.oversight.events.access.Access;
import org.oversight.events.access.Operation;
import org.oversight.events.access.Person;
import org.oversight.events.access.Role;
import org.oversight.events.access.Team;
import org.oversight.events.childcase.ChairRole;
import org.oversight.query.access.Scope;
import org.oversight.query.clocks.due.DueItems;
import org.oversight.query.clocks.due.OverdueQueries;
import org.oversight.query.clocks.due.Urgency;
import org.oversight.query.directory.StaffDirectory;
import org.oversight.query.web.CurrentUser;
import org.oversight.query.web.InvalidRequest;
import org.oversight.query.web.NotFound;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.ModelAndView;

/**
 * Caseloads ranked by urgency: a chair's own, a team's, and the whole service's overdue items and urgency bands
 * for QA leads. A chair's own and a team's caseload are brought up to date before they are shown (their
 * children's due items are worked out again if anything changed); the service view says how many children are
 * still being worked out, if any.
 *
 * <p>Everything is drawn within the reader's local authorities, and no list shows a restricted record to anyone
 * not named on it (the bands of the service view, being figures, still count them). A caseload or team the
 * reader may not see is answered as one that does not exist: a chair sees their own caseload, a team manager
 * also those of their teams' chairs, a QA lead those of every chair of their authorities; a chair or team
 * manager sees their own teams, a QA lead every team of their authorities.
 */
@Controller
public class CaseloadPage {

    /** The service view works out at most this many stale children itself before answering. */
    static final int SERVICE_REFRESH_LIMIT = 200;
    /** A caseload page works out at most this many stale children itself; the background does the rest. */
    static final int READ_REFRESH_LIMIT = 300;
    /** Closed allocations are listed this many to a page. */
    static final int CLOSED_PAGE_SIZE = 50;

    private final CaseloadQueries queries;
    private final OverdueQueries overdue;
    private final DueItems dueItems;
    private final StaffDirectory directory;

    /** Rows on a page of a caseload page: the service's choice, never the reader's. */
    private final int pageSize;

    /**
     * @param pageSize {@code oversight.caseload.page-size}, from 1 to {@value CaseloadSelection#MAX_SIZE}
     *                 ({@value CaseloadSelection#PAGE_SIZE} unless set)
     */
    public CaseloadPage(CaseloadQueries queries, OverdueQueries overdue, DueItems dueItems,
            StaffDirectory directory,
            @Value("${oversight.caseload.page-size:" + CaseloadSelection.PAGE_SIZE + "}") int pageSize) {
        if (pageSize < 1 || pageSize > CaseloadSelection.MAX_SIZE) {
            throw new IllegalArgumentException("oversight.caseload.page-size must be from 1 to "
                    + CaseloadSelection.MAX_SIZE);
        }
        this.pageSize = pageSize;
        this.queries = queries;
        this.overdue = overdue;
        this.dueItems = dueItems;
        this.directory = directory;
    }

    /**
     * A team's caseload, ranked, with how many children fall in each band; {@code entries} is one page of the
     * allocations the filters match, {@code total} how many they match in all.
     */
    public record TeamCaseload(String team, String localAuthority, Map<Urgency, Integer> bands,
            List<CaseloadEntry> entries, int stillWorkingOut, int total, int page) {
    }

    /** The reader's whole service (their authorities): its bands, each team's bands, and what is overdue today. */
    public record Service(Map<Urgency, Integer> bands, Map<Team, Map<Urgency, Integer>> teams,
            OverdueQueries.Overdue overdue, int stillWorkingOut) {
    }

    /**
     * A chair's open allocations, most urgent first unless another order is asked for, filtered and a page at a
     * time, with how many have closed (listed on their own pages): a chair works from the children still in their
     * care, not from everyone they ever chaired for. The filters, order and page are in the address; a search by
     * name is posted ({@link #searched}).
     */
    @Access(Operation.READ_CASELOAD)
    @GetMapping("/caseload")
    ModelAndView page(Person reader, @RequestParam(required = false) String chair,
            @RequestParam(required = false) String role, @RequestParam(required = false) String kind,
            @RequestParam(required = false) String due, @RequestParam(required = false) String sort,
            @RequestParam(required = false) String page, HttpServletRequest request, Model model) {
        nameNotInAddress(request);
        CaseloadSelection selection = CaseloadSelection.of(role, kind, due, null, sort, page, null,
                pageSize, false);
        return chairPage(reader, chair, selection, null, model);
    }

    /**
     * The caseload searched by a fragment of a child's name: posted, so that the name stays out of addresses,
     * history and logs, and answered in the response. Without a name the search is only filters, which belong in
     * the address: the answer then sends the browser there.
     */
    @Access(Operation.READ_CASELOAD)
    @PostMapping(path = "/caseload", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    ModelAndView searched(Person reader, @RequestParam(required = false) String chair,
            @RequestParam(required = false) String name, @RequestParam(required = false) String role,
            @RequestParam(required = false) String kind, @RequestParam(required = false) String due,
            @RequestParam(required = false) String sort, @RequestParam(required = false) String page, Model model) {
        CaseloadSelection selection = CaseloadSelection.of(role, kind, due, name, sort, page, null,
                pageSize, false);
        if (selection.name() == null) {
            Map<String, String> fixed = new LinkedHashMap<>();
            fixed.put("chair", chair == null || chair.isBlank() ? null : chair.strip());
            return new ModelAndView("redirect:" + CaseloadPaging.href("/caseload", fixed, selection,
                    selection.page()));
        }
        return chairPage(reader, chair, selection, name.strip(), model);
    }

    /**
     * The chair's page, written by {@link CaseloadPageHtml} rather than by a template; its frame (header,
     * navigation) is drawn from the model every page is given ({@code PageShell}, {@code RoleNavigation}).
     *
     * @param searchedName the name searched for, {@code null} when none was
     */
    private ModelAndView chairPage(Person reader, String chair, CaseloadSelection selection, String searchedName,
            Model model) {
        String whose = whoseCaseload(reader, chair);
        Scope scope = Scope.listsFor(reader);
        dueItems.refreshStaleOfChairs(List.of(whose), READ_REFRESH_LIMIT);
        CaseloadQueries.ChairPage read = queries.chairPage(whose, scope, selection);
        boolean own = whose.equals(reader.username());
        Map<String, String> fixed = new LinkedHashMap<>();
        fixed.put("chair", own ? null : whose);
        List<CaseloadRow> rows = rows(read.slice().entries());
        // one's own name is the header's, already read for this page
        String chairName = own && model.getAttribute("currentUser") instanceof CurrentUser me ? me.displayName()
                : directory.displayName(whose).orElse(whose);
        return new ModelAndView(new CaseloadPageHtml(new CaseloadPageHtml.Content(own, own ? null : whose,
                chairName, overdue.today(), rows, CaseloadRowsHtml.of(rows, false), read.closed(), read.bands(),
                selection, fixed, CaseloadPaging.of("/caseload", fixed, selection, read.slice()),
                CaseloadPaging.href("/caseload", fixed, CaseloadSelection.everything(selection.size(),
                        selection.closed()), 1), searchedName)));
    }

    /** What the filter form, the order links and the pagination need. */
    private static void describeSelection(Model model, String path, Map<String, String> fixed,
            CaseloadSelection selection, CaseloadQueries.Slice slice) {
        model.addAttribute("selection", selection);
        model.addAttribute("fixed", fixed);
        model.addAttribute("paging", CaseloadPaging.of(path, fixed, selection, slice));
        model.addAttribute("clearHref", CaseloadPaging.href(path, fixed,
                CaseloadSelection.everything(selection.size(), selection.closed()), 1));
        model.addAttribute("roles", ChairRole.values());
        model.addAttribute("kinds", CaseloadSelection.Kind.values());
        model.addAttribute("dues", CaseloadSelection.Due.values());
        model.addAttribute("sortOrders", CaseloadSelection.Sort.values());
    }

    /** A name in a read's address is refused: it would stay in history and logs (see {@link #searched}). */
    private static void nameNotInAddress(HttpServletRequest request) {
        if (request.getParameter("name") != null) {
            throw new InvalidRequest(CaseloadSelection.NAME_BY_POST_RULE, "name",
                    "Search a caseload by name by posting the name, never in the address");
        }
    }

    /**
     * A chair's closed allocations, most recently closed first, {@value #CLOSED_PAGE_SIZE} to a page: filtered,
     * ordered and paged by PostgreSQL ({@link CaseloadQueries#closedCaseload}), so a chair who has closed
     * thousands costs one page's rows. A page that is not a whole number up to the highest any list answers is a
     * 400 naming the rule.
     */
    @Access(Operation.READ_CASELOAD)
    @GetMapping("/caseload/closed")
    String closed(Person reader, @RequestParam(required = false) String chair,
            @RequestParam(required = false) String page, Model model) {
        String whose = whoseCaseload(reader, chair);
        int asked = CaseloadSelection.of(null, null, null, null, null, page, null, CLOSED_PAGE_SIZE, true).page();
        dueItems.refreshStaleOfChairs(List.of(whose), READ_REFRESH_LIMIT);
        CaseloadQueries.Slice closed = queries.closedCaseload(whose, Scope.listsFor(reader), asked, CLOSED_PAGE_SIZE);
        model.addAttribute("entries", closed.entries());
        model.addAttribute("total", closed.total());
        model.addAttribute("page", closed.page());
        model.addAttribute("pages", closed.pages());
        model.addAttribute("first", closed.entries().isEmpty() ? 0 : (closed.page() - 1) * CLOSED_PAGE_SIZE + 1);
        describeCaseload(reader, whose, model);
        return "caseload-closed";
    }

    /** The table's rows, their words put together once here rather than by the template. */
    private static List<CaseloadRow> rows(List<CaseloadEntry> entries) {
        CaseloadRow.Formats formats = new CaseloadRow.Formats(LocaleContextHolder.getLocale());
        return entries.stream().map(formats::row).toList();
    }

    private void describeCaseload(Person reader, String whose, Model model) {
        boolean own = whose.equals(reader.username());
        model.addAttribute("own", own);
        model.addAttribute("chair", own ? null : whose);
        model.addAttribute("chairName", directory.displayName(whose).orElse(whose));
        model.addAttribute("today", overdue.today());
    }

    /**
     * A chair's allocations, closed ones too, as JSON: filtered, ordered and paged like the page ({@code role},
     * {@code kind}, {@code due}, {@code sort}, {@code page}) and at most {@code size} (up to
     * {@value CaseloadSelection#MAX_SIZE}, the default) to an answer; the header {@code Caseload-Total} says how
     * many the filters match in all. A search by name is posted ({@link #searchedApi}).
     */
    @Access(Operation.READ_CASELOAD)
    @GetMapping("/api/caseload")
    @ResponseBody
    List<CaseloadEntry> api(Person reader, @RequestParam(required = false) String chair,
            @RequestParam(required = false) String role, @RequestParam(required = false) String kind,
            @RequestParam(required = false) String due, @RequestParam(required = false) String sort,
            @RequestParam(required = false) String page, @RequestParam(required = false) String size,
            HttpServletRequest request, HttpServletResponse response) {
        nameNotInAddress(request);
        return apiSlice(reader, chair, CaseloadSelection.of(role, kind, due, null, sort, page, size,
                CaseloadSelection.MAX_SIZE, true), response);
    }

    /** As {@link #api}, with {@code name} (a fragment of the child's name) in the posted form. */
    @Access(Operation.READ_CASELOAD)
    @PostMapping(path = "/api/caseload", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    @ResponseBody
    List<CaseloadEntry> searchedApi(Person reader, @RequestParam(required = false) String chair,
            @RequestParam(required = false) String name, @RequestParam(required = false) String role,
            @RequestParam(required = false) String kind, @RequestParam(required = false) String due,
            @RequestParam(required = false) String sort, @RequestParam(required = false) String page,
            @RequestParam(required = false) String size, HttpServletResponse response) {
        return apiSlice(reader, chair, CaseloadSelection.of(role, kind, due, name, sort, page, size,
                CaseloadSelection.MAX_SIZE, true), response);
    }

    /** As {@link #searchedApi}, the search written as a JSON object ({@code {"name":"...","sort":"NAME"}}). */
    @Access(Operation.READ_CASELOAD)
    @PostMapping(path = "/api/caseload", consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseBody
    List<CaseloadEntry> searchedApiJson(Person reader, @RequestBody Map<String, Object> search,
            HttpServletResponse response) {
        java.util.function.Function<String, String> field = key -> search.get(key) == null ? null
                : String.valueOf(search.get(key));
        return apiSlice(reader, field.apply("chair"), CaseloadSelection.of(field.apply("role"), field.apply("kind"),
                field.apply("due"), field.apply("name"), field.apply("sort"), field.apply("page"),
                field.apply("size"), CaseloadSelection.MAX_SIZE, true), response);
    }

    /** How many allocations the filters of a caseload answer match, over all its pages. */
    public static final String TOTAL_HEADER = "Caseload-Total";

    private List<CaseloadEntry> apiSlice(Person reader, String chair, CaseloadSelection selection,
            HttpServletResponse response) {
        String whose = whoseCaseload(reader, chair);
        dueItems.refreshStaleOfChairs(List.of(whose), READ_REFRESH_LIMIT);
        CaseloadQueries.Slice slice = queries.caseload(whose, Scope.listsFor(reader), selection);
        response.setHeader(TOTAL_HEADER, String.valueOf(slice.total()));
        return slice.entries();
    }

    /**
     * @param team      the team's name; the reader's own (first) team when not given
     * @param authority the team's local authority, when the reader sees teams of the same name in several
     */
    @Access(Operation.READ_TEAM_CASELOAD)
    @GetMapping("/caseload/team")
    String team(Person reader, @RequestParam(required = false) String team,
            @RequestParam(required = false) String authority, @RequestParam(required = false) String role,
            @RequestParam(required = false) String kind, @RequestParam(required = false) String due,
            @RequestParam(required = false) String sort, @RequestParam(required = false) String page,
            HttpServletRequest request, Model model) {
        nameNotInAddress(request);
        return teamPage(reader, team, authority, CaseloadSelection.of(role, kind, due, null, sort, page, null,
                pageSize, true), model);
    }

    /** A team's caseload searched by a fragment of a child's name, posted for the reasons of {@link #searched}. */
    @Access(Operation.READ_TEAM_CASELOAD)
    @PostMapping(path = "/caseload/team", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    String teamSearched(Person reader, @RequestParam(required = false) String team,
            @RequestParam(required = false) String authority, @RequestParam(required = false) String name,
            @RequestParam(required = false) String role, @RequestParam(required = false) String kind,
            @RequestParam(required = false) String due, @RequestParam(required = false) String sort,
            @RequestParam(required = false) String page, Model model) {
        CaseloadSelection selection = CaseloadSelection.of(role, kind, due, name, sort, page, null,
                pageSize, true);
        if (selection.name() == null) {
            Team which = chosenTeam(reader, team, authority);
            return "redirect:" + CaseloadPaging.href("/caseload/team", teamAddress(which), selection,
                    selection.page());
        }
        model.addAttribute("searchedName", name.strip());
        return teamPage(reader, team, authority, selection, model);
    }

    private String teamPage(Person reader, String team, String authority, CaseloadSelection selection,
            Model model) {
        TeamCaseload caseload = teamCaseload(reader, team, authority, selection);
        model.addAttribute("caseload", caseload);
        List<CaseloadRow> rows = rows(caseload.entries());
        model.addAttribute("rows", rows);
        model.addAttribute("rowsHtml", CaseloadRowsHtml.of(rows, true));
        model.addAttribute("teams", teamsSeenBy(reader));
        model.addAttribute("severalAuthorities", reader.authorities().size() > 1);
        model.addAttribute("today", overdue.today());
        Team which = new Team(caseload.team(), caseload.localAuthority());
        describeSelection(model, "/caseload/team", teamAddress(which), selection,
                new CaseloadQueries.Slice(caseload.entries(), caseload.total(), caseload.page(), selection.size()));
        return "caseload-team";
    }

    private static Map<String, String> teamAddress(Team team) {
        Map<String, String> fixed = new LinkedHashMap<>();
        fixed.put("team", team.name());
        fixed.put("authority", team.localAuthority());
        return fixed;
    }

    /**
     * A team's allocations as JSON, filtered, ordered and paged as {@link #api} is ({@code total} says how many
     * the filters match over all pages).
     */
    @Access(Operation.READ_TEAM_CASELOAD)
    @GetMapping("/api/caseload/team")
    @ResponseBody
    TeamCaseload teamApi(Person reader, @RequestParam(required = false) String team,
            @RequestParam(required = false) String authority, @RequestParam(required = false) String role,
            @RequestParam(required = false) String kind, @RequestParam(required = false) String due,
            @RequestParam(required = false) String sort, @RequestParam(required = false) String page,
            @RequestParam(required = false) String size, HttpServletRequest request) {
        nameNotInAddress(request);
        return teamCaseload(reader, team, authority, CaseloadSelection.of(role, kind, due, null, sort, page, size,
                CaseloadSelection.MAX_SIZE, true));
    }

    /** The reader's authorities, or one team of them ({@code team}, with {@code authority} as for a team caseload). */
    @Access(Operation.READ_SERVICE)
    @GetMapping("/service")
    String service(Person reader, @RequestParam(required = false) String team,
            @RequestParam(required = false) String authority, Model model) {
        Team chosen = team == null || team.isBlank() ? null : chosenTeam(reader, team, authority);
        model.addAttribute("service", service(reader, chosen));
        model.addAttribute("team", chosen);
        model.addAttribute("severalAuthorities", reader.authorities().size() > 1);
        model.addAttribute("urgencies", Urgency.values());
        model.addAttribute("today", overdue.today());
        return "service";
    }

    /** Everything overdue today in the reader's authorities, or (with {@code team}) one team's chairs. */
    @Access(Operation.READ_SERVICE)
    @GetMapping("/api/service/overdue")
    @ResponseBody
    OverdueQueries.Overdue overdueApi(Person reader, @RequestParam(required = false) String team,
            @RequestParam(required = false) String authority,
            @RequestParam(defaultValue = "" + OverdueQueries.PAGE_LIMIT) int limit) {
        catchUp();
        Team chosen = team == null || team.isBlank() ? null : chosenTeam(reader, team, authority);
        return overdue.overdue(chosen == null ? null : directory.members(chosen), listScope(reader, chosen),
                Math.max(0, Math.min(limit, 50_000)));
    }

    /**
     * Whose caseload the reader asks for: their own, or a chair's they oversee; anyone else's is not found, so
     * the answer never says whether such a chair exists.
     */
    private String whoseCaseload(Person reader, String chair) {
        if (chair == null || chair.isBlank() || chair.strip().equals(reader.username())) {
            return reader.username();
        }
        Person chairing = directory.person(chair.strip()).orElseThrow(NotFound::new);
        boolean managesThem = reader.has(Role.TEAM_MANAGER) && reader.sharesATeamWith(chairing.teams());
        boolean overseesThem = reader.has(Role.QA_LEAD) && chairing.authorities().stream().anyMatch(reader::worksFor);
        if (!managesThem && !overseesThem) {
            throw new NotFound();
        }
        return chairing.username();
    }

    /** The teams the reader may see: their own, and for a QA lead every team of their authorities. */
    private List<Team> teamsSeenBy(Person reader) {
        TreeSet<Team> teams = new TreeSet<>(BY_AUTHORITY_AND_NAME);
        reader.teams().stream().filter(t -> reader.worksFor(t.localAuthority())).forEach(teams::add);
        if (reader.has(Role.QA_LEAD)) {
            teams.addAll(directory.teamsIn(reader.authorities()));
        }
        return new ArrayList<>(teams);
    }

    /**
     * The team asked for among those the reader may see, else not found; without a name, the reader's own first
     * team, or for a QA lead without one, the first team they may see.
     */
    private Team chosenTeam(Person reader, String team, String authority) {
        List<Team> seen = teamsSeenBy(reader);
        if (team == null || team.isBlank()) {
            // a QA lead of no team of their own opens the first team of their authorities
            return reader.teams().stream().filter(seen::contains).min(BY_AUTHORITY_AND_NAME)
                    .or(() -> seen.stream().findFirst()).orElseThrow(NotFound::new);
        }
        String name = team.strip();
        String within = authority == null || authority.isBlank() ? null : authority.strip();
        return seen.stream().filter(t -> t.name().equals(name) && (within == null || t.localAuthority().equals(within)))
                .findFirst().orElseThrow(NotFound::new);
    }

    private TeamCaseload teamCaseload(Person reader, String team, String authority, CaseloadSelection selection) {
        Team which = chosenTeam(reader, team, authority);
        List<String> chairs = directory.members(which);
        int stillWorkingOut = dueItems.refreshStaleOfChairs(chairs, READ_REFRESH_LIMIT);
        Scope scope = listScope(reader, which);
        CaseloadQueries.Slice slice = queries.teamCaseload(chairs, scope, selection);
        return new TeamCaseload(which.name(), which.localAuthority(), queries.teamBands(chairs, scope, true),
                slice.entries(), stillWorkingOut, slice.total(), slice.page());
    }

    private Service service(Person reader, Team team) {
        int stillWorkingOut = catchUp();
        Scope figures = listScope(reader, team).asFigures();
        if (team != null) {
            List<String> chairs = directory.members(team);
            return new Service(overdue.bands(chairs, figures), Map.of(),
                    overdue.overdue(chairs, listScope(reader, team), OverdueQueries.PAGE_LIMIT), stillWorkingOut);
        }
        // the bands of the teams the reader may open, so that every team shown leads to its own view
        List<OverdueQueries.Membership> memberships = new ArrayList<>();
        for (Team each : teamsSeenBy(reader)) {
            directory.members(each).forEach(chair -> memberships.add(new OverdueQueries.Membership(chair, each)));
        }
        return new Service(overdue.bands(null, figures), overdue.bandsByTeam(memberships, figures),
                overdue.overdue(null, Scope.listsFor(reader), OverdueQueries.PAGE_LIMIT), stillWorkingOut);
    }

    /** The reader's lists, within the team's own authority when a team is chosen. */
    private static Scope listScope(Person reader, Team team) {
        Scope scope = Scope.listsFor(reader);
        return team == null ? scope : scope.within(team.localAuthority());
    }

    private static final Comparator<Team> BY_AUTHORITY_AND_NAME = Comparator.comparing(Team::localAuthority)
            .thenComparing(Team::name);

    /** Works out a few stale children now; answers how many are left for the background. */
    private int catchUp() {
        int stale = dueItems.staleCount();
        if (stale > 0 && stale <= SERVICE_REFRESH_LIMIT) {
            dueItems.refreshStale(SERVICE_REFRESH_LIMIT);
            stale = dueItems.staleCount();
        }
        return stale;
    }

    /** Counts of children (not allocations) in each band, for a list of allocations. */
    static Map<Urgency, Integer> bands(List<CaseloadEntry> entries) {
        Map<Urgency, Integer> bands = new LinkedHashMap<>();
        for (Urgency urgency : Urgency.values()) {
            bands.put(urgency, 0);
        }
        Map<String, Urgency> byChild = new LinkedHashMap<>();
        entries.forEach(e -> byChild.putIfAbsent(e.childId(), e.urgency()));
        byChild.values().forEach(u -> bands.merge(u, 1, Integer::sum));
        return bands;
    }
}
