package org.oversight.query.escalations;

import org.oversight.events.escalation.EscalationPolicy;
import org.oversight.events.access.Person;
import org.oversight.query.access.Scope;
import org.oversight.query.audit.ReadLog;
import org.oversight.query.audit.ReadAs;
import org.oversight.events.access.Operation;
import org.oversight.events.access.Access;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.oversight.query.child.Children;
import org.oversight.query.protection.ProtectionQueries;
import org.oversight.query.child.ChildSummary;
import org.oversight.query.consistency.ProjectionPositions;
import org.oversight.query.web.FormState;
import org.oversight.query.web.NotFound;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The escalation pages: the QA lead's dashboard and the lists behind its numbers, one escalation's page, and
 * the forms chairs record the process with (they post to the command side at the same address, or at
 * {@code /children/{id}/escalations} for a new one; a refusal comes back here with the problems and what was typed).
 */
@Controller
public class EscalationPages {

    static final String ID = "{escalationId:escalation-[0-9a-f-]+}";

    /** Each action form, and its heading. */
    private static final Map<String, String> ACTIONS = actions();

    private static final Duration READ_YOUR_WRITE = Duration.ofSeconds(3);

    private final EscalationReports reports;
    private final EscalationQueries queries;
    private final Children children;
    private final ProjectionPositions positions;
    private final ProtectionQueries protection;

    public EscalationPages(EscalationReports reports, EscalationQueries queries, Children children,
            ProjectionPositions positions, ProtectionQueries protection) {
        this.reports = reports;
        this.queries = queries;
        this.children = children;
        this.positions = positions;
        this.protection = protection;
    }

    @Access(Operation.READ_ESCALATION_FIGURES)
    @GetMapping("/escalations")
    String dashboard(Person reader, @RequestParam Map<String, String> parameters, Model model,
            jakarta.servlet.http.HttpServletResponse response) {
        // the dates' day, month and year boxes, read as the criteria's days; an impossible day is its field's problem
        Map<String, String> given = new java.util.HashMap<>(parameters);
        Map<String, String> dates = new java.util.LinkedHashMap<>();
        dates.put("raisedFrom", "The first day raised");
        dates.put("raisedTo", "The last day raised");
        org.oversight.query.web.FormState dateForm = org.oversight.query.web.DateBoxes.intoParameters(given, dates,
                org.oversight.query.web.ReadBounds.EARLIEST_AS_AT,
                java.time.LocalDate.of(Criterion.LATEST_FILTER_YEAR, 12, 31));
        if (dateForm.hasErrors()) {
            response.setStatus(400);
        }
        model.addAttribute("dateForm", dateForm);
        EscalationCriteria criteria = EscalationCriteria.from(given).filtersOnly();
        Scope scope = Scope.listsFor(reader);
        model.addAttribute("criteria", criteria);
        model.addAttribute("dashboard", reports.dashboard(criteria, scope));
        model.addAttribute("options", reports.filterOptions(scope));
        return "escalations/dashboard";
    }

    @Access(Operation.READ_ESCALATION_FIGURES)
    @GetMapping("/escalations/list")
    String list(Person reader, @RequestParam Map<String, String> parameters, Model model) {
        EscalationCriteria criteria = EscalationCriteria.from(parameters);
        Scope scope = Scope.listsFor(reader);
        model.addAttribute("criteria", criteria);
        model.addAttribute("described", reports.describe(criteria, scope));
        model.addAttribute("escalations", reports.list(criteria, scope));
        model.addAttribute("vocabulary", reports.vocabulary());
        return "escalations/list";
    }

    /**
     * @param awaiting {@code escalationId:sequence} of a step just recorded: the page waits briefly for it
     */
    @Access(Operation.READ_CHILD)
    @ReadAs(ReadLog.How.ESCALATION)
    @GetMapping("/escalations/" + ID)
    String escalation(@PathVariable String escalationId, @RequestParam(required = false) String awaiting,
            Model model) {
        boolean caughtUp = positions.awaitParameter(awaiting, READ_YOUR_WRITE);
        EscalationRecord record = queries.record(escalationId).orElse(null);
        if (record == null && caughtUp) {
            throw new NotFound();
        }
        model.addAttribute("escalation", record);
        model.addAttribute("pending", !caughtUp);
        model.addAttribute("vocabulary", reports.vocabulary());
        if (record != null) {
            model.addAttribute("actions", actionsFor(record));
        }
        return "escalations/escalation";
    }

