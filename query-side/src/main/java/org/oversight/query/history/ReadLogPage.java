package org.oversight.query.history;

import org.springframework.stereotype.Controller;
import org.oversight.events.access.Operation;
import org.oversight.events.access.Access;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

/** Who has read which child's history, newest first, for QA leads: filter by child and by user, fifty a page. */
@Access(Operation.READ_READ_LOG)
@Controller
public class ReadLogPage {

    private final ReadLog readLog;

    public ReadLogPage(ReadLog readLog) {
        this.readLog = readLog;
    }

    @GetMapping("/audit/reads")
    String page(@RequestParam(required = false) String child, @RequestParam(required = false) String user,
            @RequestParam(defaultValue = "1") int page, Model model) {
        model.addAttribute("reads", readLog.reads(child, user, page));
        model.addAttribute("child", child == null ? "" : child.strip());
        model.addAttribute("user", user == null ? "" : user.strip());
        return "history/reads";
    }

    @GetMapping("/api/audit/reads")
    @ResponseBody
    ReadLog.Page api(@RequestParam(required = false) String child, @RequestParam(required = false) String user,
            @RequestParam(defaultValue = "1") int page) {
        return readLog.reads(child, user, page);
    }
}
