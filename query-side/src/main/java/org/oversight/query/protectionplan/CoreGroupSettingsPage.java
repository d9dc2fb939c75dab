package org.oversight.query.protectionplan;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.oversight.events.access.Access;
import org.oversight.events.access.Operation;
import org.oversight.query.consistency.ProjectionPositions;
import org.oversight.query.directory.StaffDirectory;
import org.oversight.query.web.FormState;
import org.oversight.query.web.NotFound;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * How a local authority's core groups are held in Oversight: read by whoever reads the authority's settings,
 * set by its administrators (the form posts to the command side's {@code CoreGroupSettingsDecisions}).
 */
@Access(Operation.READ_SETTINGS)
@Controller
public class CoreGroupSettingsPage {

    private static final Duration READ_YOUR_WRITE = Duration.ofSeconds(5);

    private final PlanBetweenConferencesQueries queries;
    private final StaffDirectory directory;
    private final ProjectionPositions positions;
    private final Clock clock;

    public CoreGroupSettingsPage(PlanBetweenConferencesQueries queries, StaffDirectory directory,
            ProjectionPositions positions, Clock clock) {
        this.queries = queries;
        this.directory = directory;
        this.positions = positions;
        this.clock = clock;
    }

    /** What the API answers: the latest setting (absent fields when none) and the interval in force today. */
    public record Settings(LocalDate recordedFrom, int laterIntervalWorkingDaysToday,
            PlanBetweenConferencesQueries.CoreGroupSetting latest) {
    }

    @GetMapping("/settings/{localAuthority}/core-groups")
    String page(@PathVariable String localAuthority, @RequestParam(required = false) String awaiting, Model model) {
        String name = directory.localAuthorities().get(localAuthority);
        if (name == null) {
            throw new NotFound();
        }
        boolean caughtUp = positions.awaitParameter(awaiting, READ_YOUR_WRITE);
        LocalDate today = LocalDate.now(clock);
        var setting = queries.latestCoreGroupSetting(localAuthority).orElse(null);
        int interval = queries.coreGroupTimescales(localAuthority).laterIntervalOn(today);
        Map<String, List<String>> defaults = new LinkedHashMap<>();
        defaults.put("laterIntervalWorkingDays", List.of(String.valueOf(interval)));
        defaults.putAll(dateParts("effectiveFrom", today));
        if (setting != null && setting.recordedFrom() != null) {
            defaults.putAll(dateParts("recordedFrom", setting.recordedFrom()));
        }
        model.addAttribute("f", FormState.of(model.asMap(), defaults));
        model.addAttribute("code", localAuthority);
        model.addAttribute("name", name);
        model.addAttribute("pending", !caughtUp);
        model.addAttribute("setting", setting);
        model.addAttribute("interval", interval);
        return "settings/core-groups";
    }

    @GetMapping("/api/local-authorities/{localAuthority}/core-group-settings")
    @ResponseBody
    ResponseEntity<Settings> api(@PathVariable String localAuthority,
            @RequestParam(required = false) String awaiting) {
        if (!directory.localAuthorities().containsKey(localAuthority)) {
            throw new NotFound();
        }
        positions.awaitParameter(awaiting, READ_YOUR_WRITE);
        CoreGroupTimescales timescales = queries.coreGroupTimescales(localAuthority);
        return ResponseEntity.ok(new Settings(timescales.recordedFrom(),
                timescales.laterIntervalOn(LocalDate.now(clock)),
                queries.latestCoreGroupSetting(localAuthority).orElse(null)));
    }

    private static Map<String, List<String>> dateParts(String field, LocalDate date) {
        return Map.of(field + "-day", List.of(String.valueOf(date.getDayOfMonth())),
                field + "-month", List.of(String.valueOf(date.getMonthValue())),
                field + "-year", List.of(String.valueOf(date.getYear())));
    }
}
