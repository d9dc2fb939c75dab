package org.oversight.query.record;

import org.oversight.events.access.Access;
import org.oversight.events.access.Operation;
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
 * The data officer's form to destroy a child's record at the end of its retention: it names the record (the
 * opening of the form is a read of it, logged) and warns that destruction cannot be undone. The decision is
 * posted to the command side.
 */
@Controller
public class DestructionPage {

    private final Children children;

    public DestructionPage(Children children) {
        this.children = children;
    }

    @Access(Operation.DESTROY_RECORD)
    @ReadAs(ReadLog.How.FORM)
    @GetMapping("/children/{childId}/destruction")
    String form(@PathVariable String childId, Model model) {
        ChildSummary child = children.child(childId).orElseThrow(NotFound::new);
        model.addAttribute("child", child);
        model.addAttribute("f", FormState.of(model.asMap()));
        return "destruction";
    }
}
