package org.oversight.deploy.identity;

import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.oversight.events.access.Role;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * The roles a person holds in Oversight, kept comma-separated in {@code app_user.roles}, and the chairing roles
 * of a chair in {@code app_user.chair_roles}. Spring sees each role as the authority {@code ROLE_<role>}.
 */
public final class Roles {

    /** Every role Oversight knows. */
    public static final Set<String> ROLES = Set.of("CHAIR", "TEAM_MANAGER", "QA_LEAD", "AUDITOR", "DATA_OFFICER",
            "ADMIN", "REGIONAL_VIEWER");

    private static final String AUTHORITY_PREFIX = "ROLE_";

    /** What a chair may chair: looked-after reviews (IRO) and child protection conferences. */
    public static final Set<String> CHAIRING_ROLES = Set.of("IRO", "CP_CHAIR");

    private Roles() {
    }

    /** The roles named in a comma-separated column, as they are written. */
    public static List<String> parse(String csv) {
        if (csv == null) {
            return List.of();
        }
        return Arrays.stream(csv.split(",")).map(String::trim).filter(role -> !role.isEmpty()).toList();
    }

    public static List<GrantedAuthority> authorities(String csv) {
        return parse(csv).stream().map(Roles::authority).toList();
    }

    /** The authorities of the roles a person holds, each {@code ROLE_<role>} as for the column's names. */
    public static List<GrantedAuthority> authorities(Collection<Role> roles) {
        return roles.stream().map(role -> authority(role.name())).toList();
    }

    private static GrantedAuthority authority(String role) {
        return new SimpleGrantedAuthority(AUTHORITY_PREFIX + role);
    }

    /** Whether a comma-separated column names a role Oversight knows (a retired role's name is not one). */
    public static boolean anyKnown(String csv) {
        return parse(csv).stream().anyMatch(ROLES::contains);
    }

    /** Whether any of the authorities is that of a role Oversight knows. */
    public static boolean anyKnown(Collection<? extends GrantedAuthority> authorities) {
        return authorities.stream().map(GrantedAuthority::getAuthority)
                .anyMatch(name -> name.startsWith(AUTHORITY_PREFIX)
                        && ROLES.contains(name.substring(AUTHORITY_PREFIX.length())));
    }

    /** Of {@code values} (as a provider sends them, in any case), those that are among {@code known}, in order. */
    public static String known(Collection<String> values, Set<String> known) {
        Set<String> kept = new LinkedHashSet<>();
        for (String value : values) {
            String role = value.trim().toUpperCase(Locale.ROOT);
            if (known.contains(role)) {
                kept.add(role);
            }
        }
        return String.join(",", kept);
    }
}
