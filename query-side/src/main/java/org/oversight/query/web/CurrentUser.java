package org.oversight.query.web;

import java.util.Set;
import java.util.stream.Collectors;
import org.oversight.events.access.AccessPolicy;
import org.oversight.events.access.Operation;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;

/** The signed-in person as the page header and navigation show them. */
public record CurrentUser(String username, String displayName, Set<String> roles) {

    public static CurrentUser from(Authentication authentication, String displayName) {
        Set<String> roles = authentication.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                .filter(a -> a.startsWith("ROLE_")).map(a -> a.substring(5)).collect(Collectors.toSet());
        return new CurrentUser(authentication.getName(), displayName, roles);
    }

    public boolean is(String role) {
        return roles.contains(role);
    }

    /** Whether any of the person's roles has a rule for the operation: the pages offer only what the person may use. */
    public boolean may(String operation) {
        return AccessPolicy.rolesFor(Operation.valueOf(operation)).stream().anyMatch(role -> is(role.name()));
    }

    public boolean canRecordDecisions() {
        return is("CHAIR") || is("ADMIN");
    }

    /** The role as a person would name it, for the header. */
    public String roleTitle() {
        if (is("ADMIN")) {
            return "Administrator";
        }
        if (is("QA_LEAD")) {
            return "QA lead";
        }
        if (is("AUDITOR")) {
            return "Auditor";
        }
        return is("CHAIR") ? "Chair" : "";
    }
}
