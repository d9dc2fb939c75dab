package org.oversight.query.protection;

import org.oversight.query.audit.ReadLog;
import org.oversight.query.audit.ReadAs;
import org.oversight.events.protection.ConferenceAgencies;
import org.oversight.events.access.Operation;
import org.oversight.events.access.Access;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.Locale;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.oversight.events.childcase.ChairRole;
import org.oversight.events.protection.CategoryOfAbuse;
import org.oversight.events.protection.ConferenceOutcome;
import org.oversight.events.protection.ConferenceType;
import org.oversight.events.protection.PlanEndReason;
import org.oversight.events.protection.ViewsConveyed;
import org.oversight.query.child.Children;
import org.oversight.query.child.ChildSummary;
import org.oversight.events.access.Person;
import org.oversight.query.access.Scope;
import org.oversight.query.directory.StaffDirectory;
import org.oversight.query.web.FormState;
import org.oversight.query.web.NotFound;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The child protection forms. Each posts to the command side at the same address; a refusal comes back here
 * with the problems and what was typed.
 */
@Access(Operation.RECORD_FOR_CHILD)
@Controller
public class ProtectionPages {

    private static final Set<String> FORMS = Set.of("strategy-discussion", "initial-conference",
            "review-conference", "end-plan", "initial-conference-not-required", "correct-conference-date",
            "correct-initial-category");

    private static final DateTimeFormatter SPOKEN = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);

    /** How many other children one conference form can decide for; larger groups use the JSON API. */
    static final List<Integer> SIBLING_ROWS = List.of(1, 2, 3);

    private final Children children;
    private final ProtectionQueries protection;
    private final StaffDirectory directory;

    public ProtectionPages(Children children, ProtectionQueries protection, StaffDirectory directory) {
        this.children = children;
        this.protection = protection;
        this.directory = directory;
    }

    @ReadAs(ReadLog.How.FORM)
    @GetMapping("/children/{childId}/protection/{form}")
    String form(@PathVariable String childId, @PathVariable String form, Person principal, Model model) {
        if (!FORMS.contains(form)) {
            throw new NotFound();
        }
        ChildSummary child = children.child(childId).orElseThrow(NotFound::new);
        ProtectionRecord record = protection.record(childId);
        Map<String, List<String>> defaults = new LinkedHashMap<>();
        defaults.put("chairId", List.of(principal.username()));
        defaults.put("attendingAgencies", List.of(ConferenceAgencies.CHILDRENS_SOCIAL_CARE));
        defaults.put("type", List.of(child.unborn() ? ConferenceType.PRE_BIRTH.name() : ConferenceType.INITIAL.name()));
        defaults.put("previousPlans", List.of(String.valueOf(record.plans().size())));
        record.openEnquiry().ifPresent(e -> defaults.put("enquiryId", List.of(e.enquiryId())));
        record.openPlan().ifPresent(p -> {
            defaults.put("latestCategory", List.of(p.latestCategory().name()));
            defaults.put("planId", List.of(p.planId()));
        });
        model.addAttribute("f", FormState.of(model.asMap(), defaults));
        List<ProtectionQueries.Sibling> siblings = protection.siblingCandidates(childId, principal.username(),
                Scope.listsFor(principal));
        Map<String, String> initialSiblings = new LinkedHashMap<>();
        Map<String, String> reviewSiblings = new LinkedHashMap<>();
        siblings.forEach(s -> {
            initialSiblings.put(s.childId(), s.name());
            if (s.openPlan()) {
                reviewSiblings.put(s.childId(), s.name());
            }
        });
        model.addAttribute("siblingEnquiries", siblings.stream().filter(s -> s.openEnquiryId() != null).toList());
        model.addAttribute("siblings", "review-conference".equals(form) ? reviewSiblings : initialSiblings);
        model.addAttribute("siblingRows", SIBLING_ROWS);
        model.addAttribute("child", child);
        model.addAttribute("protection", record);
        model.addAttribute("form", form);
        model.addAttribute("agencies", ConferenceAgencies.DEFAULT);
        model.addAttribute("chairs", chairs(child.localAuthority()));
        model.addAttribute("categories", options(CategoryOfAbuse.values(), CategoryOfAbuse::title));
        model.addAttribute("conferenceTypes", options(
                new ConferenceType[] {ConferenceType.INITIAL, ConferenceType.PRE_BIRTH, ConferenceType.TRANSFER_IN},
                ConferenceType::title));
        Map<String, String> outcomes = new LinkedHashMap<>();
        outcomes.put(ConferenceOutcome.PLAN.name(), "Yes, the child becomes subject to a child protection plan");
        outcomes.put(ConferenceOutcome.NO_PLAN.name(), "No plan");
        model.addAttribute("outcomes", outcomes);
        model.addAttribute("endReasons", options(PlanEndReason.values(), PlanEndReason::title));
        model.addAttribute("views", options(ViewsConveyed.values(), ViewsConveyed::title));
        model.addAttribute("yesNo", yesNo());
        Map<String, String> conferences = new LinkedHashMap<>();
        record.conferences().forEach(c -> conferences.put(c.conferenceId(),
                ConferenceType.valueOf(c.type()).title() + ", " + c.heldOn().format(SPOKEN)));
        model.addAttribute("conferenceOptions", conferences);
        return "protection/" + form;
    }

    /** The child protection chairs of the child's authority. */
    private Map<String, String> chairs(String localAuthority) {
        Map<String, String> chairs = new LinkedHashMap<>();
        directory.chairs(ChairRole.CP_CHAIR, localAuthority).forEach(c -> chairs.put(c.username(), c.displayName()));
        return chairs;
    }

    private static Map<String, String> yesNo() {
        Map<String, String> yesNo = new LinkedHashMap<>();
        yesNo.put("yes", "Yes");
        yesNo.put("no", "No");
        return yesNo;
    }

    private static <E extends Enum<E>> Map<String, String> options(E[] values, Function<E, String> title) {
        Map<String, String> options = new LinkedHashMap<>();
        Arrays.stream(values).forEach(v -> options.put(v.name(), title.apply(v)));
        return options;
    }
}
