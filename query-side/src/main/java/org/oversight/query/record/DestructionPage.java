package org.oversight.query.record;

import java.time.Clock;
import java.time.LocalDate;
import org.oversight.events.access.Access;
import org.oversight.events.access.Operation;
import org.oversight.query.audit.ReadAs;
import org.oversight.query.audit.ReadLog;
import org.oversight.query.child.ChildSummary;
import org.oversight.query.child.Children;
import org.oversight.query.retention.RetentionQueries;
import org.oversight.query.web.FormState;
import org.oversight.query.web.NotFound;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The data officer's form to destroy a child's record at the end of its retention: it names the record (the
 * opening of the form is a read of it, logged) and warns that destruction cannot be undone. The decision is
 * posted to the command side.
 */
@Controller
public class DestructionPage {

    private final Children children;
    private final RetentionQueries retention;
    private final Clock clock;

    public DestructionPage(Children children, RetentionQueries retention, Clock clock) {
        this.children = children;
        this.retention = retention;
        this.clock = clock;
    }

    @Access(Operation.DESTROY_RECORD)
    @ReadAs(ReadLog.How.FORM)
    @GetMapping("/children/{childId}/destruction")
    String form(@PathVariable String childId, Model model) {
        ChildSummary child = children.child(childId).orElseThrow(NotFound::new);
        model.addAttribute("child", child);
        // where the record stands in the schedule, so the officer sees whether it is due and under which rule
        model.addAttribute("retention", retention.child(childId).orElse(null));
        model.addAttribute("today", LocalDate.now(clock));
        model.addAttribute("f", FormState.of(model.asMap()));
        return "destruction";
    }
}
