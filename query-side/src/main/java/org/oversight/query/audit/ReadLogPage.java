package org.oversight.query.audit;

import org.oversight.events.access.Access;
import org.oversight.events.access.Operation;
import org.oversight.events.access.Person;
import org.oversight.query.access.Scope;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * Who has read which child's record, newest first, for QA leads and auditors: filter by child and by user, fifty
 * a page; only reads of children of the reader's own authorities, and of a restricted record only for the people
 * named on it. And whether the read log is as it was recorded: every seal recomputed.
 */
@Access(Operation.READ_READ_LOG)
@Controller
public class ReadLogPage {

    private final ReadLog readLog;
    private final ReadLogSeals seals;

    public ReadLogPage(ReadLog readLog, ReadLogSeals seals) {
        this.readLog = readLog;
        this.seals = seals;
    }

    @GetMapping("/audit/reads")
    String page(Person reader, @RequestParam(required = false) String child, @RequestParam(required = false) String user,
            @RequestParam(defaultValue = "1") int page, Model model) {
        model.addAttribute("reads", readLog.reads(Scope.listsFor(reader), child, user, page));
        model.addAttribute("child", child == null ? "" : child.strip());
        model.addAttribute("user", user == null ? "" : user.strip());
        return "history/reads";
    }

    @GetMapping("/api/audit/reads")
    @ResponseBody
    ReadLog.Page api(Person reader, @RequestParam(required = false) String child,
            @RequestParam(required = false) String user, @RequestParam(defaultValue = "1") int page) {
        return readLog.reads(Scope.listsFor(reader), child, user, page);
    }

    @GetMapping("/audit/reads/verification")
    String verification(Model model) {
        model.addAttribute("verification", seals.verify());
        return "history/reads-verification";
    }

    @GetMapping("/api/audit/reads/verification")
    @ResponseBody
    ReadLogSeals.Verification verificationApi() {
        return seals.verify();
    }
}
