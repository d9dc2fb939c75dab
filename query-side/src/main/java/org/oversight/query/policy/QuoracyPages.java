package org.oversight.query.policy;

import org.oversight.events.access.Access;
import org.oversight.events.access.Operation;
import org.oversight.query.directory.StaffDirectory;
import org.oversight.query.web.NotFound;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * The conference quoracy rule of each local authority, beside its timescales, for those who read the settings:
 * a page and its JSON. The rule is the deployment's {@link ConferenceQuoracy} bean, or the widely used one.
 */
@Access(Operation.READ_SETTINGS)
@Controller
public class QuoracyPages {

    private final StaffDirectory directory;
    private final ConferenceQuoracy quoracy;

    public QuoracyPages(StaffDirectory directory, ObjectProvider<ConferenceQuoracy> quoracy) {
        this.directory = directory;
        this.quoracy = quoracy.getIfAvailable(() -> ConferenceQuoracy.DEFAULT);
    }

    @GetMapping("/settings/{localAuthority}/quoracy")
    String page(@PathVariable String localAuthority, Model model) {
        model.addAttribute("name", name(localAuthority));
        model.addAttribute("code", localAuthority);
        model.addAttribute("rule", quoracy.rule(localAuthority));
        return "settings/quoracy";
    }

    @GetMapping("/api/local-authorities/{localAuthority}/quoracy")
    @ResponseBody
    ConferenceQuoracy.Rule api(@PathVariable String localAuthority) {
        name(localAuthority);
        return quoracy.rule(localAuthority);
    }

    private String name(String localAuthority) {
        String name = directory.localAuthorities().get(localAuthority);
        if (name == null) {
            throw new NotFound();
        }
        return name;
    }
}
