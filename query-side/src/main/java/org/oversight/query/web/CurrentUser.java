package org.oversight.query.web;

import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;
import org.oversight.events.access.AccessPolicy;
import org.oversight.events.access.Operation;
import org.oversight.events.access.Person;
import org.oversight.events.access.Role;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;

/**
 * The signed-in person as the page header and navigation show them. What a page offers follows the same access
 * table the service enforces, so a link is shown exactly when following it would be allowed by role.
 */
public record CurrentUser(String username, String displayName, Set<String> roles) {

    public static CurrentUser from(Authentication authentication, String displayName) {
        Set<String> roles = authentication.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                .filter(a -> a.startsWith("ROLE_")).map(a -> a.substring(5)).collect(Collectors.toSet());
        return new CurrentUser(authentication.getName(), displayName, roles);
    }

    public boolean is(String role) {
        return roles.contains(role);
    }

    /** Whether the person's roles allow the operation at all (for a child, depending on the child). */
    public boolean may(String operation) {
        Set<Role> held = EnumSet.noneOf(Role.class);
        for (Role role : Role.values()) {
            if (roles.contains(role.name())) {
                held.add(role);
            }
        }
        return AccessPolicy.decide(new Person(username, held, Set.of(), Set.of()), Operation.valueOf(operation))
                .allowed();
    }

    public boolean canRecordDecisions() {
        return may(Operation.RECORD_FOR_CHILD.name());
    }

    /** The roles as a person would name them, for the header. */
    public String roleTitle() {
        return java.util.Arrays.stream(Role.values()).filter(r -> roles.contains(r.name())).map(Role::title)
                .collect(Collectors.joining(", "));
    }
}
