package org.oversight.query.policy;

import java.time.Duration;
import org.oversight.events.access.Operation;
import org.oversight.events.access.Access;
import org.oversight.events.access.Person;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.oversight.events.policy.PolicySettings;
import org.oversight.query.consistency.ProjectionPositions;
import org.oversight.query.directory.StaffDirectory;
import org.oversight.events.escalation.EscalationPolicy;
import org.oversight.query.web.FormState;
import org.oversight.query.web.NotFound;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * Each local authority's timescales: what is in force today, every version with who recorded it, when and
 * why, and (for administrators) the form to record a new version. QA leads and auditors may read them. Each
 * person sees only the authorities they work for (another authority's address is not found, by the access rules).
 */
@Access(Operation.READ_SETTINGS)
@Controller
public class PolicyPages {

    private static final Duration READ_YOUR_WRITE = Duration.ofSeconds(5);

    private final PolicyQueries queries;
    private final StaffDirectory directory;
    private final EscalationPolicy vocabulary;
    private final ProjectionPositions positions;
    private final java.time.Clock clock;

    private final MeetingTypesProjection meetingTypes;

    public PolicyPages(PolicyQueries queries, StaffDirectory directory, EscalationPolicy vocabulary,
            ProjectionPositions positions, java.time.Clock clock, MeetingTypesProjection meetingTypes) {
        this.meetingTypes = meetingTypes;
        this.queries = queries;
        this.directory = directory;
        this.vocabulary = vocabulary;
        this.positions = positions;
        this.clock = clock;
    }

    /** One setting as the pages list it: its label and its value in words. */
    public record Setting(String field, String label, String value) {
    }

    /** A version with what it changed from the one before (all of it for the first). */
    public record Change(PolicyHistory.Version version, List<Setting> changed) {
    }

    @GetMapping("/settings")
    String authorities(Person reader, Model model) {
        Map<String, String> authorities = new LinkedHashMap<>(directory.localAuthorities());
        authorities.keySet().removeIf(la -> !reader.worksFor(la));
        model.addAttribute("authorities", authorities);
        return "settings/authorities";
    }

    @GetMapping("/settings/{localAuthority}")
    String authority(@PathVariable String localAuthority, @RequestParam(required = false) String awaiting,
            Model model) {
        String name = directory.localAuthorities().get(localAuthority);
        if (name == null) {
            throw new NotFound();
        }
        boolean caughtUp = positions.awaitParameter(awaiting, READ_YOUR_WRITE);
        PolicyHistory history = queries.history(localAuthority);
        PolicySettings current = history.on(java.time.LocalDate.now(clock));
        List<String> levels = vocabulary.levels(localAuthority);
        Map<String, List<String>> defaults = new LinkedHashMap<>();
        defaults.put("iroAllocationWorkingDays", List.of(String.valueOf(current.iroAllocationWorkingDays())));
        defaults.put("preBirthConferenceByWeek", List.of(String.valueOf(current.preBirthConferenceByWeek())));
        defaults.put("decisionsWorkingDays", List.of(String.valueOf(current.decisionsWorkingDays())));
        defaults.put("recordWorkingDays", List.of(String.valueOf(current.recordWorkingDays())));
        defaults.put("midwayCheckPercent", List.of(String.valueOf(current.midwayCheckPercent())));
        defaults.put("earlyReviewWorkingDays", List.of(String.valueOf(current.earlyReviewWorkingDays())));
        defaults.put("dentalCheckMonths", List.of(String.valueOf(current.dentalCheckMonths())));
        defaults.put("pepReviewMonths", List.of(String.valueOf(current.pepReviewMonths())));
        defaults.put("preBirthReviewAfterBirthWorkingDays",
                List.of(String.valueOf(current.preBirthReviewAfterBirthWorkingDays())));
        defaults.put("preBirthReviewAfterConferenceMonths",
                List.of(String.valueOf(current.preBirthReviewAfterConferenceMonths())));
        defaults.put("transferInConferenceWorkingDays",
                List.of(String.valueOf(current.transferInConferenceWorkingDays())));
        levels.forEach(l -> defaults.put("response." + l,
                List.of(String.valueOf(current.escalationResponseWorkingDays(l)))));
        model.addAttribute("f", FormState.of(model.asMap(), defaults));
        model.addAttribute("code", localAuthority);
        model.addAttribute("name", name);
        model.addAttribute("pending", !caughtUp);
        model.addAttribute("current", settings(current, levels));
        model.addAttribute("changes", changes(history, levels));
        model.addAttribute("levels", levels.stream().map(l -> Map.entry(l, vocabulary.title(l))).toList());
        model.addAttribute("meetingTypes", meetingTypes.typesOf(localAuthority));
        return "settings/authority";
    }

    @GetMapping("/api/local-authorities/{localAuthority}/settings")
    @ResponseBody
    PolicyHistory api(@PathVariable String localAuthority, @RequestParam(required = false) String awaiting) {
        if (!directory.localAuthorities().containsKey(localAuthority)) {
            throw new NotFound();
        }
        positions.awaitParameter(awaiting, READ_YOUR_WRITE);
        return queries.history(localAuthority);
    }

    private List<Setting> settings(PolicySettings s, List<String> levels) {
        List<Setting> all = new ArrayList<>(List.of(
                new Setting("iroAllocationWorkingDays", "IRO allocated within", days(s.iroAllocationWorkingDays())
                        + " of becoming looked after"),
                new Setting("preBirthConferenceByWeek", "Pre-birth conference by", "week "
                        + s.preBirthConferenceByWeek() + " of pregnancy"),
                new Setting("decisionsWorkingDays", "Review decisions sent within", days(s.decisionsWorkingDays())),
                new Setting("recordWorkingDays", "Review record distributed within", days(s.recordWorkingDays())),
                new Setting("midwayCheckPercent", "Midway check at", s.midwayCheckPercent()
                        + "% of the way to the next review"),
                new Setting("earlyReviewWorkingDays", "Early review held within", days(s.earlyReviewWorkingDays())
                        + " of the IRO's request (local practice)"),
                new Setting("dentalCheckMonths", "Dental check of a looked-after child at least every",
                        s.dentalCheckMonths() + " months (local practice)"),
                new Setting("pepReviewMonths", "Personal education plan reviewed at least every",
                        s.pepReviewMonths() + " months (the authority's reading of termly)"),
                new Setting("preBirthReviewAfterBirthWorkingDays", "First review after a pre-birth plan within",
                        days(s.preBirthReviewAfterBirthWorkingDays()) + " of the birth or "
                                + s.preBirthReviewAfterConferenceMonths()
                                + " months of the conference, whichever is sooner (local practice)"),
                new Setting("transferInConferenceWorkingDays", "Transfer-in conference held within",
                        days(s.transferInConferenceWorkingDays()) + " of the other authority's notification")));
        for (String level : levels) {
            all.add(new Setting("response." + level, vocabulary.title(level) + " responds within",
                    days(s.escalationResponseWorkingDays(level))));
        }
        return all;
    }

    private List<Change> changes(PolicyHistory history, List<String> levels) {
        List<Change> changes = new ArrayList<>();
        List<Setting> before = settings(PolicySettings.DEFAULTS, levels);
        for (PolicyHistory.Version version : history.versions()) {
            List<Setting> after = settings(version.settings(), levels);
            List<Setting> changed = new ArrayList<>();
            for (int i = 0; i < after.size(); i++) {
                if (!after.get(i).value().equals(before.get(i).value())) {
                    changed.add(after.get(i));
                }
            }
            changes.add(new Change(version, changed));
            before = after;
        }
        java.util.Collections.reverse(changes);
        return changes;
    }

    private static String days(int n) {
        return n + (n == 1 ? " working day" : " working days");
    }
}
