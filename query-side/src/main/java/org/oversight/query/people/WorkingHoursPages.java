package org.oversight.query.people;

import java.util.Map;
import org.oversight.events.access.Access;
import org.oversight.events.access.Operation;
import org.oversight.query.web.FormState;
import org.oversight.query.web.NotFound;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The form an administrator records a chair's working hours on (posted to the command side), so that the IRO
 * report knows each chair's full-time equivalent.
 */
@Controller
@PreAuthorize("hasRole('ADMIN')")
public class WorkingHoursPages {

    private final PeopleRegister register;

    public WorkingHoursPages(PeopleRegister register) {
        this.register = register;
    }

    @GetMapping("/people/{username}/working-hours")
    @Access(Operation.MANAGE_PEOPLE)
    String workingHours(@PathVariable String username, Model model) {
        model.addAttribute("person", register.person(username).orElseThrow(NotFound::new));
        model.addAttribute("f", FormState.of(model.asMap(), Map.of()));
        return "people/working-hours";
    }
}
