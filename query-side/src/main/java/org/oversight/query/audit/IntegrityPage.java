package org.oversight.query.audit;

import org.oversight.query.child.Children;
import org.oversight.events.access.Operation;
import org.oversight.events.access.Access;
import org.oversight.query.child.ChildSummary;
import org.oversight.query.web.NotFound;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.ResponseBody;

/** Verifies that a child's recorded history is exactly as the platform wrote it. */
@Access(Operation.READ_CHILD)
@Controller
public class IntegrityPage {

    private final Children children;
    private final ChainVerifier verifier;

    public IntegrityPage(Children children, ChainVerifier verifier) {
        this.children = children;
        this.verifier = verifier;
    }

    @ReadAs(ReadLog.How.VERIFY)
    @GetMapping("/children/{childId}/integrity")
    String page(@PathVariable String childId, Model model) {
        ChildSummary child = children.child(childId).orElseThrow(NotFound::new);
        model.addAttribute("child", child);
        model.addAttribute("verification", verifier.verifyChild(childId));
        return "integrity";
    }

    @ReadAs(ReadLog.How.VERIFY)
    @GetMapping("/api/children/{childId}/integrity")
    @ResponseBody
    ChainVerifier.Verification api(@PathVariable String childId) {
        // a child who is not registered never gets here: the access guard answers 404 from the child's own case
        // in the event store, which (unlike a read model) knows a child the moment they are registered
        ChainVerifier.Verification verification = verifier.verifyChild(childId);
        return verification;
    }
}
