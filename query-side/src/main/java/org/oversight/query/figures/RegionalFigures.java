package org.oversight.query.figures;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.oversight.events.access.Access;
import org.oversight.events.access.Operation;
import org.oversight.events.access.Person;
import org.oversight.query.caseload.CaseloadCounts;
import org.oversight.query.clocks.due.OverdueQueries;
import org.oversight.query.directory.StaffDirectory;
import org.oversight.query.escalations.EscalationQueries;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * Each authority's figures side by side, for the authorities a person is granted: counts only, never a child.
 * A count from one to four is shown as "fewer than 5", as official statistics on children are, so that a small
 * authority's figure cannot point to a child; restricted records are counted like any other.
 */
@Controller
@Access(Operation.READ_REGIONAL_FIGURES)
public class RegionalFigures {

    /** Counts below this, but above nought, are not shown exactly. */
    static final int SMALLEST_SHOWN = 5;

    /** One authority's figures; a {@code null} count is one from 1 to 4. */
    public record Figures(String localAuthority, String name, Integer onAPlan, Integer lookedAfter,
            Integer withAnOverdueClock, Integer openEscalations) {
    }

    private final CaseloadCounts caseloads;
    private final OverdueQueries overdue;
    private final EscalationQueries escalations;
    private final StaffDirectory directory;

    public RegionalFigures(CaseloadCounts caseloads, OverdueQueries overdue, EscalationQueries escalations,
            StaffDirectory directory) {
        this.caseloads = caseloads;
        this.overdue = overdue;
        this.escalations = escalations;
        this.directory = directory;
    }

    @GetMapping("/figures")
    String page(Person person, Model model) {
        model.addAttribute("figures", figures(person));
        model.addAttribute("smallestShown", SMALLEST_SHOWN);
        return "figures";
    }

    @GetMapping("/api/figures")
    @ResponseBody
    List<Figures> api(Person person) {
        return figures(person);
    }

    /** Each count is asked of the package whose read model keeps it, for one authority at a time. */
    private List<Figures> figures(Person person) {
        List<Figures> figures = new ArrayList<>();
        for (Map.Entry<String, String> authority : directory.localAuthorities().entrySet()) {
            if (!person.worksFor(authority.getKey())) {
                continue;
            }
            String la = authority.getKey();
            figures.add(new Figures(la, authority.getValue(), shown(caseloads.onAPlan(la)),
                    shown(caseloads.lookedAfter(la)), shown(overdue.childrenOverdue(la)),
                    shown(escalations.openCount(la))));
        }
        return figures;
    }

    /** The count, or {@code null} for one from 1 to 4. */
    static Integer shown(int count) {
        return count > 0 && count < SMALLEST_SHOWN ? null : count;
    }
}
