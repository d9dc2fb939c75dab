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
    private final DestructionOfRecord destructions;

    public IntegrityPage(Children children, ChainVerifier verifier, DestructionOfRecord destructions) {
        this.children = children;
        this.verifier = verifier;
        this.destructions = destructions;
    }

    @ReadAs(ReadLog.How.VERIFY)
    @GetMapping("/children/{childId}/integrity")
    String page(@PathVariable String childId, Model model) {
        ChildSummary child = children.child(childId).orElse(null);
        if (child == null) {
            // a destroyed record is forgotten by every read model, yet its sealed stream must still be verifiable:
            // the page then names the destruction instead of the child (the access guard has already answered 404
            // for a child who was never registered)
            model.addAttribute("destruction", destructions.of(childId).orElseThrow(NotFound::new));
        }
        model.addAttribute("childId", childId);
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
