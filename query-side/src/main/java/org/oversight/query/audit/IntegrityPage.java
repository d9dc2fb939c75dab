package org.oversight.query.audit;

import org.oversight.query.caseload.CaseloadQueries;
import org.oversight.query.caseload.ChildSummary;
import org.oversight.query.history.ReadLog;
import org.oversight.query.web.NotFound;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.ResponseBody;

/** Verifies that a child's recorded history is exactly as the platform wrote it. */
@Controller
@PreAuthorize("hasAnyRole('AUDITOR','QA_LEAD','ADMIN','CHAIR')")
public class IntegrityPage {

    private final CaseloadQueries children;
    private final ChainVerifier verifier;
    private final ReadLog readLog;

    public IntegrityPage(CaseloadQueries children, ChainVerifier verifier, ReadLog readLog) {
        this.children = children;
        this.verifier = verifier;
        this.readLog = readLog;
    }

    @GetMapping("/children/{childId}/integrity")
    String page(@PathVariable String childId, Model model) {
        ChildSummary child = children.child(childId).orElseThrow(NotFound::new);
        model.addAttribute("child", child);
        model.addAttribute("verification", verifier.verifyChild(childId));
        readLog.record(childId, ReadLog.How.VERIFY, null);
        return "integrity";
    }

    @GetMapping("/api/children/{childId}/integrity")
    @ResponseBody
    ChainVerifier.Verification api(@PathVariable String childId) {
        // a child who is not registered has no events to verify: "intact" would say there is a sound record
        children.child(childId).orElseThrow(NotFound::new);
        ChainVerifier.Verification verification = verifier.verifyChild(childId);
        readLog.record(childId, ReadLog.How.VERIFY, null);
        return verification;
    }
}
