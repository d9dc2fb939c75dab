package org.oversight.query.policy;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.oversight.events.access.Access;
import org.oversight.events.access.Operation;
import org.oversight.query.consistency.ProjectionPositions;
import org.oversight.query.directory.StaffDirectory;
import org.oversight.query.web.FormState;
import org.oversight.query.web.NotFound;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * Whom a local authority's looked-after children contact for an advocate and to complain: read by whoever reads the
 * authority's settings, recorded by its administrators (the form posts to the command side).
 */
@Access(Operation.READ_SETTINGS)
@Controller
public class ChildrensContactsPage {

    private static final Duration READ_YOUR_WRITE = Duration.ofSeconds(5);
    private static final List<String> FIELDS = List.of("advocacyService", "advocacyPhone", "advocacyWebAddress",
            "complaintsTeam", "complaintsPhone", "complaintsWebAddress");

    private final ChildrensContactsProjection contacts;
    private final StaffDirectory directory;
    private final ProjectionPositions positions;

    public ChildrensContactsPage(ChildrensContactsProjection contacts, StaffDirectory directory,
            ProjectionPositions positions) {
        this.contacts = contacts;
        this.directory = directory;
        this.positions = positions;
    }

    @GetMapping("/settings/{localAuthority}/childrens-contacts")
    String page(@PathVariable String localAuthority, @RequestParam(required = false) String awaiting, Model model) {
        String name = directory.localAuthorities().get(localAuthority);
        if (name == null) {
            throw new NotFound();
        }
        boolean caughtUp = positions.awaitParameter(awaiting, READ_YOUR_WRITE);
        ChildrensContacts current = contacts.of(localAuthority).orElse(null);
        Map<String, List<String>> defaults = new LinkedHashMap<>();
        if (current != null) {
            List<String> values = java.util.Arrays.asList(current.advocacyService(), current.advocacyPhone(),
                    current.advocacyWebAddress(), current.complaintsTeam(), current.complaintsPhone(),
                    current.complaintsWebAddress());
            for (int i = 0; i < FIELDS.size(); i++) {
                defaults.put(FIELDS.get(i), List.of(values.get(i) == null ? "" : values.get(i)));
            }
        }
        model.addAttribute("f", FormState.of(model.asMap(), defaults));
        model.addAttribute("code", localAuthority);
        model.addAttribute("name", name);
        model.addAttribute("pending", !caughtUp);
        model.addAttribute("contacts", current);
        return "settings/childrens-contacts";
    }

    @GetMapping("/api/local-authorities/{localAuthority}/childrens-contacts")
    @ResponseBody
    ResponseEntity<ChildrensContacts> api(@PathVariable String localAuthority,
            @RequestParam(required = false) String awaiting) {
        if (!directory.localAuthorities().containsKey(localAuthority)) {
            throw new NotFound();
        }
        positions.awaitParameter(awaiting, READ_YOUR_WRITE);
        return contacts.of(localAuthority).map(ResponseEntity::ok).orElseGet(() -> ResponseEntity.noContent().build());
    }
}
