package org.oversight.query.protectionplan;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.oversight.events.access.Access;
import org.oversight.events.access.Operation;
import org.oversight.events.protection.ConferenceAgencies;
import org.oversight.events.protection.ConferenceType;
import org.oversight.events.protection.CoreGroupMeetingHeld;
import org.oversight.events.protection.PlanMidwayFinding;
import org.oversight.events.protection.StrategyMeetingDecision;
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
 * The forms of a child protection plan between conferences, and of a strategy meeting. Each posts to the command
 * side's {@code PlanBetweenConferencesDecisions} at the same address; a refusal comes back here with the problems
 * and what was typed. One page template frames them all ({@code protectionplan/form.html}); each form's
 * questions are a fragment of {@code protectionplan/fields.html}.
 */
@Access(Operation.RECORD_FOR_CHILD)
@Controller
public class PlanBetweenConferencesPages {

    /** Questions fragment, page title, button and the date fields whose errors link to their day box. */
    record Form(String fragment, String title, String button, String dateFields) {
    }

    /** How many action rows the agreement form draws: the command side's form layout reads the same number. */
    static final int ACTION_ROWS = 5;

    static final Map<String, Form> FORMS = Map.ofEntries(
            Map.entry("agree", new Form("agree", "Agree the child protection plan", "Save the plan",
                    IntStream.range(0, ACTION_ROWS).mapToObj(i -> "actions[" + i + "].dueOn")
                            .collect(Collectors.joining(",")))),
            Map.entry("complete-action", new Form("completeAction", "Complete an action of the plan",
                    "Save completion", "completedOn")),
            Map.entry("change-action", new Form("changeAction", "Change an action of the plan", "Save change",
                    "dueOn,changedOn")),
            Map.entry("cancel-action", new Form("cancelAction", "Cancel an action of the plan", "Save cancellation",
                    "cancelledOn")),
            Map.entry("core-group", new Form("coreGroup", "Record a core group meeting", "Save core group meeting",
                    "heldOn")),
            Map.entry("midway-check", new Form("midwayCheck", "Record a midway check of the plan",
                    "Save midway check", "checkedOn")));

    static final Form STRATEGY_MEETING = new Form("strategyMeeting", "Record a strategy meeting",
            "Save strategy meeting", "heldOn");

    private static final DateTimeFormatter SPOKEN = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);

    private final Children children;
    private final ProtectionQueries protection;
    private final PlanBetweenConferencesQueries between;

    public PlanBetweenConferencesPages(Children children, ProtectionQueries protection,
            PlanBetweenConferencesQueries between) {
        this.children = children;
        this.protection = protection;
        this.between = between;
    }

    /** @param action the action to complete, change or cancel, when the form is opened from the actions table */
    @ReadAs(ReadLog.How.FORM)
    @GetMapping("/children/{childId}/protection/plan/{form}")
    String form(@PathVariable String childId, @PathVariable String form,
            @RequestParam(required = false) String action, Model model) {
        Form page = FORMS.get(form);
        if (page == null) {
            throw new NotFound();
        }
        return page(childId, form, "/children/{childId}/protection/plan/" + form, page, action, model);
    }

    @ReadAs(ReadLog.How.FORM)
    @GetMapping("/children/{childId}/protection/strategy-meeting")
    String strategyMeeting(@PathVariable String childId, Model model) {
        return page(childId, "strategy-meeting", "/children/{childId}/protection/strategy-meeting", STRATEGY_MEETING,
                null, model);
    }

    private String page(String childId, String form, String address, Form page, String action, Model model) {
        ChildSummary child = children.child(childId).orElseThrow(NotFound::new);
        ProtectionRecord record = protection.record(childId);
        PlanBetweenConferencesRecord plan = between.record(childId);
        ProtectionRecord.Plan open = record.openPlan().orElse(null);
        List<PlanBetweenConferencesRecord.Action> openActions = open == null ? List.of()
                : plan.actionsOf(open.planId()).stream()
                        .filter(a -> PlanBetweenConferencesRecord.OPEN.equals(a.state())).toList();

        Map<String, List<String>> defaults = new LinkedHashMap<>();
        // chosen when the form is shown, so that a form submitted twice is refused rather than recorded twice
        defaults.put("meetingId", List.of(UUID.randomUUID().toString()));
        // a first visit's ticks are its defaults, as a refused post's are what was ticked
        defaults.put("attendingAgencies", List.of(ConferenceAgencies.CHILDRENS_SOCIAL_CARE));
        Map<String, String> conferences = new LinkedHashMap<>();
        if (open != null) {
            record.conferences().stream().filter(c -> open.planId().equals(c.planId()))
                    .forEach(c -> conferences.put(c.conferenceId(),
                            ConferenceType.valueOf(c.type()).title() + ", " + c.heldOn().format(SPOKEN)));
        }
        if (!conferences.isEmpty()) {
            defaults.put("conferenceId", List.of(conferences.keySet().stream().reduce((a, b) -> b).orElseThrow()));
        }
        PlanBetweenConferencesRecord.Agreement agreed = open == null ? null : plan.latestAgreement(open.planId());
        if (agreed != null) {
            defaults.put("outcomes", List.of(String.join("\n", agreed.outcomes())));
            defaults.put("contingencyPlan", List.of(agreed.contingencyPlan()));
        }
        if (action != null) {
            openActions.stream().filter(a -> a.actionId().equals(action)).findFirst().ifPresent(a -> {
                defaults.put("actionId", List.of(a.actionId()));
                defaults.put("action", List.of(a.action()));
                defaults.put("owner", List.of(a.owner()));
                defaults.putAll(dateParts("dueOn", a.dueOn()));
            });
        }

        model.addAttribute("f", FormState.of(model.asMap(), defaults));
        model.addAttribute("child", child);
        model.addAttribute("form", form);
        model.addAttribute("address", address.replace("{childId}", childId));
        model.addAttribute("page", page);
        model.addAttribute("openPlan", open);
        model.addAttribute("agreed", agreed);
        model.addAttribute("conferenceOptions", conferences);
        model.addAttribute("actionRows", IntStream.range(0, ACTION_ROWS).boxed().toList());
        model.addAttribute("openActions", openActions);
        Map<String, String> actionOptions = new LinkedHashMap<>();
        openActions.forEach(a -> actionOptions.put(a.actionId(),
                a.action() + " (" + a.owner() + ", due " + a.dueOn().format(SPOKEN) + ")"));
        model.addAttribute("actionOptions", actionOptions);
        model.addAttribute("progressOptions", options(CoreGroupMeetingHeld.Progress.values(),
                CoreGroupMeetingHeld.Progress::title));
        model.addAttribute("findings", options(PlanMidwayFinding.values(), PlanMidwayFinding::title));
        model.addAttribute("decisions", options(StrategyMeetingDecision.values(), StrategyMeetingDecision::title));
        model.addAttribute("agencies", ConferenceAgencies.DEFAULT);
        return "protectionplan/form";
    }

    private static Map<String, List<String>> dateParts(String field, LocalDate date) {
        return Map.of(field + "-day", List.of(String.valueOf(date.getDayOfMonth())),
                field + "-month", List.of(String.valueOf(date.getMonthValue())),
                field + "-year", List.of(String.valueOf(date.getYear())));
    }

    private static <E extends Enum<E>> Map<String, String> options(E[] values, Function<E, String> title) {
        Map<String, String> options = new LinkedHashMap<>();
        Arrays.stream(values).forEach(v -> options.put(v.name(), title.apply(v)));
        return options;
    }
}
