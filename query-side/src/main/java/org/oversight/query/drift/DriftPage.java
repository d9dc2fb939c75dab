package org.oversight.query.drift;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import org.oversight.events.access.Access;
import org.oversight.events.access.Operation;
import org.oversight.events.access.Person;
import org.oversight.events.access.Role;
import org.oversight.events.access.Team;
import org.oversight.query.access.Scope;
import org.oversight.query.caseload.CaseloadEntry;
import org.oversight.query.caseload.CaseloadQueries;
import org.oversight.query.child.Children;
import org.oversight.query.clocks.DriftPicture;
import org.oversight.query.clocks.DriftPictures;
import org.oversight.query.directory.StaffDirectory;
import org.oversight.query.web.NotFound;
import org.oversight.query.web.ReadBounds;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Where drift sits in a team: each chair's open children as rows of the timeline's picture in small, over the
 * same window (a year back from the "as at" day to three months ahead), so a team manager or QA lead sees at a
 * glance which children's clocks run late and under which chair. A team manager sees their own teams, a QA lead
 * every team of their authorities; a team the reader may not see is not found. Restricted records are left out
 * as in every list, and the rows come {@value #ROWS_PER_PAGE} to a page so that the work per request is bounded.
 */
@Controller
public class DriftPage {

    static final int ROWS_PER_PAGE = 20;
    static final int MONTHS_BACK = 12;
    static final int MONTHS_AHEAD = 3;

    private final CaseloadQueries caseloads;
    private final Children children;
    private final DriftPictures pictures;
    private final StaffDirectory directory;
    private final Clock clock;

    public DriftPage(CaseloadQueries caseloads, Children children, DriftPictures pictures, StaffDirectory directory,
            Clock clock) {
        this.caseloads = caseloads;
        this.children = children;
        this.pictures = pictures;
        this.directory = directory;
        this.clock = clock;
    }

    /** One child under one chair, drawn small. */
    public record Row(String chairName, String childId, String childName, long late, int clocks, String svg) {
    }

    @Access(Operation.READ_SERVICE)
    @GetMapping("/drift")
    String page(Person reader, @RequestParam(required = false) String team,
            @RequestParam(required = false) String authority,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asAt,
            @RequestParam(defaultValue = "1") int page, Model model) {
        LocalDate today = LocalDate.now(clock);
        ReadBounds.asAt(asAt, today, "asAt");
        LocalDate day = asAt == null || asAt.isAfter(today) ? today : asAt;
        int asked = ReadBounds.page(page);
        List<Team> seen = teamsSeenBy(reader);
        model.addAttribute("teams", seen);
        model.addAttribute("severalAuthorities", reader.authorities().size() > 1);
        model.addAttribute("asAt", day);
        model.addAttribute("today", today);
        Optional<Team> chosen = chosenTeam(reader, seen, team, authority);
        model.addAttribute("team", chosen.orElse(null));
        if (chosen.isEmpty()) {
            model.addAttribute("rows", List.of());
            model.addAttribute("total", 0);
            model.addAttribute("page", 1);
            model.addAttribute("pages", 1);
            return "drift";
        }
        Team which = chosen.get();
        List<CaseloadEntry> open = caseloads.teamCaseload(directory.members(which),
                        Scope.listsFor(reader).within(which.localAuthority())).stream()
                .filter(e -> !e.closed()).toList();
        Map<String, CaseloadEntry> byChairAndChild = new LinkedHashMap<>();
        open.stream().sorted(BY_CHAIR_THEN_CHILD)
                .forEach(e -> byChairAndChild.putIfAbsent(e.chairName() + "\u0000" + e.childId(), e));
        List<CaseloadEntry> entries = new ArrayList<>(byChairAndChild.values());
        int pages = Math.max(1, (entries.size() + ROWS_PER_PAGE - 1) / ROWS_PER_PAGE);
        int shown = Math.min(asked, pages);
        int from = (shown - 1) * ROWS_PER_PAGE;
        LocalDate first = day.minusMonths(MONTHS_BACK);
        LocalDate last = day.plusMonths(MONTHS_AHEAD);
        List<Row> rows = new ArrayList<>();
        int n = 0;
        for (CaseloadEntry entry : entries.subList(from, Math.min(entries.size(), from + ROWS_PER_PAGE))) {
            n++;
            var child = children.child(entry.childId());
            if (child.isEmpty()) {
                continue;
            }
            DriftPicture picture = pictures.small(child.get(), day, first, last, "drift-row-" + n);
            rows.add(new Row(entry.chairName(), entry.childId(), entry.name(), picture.lateCount(),
                    picture.bars().size(), picture.svg()));
        }
        model.addAttribute("rows", rows);
        model.addAttribute("total", entries.size());
        model.addAttribute("page", shown);
        model.addAttribute("pages", pages);
        model.addAttribute("windowFrom", first);
        model.addAttribute("windowTo", last);
        return "drift";
    }

    private static final Comparator<CaseloadEntry> BY_CHAIR_THEN_CHILD = Comparator
            .comparing((CaseloadEntry e) -> e.chairName() == null ? "" : e.chairName())
            .thenComparing(CaseloadEntry::familyName).thenComparing(CaseloadEntry::givenName)
            .thenComparing(CaseloadEntry::childId);

    private static final Comparator<Team> BY_AUTHORITY_AND_NAME = Comparator.comparing(Team::localAuthority)
            .thenComparing(Team::name);

    /** A team manager's own teams; for a QA lead, every team of their authorities. */
    private List<Team> teamsSeenBy(Person reader) {
        TreeSet<Team> teams = new TreeSet<>(BY_AUTHORITY_AND_NAME);
        if (reader.has(Role.TEAM_MANAGER) || reader.has(Role.QA_LEAD)) {
            reader.teams().stream().filter(t -> reader.worksFor(t.localAuthority())).forEach(teams::add);
        }
        if (reader.has(Role.QA_LEAD)) {
            teams.addAll(directory.teamsIn(reader.authorities()));
        }
        return new ArrayList<>(teams);
    }

    /**
     * The team asked for among those the reader may see, else not found; without a name, the reader's own first
     * team, else the first they may see, else none.
     */
    private static Optional<Team> chosenTeam(Person reader, List<Team> seen, String team, String authority) {
        if (team == null || team.isBlank()) {
            Optional<Team> own = reader.teams().stream().filter(seen::contains).min(BY_AUTHORITY_AND_NAME);
            return own.isPresent() ? own : seen.stream().findFirst();
        }
        String name = team.strip();
        String within = authority == null || authority.isBlank() ? null : authority.strip();
        return Optional.of(seen.stream()
                .filter(t -> t.name().equals(name) && (within == null || t.localAuthority().equals(within)))
                .findFirst().orElseThrow(NotFound::new));
    }
}
