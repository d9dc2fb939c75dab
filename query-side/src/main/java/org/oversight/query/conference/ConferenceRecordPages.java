package org.oversight.query.conference;

import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.oversight.events.access.Access;
import org.oversight.events.access.Operation;
import org.oversight.events.protection.Attendance;
import org.oversight.events.protection.CategoryOfAbuse;
import org.oversight.events.protection.ConferenceRole;
import org.oversight.events.protection.ConferenceType;
import org.oversight.events.protection.InquorateDecision;
import org.oversight.query.audit.ReadAs;
import org.oversight.query.audit.ReadLog;
import org.oversight.query.child.ChildSummary;
import org.oversight.query.child.Children;
import org.oversight.query.protection.ProtectionQueries;
import org.oversight.query.protection.ProtectionRecord;
import org.oversight.query.web.FormState;
import org.oversight.query.web.NotFound;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The forms for the conference as it happened: who was invited and who attended, the agencies' recommendations,
 * why a conference was not quorate, and a transfer-in notification. Each posts to the command side at the same
 * address; a refusal comes back here with the problems and what was typed. The lists start with what the
 * conference already recorded (the agencies that attended, the chair's decision), so the chair adds to it
 * rather than types it again.
 */
@Access(Operation.RECORD_FOR_CHILD)
@Controller
public class ConferenceRecordPages {

    /** Empty rows offered after the ones filled in; a chair who needs more asks for more before typing. */
    static final int SPARE_ROWS = 5;
    /** The most rows a page offers, whatever the address asks for. */
    static final int MOST_ROWS = 60;
    private static final String CONFERENCE = "/children/{childId}/protection/conferences/{conferenceId}/";
    private static final DateTimeFormatter SPOKEN = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);
    private static final Pattern ROW = Pattern.compile("(\\w+)\\[(\\d+)]\\..+");

    private final Children children;
    private final ProtectionQueries protection;

    public ConferenceRecordPages(Children children, ProtectionQueries protection) {
        this.children = children;
        this.protection = protection;
    }

    @ReadAs(ReadLog.How.FORM)
    @GetMapping(CONFERENCE + "attendance")
    String attendance(@PathVariable String childId, @PathVariable String conferenceId,
            @RequestParam(required = false) Integer rows, Model model) {
        ChildSummary child = child(childId);
        ProtectionRecord.Conference conference = conference(childId, conferenceId);
        Map<String, List<String>> defaults = new LinkedHashMap<>();
        List<String[]> people = new ArrayList<>();
        people.add(new String[] {ConferenceRole.CHILD.name(), null,
                ConferenceType.PRE_BIRTH.name().equals(conference.type()) ? Attendance.NONE.name() : null});
        people.add(new String[] {ConferenceRole.PARENT.name(), null, null});
        people.add(new String[] {ConferenceRole.PARENT.name(), null, null});
        conference.attendingAgencies().forEach(agency -> people.add(new String[] {ConferenceRole.AGENCY.name(),
                agency, Attendance.ALL.name()}));
        for (int i = 0; i < people.size(); i++) {
            String at = "attendees[" + i + "].";
            put(defaults, at + "role", people.get(i)[0]);
            put(defaults, at + "agency", people.get(i)[1]);
            put(defaults, at + "attendance", people.get(i)[2]);
        }
        // everyone in a row was invited unless the chair unticks it: most people recorded were
        int shown = rows(FormState.of(model.asMap()), "attendees", people.size(), rows);
        for (int i = 0; i < shown; i++) {
            put(defaults, "attendees[" + i + "].invited", "true");
        }
        FormState f = FormState.of(model.asMap(), defaults);
        model.addAttribute("f", f);
        model.addAttribute("rows", range(shown));
        model.addAttribute("moreRows", Math.min(shown + SPARE_ROWS, MOST_ROWS));
        model.addAttribute("roles", options(ConferenceRole.values(), ConferenceRole::title));
        model.addAttribute("attendances", options(Attendance.values(), a -> capitalised(a.words())));
        Map<String, String> reports = new LinkedHashMap<>();
        reports.put("SHARED", "Report received and shared with the family in time");
        reports.put("NOT_SHARED", "Report received but not shared with the family in time");
        model.addAttribute("reports", reports);
        return page(model, child, conference, "conference/attendance");
    }

    @ReadAs(ReadLog.How.FORM)
    @GetMapping(CONFERENCE + "recommendations")
    String recommendations(@PathVariable String childId, @PathVariable String conferenceId,
            @RequestParam(required = false) Integer rows, Model model) {
        ChildSummary child = child(childId);
        ProtectionRecord.Conference conference = conference(childId, conferenceId);
        Map<String, List<String>> defaults = new LinkedHashMap<>();
        boolean plan = "PLAN".equals(conference.decision()) || "CONTINUE".equals(conference.decision());
        put(defaults, "chairDecision", plan ? "PLAN" : "NO_PLAN");
        put(defaults, "chairCategory", plan && conference.category() != null ? conference.category().name() : null);
        List<String> agencies = conference.attendingAgencies();
        for (int i = 0; i < agencies.size(); i++) {
            put(defaults, "recommendations[" + i + "].agency", agencies.get(i));
        }
        FormState f = FormState.of(model.asMap(), defaults);
        int shown = rows(f, "recommendations", agencies.size(), rows);
        model.addAttribute("f", f);
        model.addAttribute("rows", range(shown));
        model.addAttribute("moreRows", Math.min(shown + SPARE_ROWS, MOST_ROWS));
        Map<String, String> outcomes = new LinkedHashMap<>();
        outcomes.put("PLAN", "A child protection plan");
        outcomes.put("NO_PLAN", "No plan");
        model.addAttribute("outcomes", outcomes);
        Map<String, String> reviewed = new LinkedHashMap<>();
        reviewed.put("PLAN", "The plan continues");
        reviewed.put("NO_PLAN", "The plan ends");
        model.addAttribute("chairOutcomes", "REVIEW".equals(conference.type()) ? reviewed : outcomes);
        model.addAttribute("categories", options(CategoryOfAbuse.values(), CategoryOfAbuse::title));
        return page(model, child, conference, "conference/recommendations");
    }

    @ReadAs(ReadLog.How.FORM)
    @GetMapping(CONFERENCE + "inquorate")
    String inquorate(@PathVariable String childId, @PathVariable String conferenceId, Model model) {
        ChildSummary child = child(childId);
        ProtectionRecord.Conference conference = conference(childId, conferenceId);
        model.addAttribute("f", FormState.of(model.asMap(), Map.of()));
        model.addAttribute("decisions", options(InquorateDecision.values(), InquorateDecision::title));
        return page(model, child, conference, "conference/inquorate");
    }

    @ReadAs(ReadLog.How.FORM)
    @GetMapping("/children/{childId}/protection/transfer-in-notification")
    String transferIn(@PathVariable String childId, Model model) {
        ChildSummary child = child(childId);
        // a reference made when the form is shown, so that a post sent twice records one notification
        Map<String, List<String>> defaults = Map.of("notificationId", List.of(UUID.randomUUID().toString()));
        model.addAttribute("f", FormState.of(model.asMap(), defaults));
        model.addAttribute("child", child);
        return "conference/transfer-in";
    }

    private ChildSummary child(String childId) {
        return children.child(childId).orElseThrow(NotFound::new);
    }

    private ProtectionRecord.Conference conference(String childId, String conferenceId) {
        return protection.record(childId).conferences().stream()
                .filter(c -> c.conferenceId().equals(conferenceId)).findFirst().orElseThrow(NotFound::new);
    }

    private static String page(Model model, ChildSummary child, ProtectionRecord.Conference conference,
            String template) {
        model.addAttribute("child", child);
        model.addAttribute("conference", conference);
        model.addAttribute("conferenceTitle", title(conference));
        return template;
    }

    /** The conference as the chair knows it: "Initial conference on 3 March 2026". */
    public static String title(ProtectionRecord.Conference conference) {
        return ConferenceType.valueOf(conference.type()).title() + " on " + conference.heldOn().format(SPOKEN);
    }

    /**
     * How many rows to show: those filled in (or typed, after a refusal) and some spare, or as many as the
     * address asks for when that is more.
     */
    static int rows(FormState f, String list, int filled, Integer asked) {
        int typed = 0;
        for (String name : f.typed().keySet()) {
            Matcher row = ROW.matcher(name);
            if (row.matches() && row.group(1).equals(list)) {
                typed = Math.max(typed, Integer.parseInt(row.group(2)) + 1);
            }
        }
        int shown = Math.max(filled, typed) + SPARE_ROWS;
        return Math.min(MOST_ROWS, asked == null ? shown : Math.max(shown, asked));
    }

    static List<Integer> range(int rows) {
        List<Integer> range = new ArrayList<>();
        for (int i = 0; i < rows; i++) {
            range.add(i);
        }
        return range;
    }

    private static void put(Map<String, List<String>> values, String field, String value) {
        if (value != null) {
            values.put(field, List.of(value));
        }
    }

    private static String capitalised(String words) {
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }

    static <E extends Enum<E>> Map<String, String> options(E[] values, Function<E, String> title) {
        Map<String, String> options = new LinkedHashMap<>();
        Arrays.stream(values).forEach(v -> options.put(v.name(), title.apply(v)));
        return options;
    }
}
