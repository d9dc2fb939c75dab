package org.oversight.query.web;

import org.springframework.stereotype.Controller;
import org.oversight.events.access.Operation;
import org.oversight.events.access.Access;
import org.springframework.web.bind.annotation.GetMapping;

@Controller
public class HomePage {

    @Access(Operation.SIGNED_IN)
    @GetMapping("/")
    String home() {
        return "home";
    }

    @Access(Operation.PUBLIC)
    @GetMapping("/login")
    String login() {
        return "login";
    }
}
