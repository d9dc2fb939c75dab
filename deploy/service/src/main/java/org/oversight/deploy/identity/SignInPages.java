package org.oversight.deploy.identity;

import org.oversight.events.access.Access;
import org.oversight.events.access.Operation;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * The sign-in page (a password form for local accounts, a button for the council's identity provider, or
 * both) and the page that tells a person proven by the provider why Oversight still refuses them.
 */
@Controller
public class SignInPages {

    private final IdentityProperties identity;

    public SignInPages(IdentityProperties identity) {
        this.identity = identity;
    }

    @Access(Operation.PUBLIC)
    @GetMapping("/login")
    String signIn(Model model) {
        model.addAttribute("localAccounts", identity.localAccounts());
        model.addAttribute("providerName", identity.providerConfigured() ? identity.provider().name() : null);
        model.addAttribute("providerPath", "/oauth2/authorization/" + ProviderSignIn.REGISTRATION);
        model.addAttribute("minimumLength", PasswordRule.MINIMUM_LENGTH);
        return "identity/sign-in";
    }

    @Access(Operation.PUBLIC)
    @GetMapping("/sign-in/refused")
    @ResponseStatus(HttpStatus.FORBIDDEN)
    String refused(@RequestParam(name = "reason", required = false) String reason, Model model) {
        model.addAttribute("reason", SignInRefusal.fromCode(reason).orElse(null));
        return "identity/refused";
    }
}
