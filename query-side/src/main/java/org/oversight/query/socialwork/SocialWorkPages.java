package org.oversight.query.socialwork;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.time.Clock;
import org.oversight.events.access.Access;
import org.oversight.events.access.Operation;
import org.oversight.events.lookedafter.VisitPlace;
import org.oversight.query.audit.ReadAs;
import org.oversight.query.audit.ReadLog;
import org.oversight.query.child.ChildSummary;
import org.oversight.query.child.Children;
import org.oversight.query.web.FormState;
import org.oversight.query.web.NotFound;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The forms of the child's social worker and their visits. Each posts to the command side's
 * {@code SocialWorkDecisions} at the same address; a refusal comes back here with the problems and what was typed.
 */
@Access(Operation.RECORD_FOR_CHILD)
@Controller
public class SocialWorkPages {

    /** Questions fragment of {@code socialwork/form.html}, page title, button and the date field. */
    record Form(String fragment, String title, String button, String dateFields) {
    }

    static final Map<String, Form> FORMS = Map.of(
            "allocate", new Form("allocate", "Record the allocated social worker", "Save allocation",
                    "allocatedOn"),
            "unallocate", new Form("unallocate", "Record that no social worker is allocated", "Save",
                    "unallocatedOn"),
            "visit", new Form("visit", "Record a social worker's visit", "Save visit", "visitedOn"),
            "placement-intention", new Form("intention", "Is the placement meant to last until 18?", "Save",
                    "decidedOn"));

    private final Children children;
    private final SocialWorkQueries socialWork;
    private final Clock clock;

    public SocialWorkPages(Children children, SocialWorkQueries socialWork, Clock clock) {
        this.children = children;
        this.socialWork = socialWork;
        this.clock = clock;
    }

    @ReadAs(ReadLog.How.FORM)
    @GetMapping("/children/{childId}/looked-after/social-work/{form}")
    String form(@PathVariable String childId, @PathVariable String form, Model model) {
        Form page = FORMS.get(form);
        if (page == null) {
            throw new NotFound();
        }
        ChildSummary child = children.child(childId).orElseThrow(NotFound::new);
        model.addAttribute("f", FormState.of(model.asMap()));
        model.addAttribute("child", child);
        model.addAttribute("form", form);
        model.addAttribute("page", page);
        model.addAttribute("allocated", socialWork.record(childId).allocatedOn(LocalDate.now(clock)).orElse(null));
        Map<String, String> places = new LinkedHashMap<>();
        Arrays.stream(VisitPlace.values()).forEach(p -> places.put(p.name(), p.title()));
        model.addAttribute("places", places);
        Map<String, String> yesNo = new LinkedHashMap<>();
        yesNo.put("yes", "Yes");
        yesNo.put("no", "No");
        model.addAttribute("yesNo", yesNo);
        return "socialwork/form";
    }
}