    @Access(Operation.RECORD_FOR_CHILD)
    @ReadAs(ReadLog.How.FORM)
    @GetMapping("/escalations/" + ID + "/{form}")
    String action(@PathVariable String escalationId, @PathVariable String form, Model model) {
        if (!ACTIONS.containsKey(form)) {
            throw new NotFound();
        }
        EscalationRecord record = queries.record(escalationId).orElseThrow(NotFound::new);
        EscalationSummary escalation = record.summary();
        Map<String, List<String>> defaults = new LinkedHashMap<>();
        if (escalation.progress().level() != null) {
            defaults.put("level", List.of(escalation.progress().level()));
        }
        model.addAttribute("f", FormState.of(model.asMap(), defaults));
        model.addAttribute("escalation", record);
        model.addAttribute("form", form);
        model.addAttribute("heading", ACTIONS.get(form));
        model.addAttribute("vocabulary", reports.vocabulary());
        model.addAttribute("higherLevels", higherLevels(escalation));
        model.addAttribute("yesNo", yesNo());
        return "escalations/action";
    }

    @Access(Operation.RECORD_FOR_CHILD)
    @ReadAs(ReadLog.How.FORM)
    @GetMapping("/children/{childId}/escalations/new")
    String raise(@PathVariable String childId, Person chair, Model model) {
        ChildSummary child = children.child(childId).orElseThrow(NotFound::new);
        // brothers and sisters the escalation may also be about: same authority, same family name or same chair
        model.addAttribute("siblings", protection.siblingCandidates(childId, chair.username(),
                Scope.listsFor(chair)));
        EscalationPolicy vocabulary = reports.vocabulary();
        Map<String, String> categories = new LinkedHashMap<>();
        vocabulary.concernCategories(child.localAuthority()).forEach(c -> categories.put(c, vocabulary.title(c)));
        Map<String, String> levels = new LinkedHashMap<>();
        vocabulary.levels(child.localAuthority()).forEach(l -> levels.put(l, vocabulary.title(l)));
        Map<String, String> formal = new LinkedHashMap<>();
        formal.put("formal", "Formal escalation, at a level of the local authority");
        formal.put("informal", "Informal alert (no level yet)");
        model.addAttribute("f", FormState.of(model.asMap(), Map.of("localAuthority", List.of(child.localAuthority()))));
        model.addAttribute("child", child);
        model.addAttribute("categories", categories);
        model.addAttribute("levels", levels);
        model.addAttribute("formalOptions", formal);
        return "escalations/raise";
    }

    /** The actions a chair can take now, form to link text; none once closed. */
    private static Map<String, String> actionsFor(EscalationRecord record) {
        Map<String, String> actions = new LinkedHashMap<>();
        EscalationProgress progress = record.summary().progress();
        if (!progress.open()) {
            return actions;
        }
        actions.put("move-up", progress.level() == null ? "Make it formal at a level" : "Move it up a level");
        actions.put("response", "Record the local authority's response");
        if (!progress.awaitingResponse()) {
            actions.put("reject-response", "Reject the response");
        }
        actions.put("resolve", "Resolve it");
        actions.put("withdraw", "Withdraw it");
        if (progress.cafcassReferredOn() == null) {
            actions.put("cafcass", "Record a referral to Cafcass");
        }
        return actions;
    }

    /** The levels above the current one, value to title; all of them for an informal alert or an unknown level. */
    private Map<String, String> higherLevels(EscalationSummary escalation) {
        EscalationPolicy vocabulary = reports.vocabulary();
        List<String> levels = vocabulary.levels(escalation.localAuthority());
        int current = escalation.progress().level() == null ? -1 : levels.indexOf(escalation.progress().level());
        Map<String, String> higher = new LinkedHashMap<>();
        levels.subList(current + 1, levels.size()).forEach(l -> higher.put(l, vocabulary.title(l)));
        return higher;
    }

    private static Map<String, String> yesNo() {
        Map<String, String> yesNo = new LinkedHashMap<>();
        yesNo.put("yes", "Yes");
        yesNo.put("no", "No");
        return yesNo;
    }

    private static Map<String, String> actions() {
        Map<String, String> actions = new LinkedHashMap<>();
        actions.put("move-up", "Move the escalation up");
        actions.put("response", "Record the local authority's response");
        actions.put("reject-response", "Reject the response");
        actions.put("resolve", "Resolve the escalation");
        actions.put("withdraw", "Withdraw the escalation");
        actions.put("cafcass", "Record a referral to Cafcass");
        return Map.copyOf(actions);
    }
}
