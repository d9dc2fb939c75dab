package org.oversight.query.web;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import org.oversight.events.access.Access;
import org.oversight.events.access.Operation;
import org.oversight.events.access.Person;
import org.oversight.events.access.Team;
import org.oversight.query.directory.StaffDirectory;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The start page: where the person works, and the ways in their roles open to them there. */
@Controller
public class HomePage {

    private final StaffDirectory directory;

    public HomePage(StaffDirectory directory) {
        this.directory = directory;
    }

    @Access(Operation.SIGNED_IN)
    @GetMapping("/")
    String home(Person person, Model model) {
        Map<String, String> authorities = new LinkedHashMap<>(directory.localAuthorities());
        authorities.keySet().removeIf(la -> !person.worksFor(la));
        model.addAttribute("authorities", authorities);
        model.addAttribute("teams", person.teams().stream().filter(t -> person.worksFor(t.localAuthority()))
                .sorted(Comparator.comparing(Team::localAuthority).thenComparing(Team::name)).toList());
        return "home";
    }
}
