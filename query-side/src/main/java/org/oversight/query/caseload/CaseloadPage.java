package org.oversight.query.caseload;

import java.security.Principal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.oversight.query.clocks.due.DueItems;
import org.oversight.query.clocks.due.Urgency;
import org.oversight.query.directory.StaffDirectory;
import org.oversight.query.web.NotFound;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * Caseloads ranked by urgency: a chair's own, a team's, and the whole service's overdue items and urgency bands
 * for QA leads. A chair's own and a team's caseload are brought up to date before they are shown (their
 * children's due items are worked out again if anything changed); the service view says how many children are
 * still being worked out, if any.
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

    public CaseloadPage(CaseloadQueries queries, OverdueQueries overdue, DueItems dueItems,
            StaffDirectory directory) {
        this.queries = queries;
        this.overdue = overdue;
        this.dueItems = dueItems;
        this.directory = directory;
    }

    /** A team's caseload, ranked, with how many children fall in each band. */
    public record TeamCaseload(String team, Map<Urgency, Integer> bands, List<CaseloadEntry> entries,
            int stillWorkingOut) {
    }

    /** The whole service: its bands, each team's bands, and what is overdue today. */
    public record Service(Map<Urgency, Integer> bands, Map<String, Map<Urgency, Integer>> teams,
            OverdueQueries.Overdue overdue, int stillWorkingOut) {
    }

    /**
     * A chair's open allocations, most urgent first, with how many have closed (listed on their own pages): a
     * chair works from the children still in their care, not from everyone they ever chaired for.
     */
    @GetMapping("/caseload")
    @PreAuthorize("hasAnyRole('CHAIR','ADMIN','QA_LEAD') and (#chair == null or #chair == authentication.name or hasAnyRole('ADMIN','QA_LEAD'))")
    String page(Principal principal, @RequestParam(required = false) String chair, Model model) {
        String whose = chair == null || chair.isBlank() ? principal.getName() : chair;
        List<CaseloadEntry> all = caseload(whose);
        List<CaseloadEntry> open = all.stream().filter(e -> !e.closed()).toList();
        model.addAttribute("rows", rows(open));
        model.addAttribute("closed", all.size() - open.size());
        model.addAttribute("bands", bands(open));
        whoseCaseload(principal, whose, model);
        return "caseload";
    }

    /** A chair's closed allocations, most recently closed first, a page at a time. */
    @GetMapping("/caseload/closed")
    @PreAuthorize("hasAnyRole('CHAIR','ADMIN','QA_LEAD') and (#chair == null or #chair == authentication.name or hasAnyRole('ADMIN','QA_LEAD'))")
    String closed(Principal principal, @RequestParam(required = false) String chair,
            @RequestParam(defaultValue = "1") int page, Model model) {
        String whose = chair == null || chair.isBlank() ? principal.getName() : chair;
        List<CaseloadEntry> closed = caseload(whose).stream().filter(CaseloadEntry::closed)
                .sorted(MOST_RECENTLY_CLOSED_FIRST).toList();
        int pages = Math.max(1, (closed.size() + CLOSED_PAGE_SIZE - 1) / CLOSED_PAGE_SIZE);
        int shown = Math.max(1, Math.min(page, pages));
        int from = (shown - 1) * CLOSED_PAGE_SIZE;
        model.addAttribute("entries", closed.subList(from, Math.min(closed.size(), from + CLOSED_PAGE_SIZE)));
        model.addAttribute("total", closed.size());
        model.addAttribute("page", shown);
        model.addAttribute("pages", pages);
        model.addAttribute("first", closed.isEmpty() ? 0 : from + 1);
        whoseCaseload(principal, whose, model);
        return "caseload-closed";
    }

    /** The table's rows, their words put together once here rather than by the template. */
    private static List<CaseloadRow> rows(List<CaseloadEntry> entries) {
        CaseloadRow.Formats formats = new CaseloadRow.Formats(LocaleContextHolder.getLocale());
        return entries.stream().map(formats::row).toList();
    }

    private void whoseCaseload(Principal principal, String whose, Model model) {
        boolean own = whose.equals(principal.getName());
        model.addAttribute("own", own);
        model.addAttribute("chair", own ? null : whose);
        model.addAttribute("chairName", directory.displayName(whose).orElse(whose));
        model.addAttribute("today", overdue.today());
    }

    private static final java.util.Comparator<CaseloadEntry> MOST_RECENTLY_CLOSED_FIRST = java.util.Comparator
            .comparing(CaseloadEntry::closedOn, java.util.Comparator.reverseOrder())
            .thenComparing(CaseloadEntry::familyName).thenComparing(CaseloadEntry::givenName)
            .thenComparing(CaseloadEntry::childId).thenComparing(CaseloadEntry::role);

    @GetMapping("/api/caseload")
    @ResponseBody
    @PreAuthorize("hasAnyRole('CHAIR','ADMIN','QA_LEAD') and (#chair == null or #chair == authentication.name or hasAnyRole('ADMIN','QA_LEAD'))")
    List<CaseloadEntry> api(Principal principal, @RequestParam(required = false) String chair) {
        return caseload(chair == null ? principal.getName() : chair);
    }

    @GetMapping("/caseload/team")
    @PreAuthorize("hasAnyRole('CHAIR','ADMIN','QA_LEAD')")
    String team(Authentication user, @RequestParam(required = false) String team, Model model) {
        TeamCaseload caseload = teamCaseload(user, team);
        model.addAttribute("caseload", caseload);
        model.addAttribute("rows", rows(caseload.entries()));
        model.addAttribute("teams", directory.teams());
        model.addAttribute("today", overdue.today());
        return "caseload-team";
    }

    @GetMapping("/api/caseload/team")
    @ResponseBody
    @PreAuthorize("hasAnyRole('CHAIR','ADMIN','QA_LEAD')")
    TeamCaseload teamApi(Authentication user, @RequestParam(required = false) String team) {
        return teamCaseload(user, team);
    }

    @GetMapping("/service")
    @PreAuthorize("hasAnyRole('QA_LEAD','ADMIN')")
    String service(@RequestParam(required = false) String team, Model model) {
        model.addAttribute("service", service(team));
        model.addAttribute("team", team == null || team.isBlank() ? null : team);
        model.addAttribute("teams", directory.teams());
        model.addAttribute("urgencies", Urgency.values());
        model.addAttribute("today", overdue.today());
        return "service";
    }

    /** Everything overdue today, for the service or (with {@code team}) one team's chairs. */
    @GetMapping("/api/service/overdue")
    @ResponseBody
    @PreAuthorize("hasAnyRole('QA_LEAD','ADMIN')")
    OverdueQueries.Overdue overdueApi(@RequestParam(required = false) String team,
            @RequestParam(defaultValue = "" + OverdueQueries.PAGE_LIMIT) int limit) {
        catchUp();
        return overdue.overdue(chairsOf(team), Math.max(0, Math.min(limit, 50_000)));
    }

    private List<CaseloadEntry> caseload(String chairId) {
        dueItems.refreshStaleOfChairs(List.of(chairId), READ_REFRESH_LIMIT);
        return queries.caseload(chairId);
    }

    private TeamCaseload teamCaseload(Authentication user, String team) {
        boolean oversees = user.getAuthorities().stream()
                .anyMatch(a -> a.getAuthority().equals("ROLE_QA_LEAD") || a.getAuthority().equals("ROLE_ADMIN"));
        String own = directory.teamOf(user.getName()).orElse(null);
        String which = team == null || team.isBlank() ? own : team;
        if (which == null) {
            throw new NotFound();
        }
        if (!oversees && !which.equals(own)) {
            throw new AccessDeniedException("A chair sees their own team's caseload");
        }
        List<String> chairs = directory.membersOf(which);
        int stillWorkingOut = dueItems.refreshStaleOfChairs(chairs, READ_REFRESH_LIMIT);
        List<CaseloadEntry> entries = queries.teamCaseload(chairs);
        return new TeamCaseload(which, bands(entries), entries, stillWorkingOut);
    }

    private Service service(String team) {
        int stillWorkingOut = catchUp();
        List<String> chairs = chairsOf(team);
        Map<String, Map<Urgency, Integer>> teams = chairs == null ? overdue.bandsByTeam(directory.teamOfEachMember())
                : Map.of();
        return new Service(overdue.bands(chairs), teams, overdue.overdue(chairs, OverdueQueries.PAGE_LIMIT),
                stillWorkingOut);
    }

    /** Works out a few stale children now; answers how many are left for the background. */
    private int catchUp() {
        int stale = dueItems.staleCount();
        if (stale > 0 && stale <= SERVICE_REFRESH_LIMIT) {
            dueItems.refreshStale(SERVICE_REFRESH_LIMIT);
            stale = dueItems.staleCount();
        }
        return stale;
    }

    private List<String> chairsOf(String team) {
        return team == null || team.isBlank() ? null : directory.membersOf(team);
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
