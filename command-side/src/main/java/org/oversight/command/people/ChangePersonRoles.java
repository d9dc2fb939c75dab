package org.oversight.command.people;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.Set;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.oversight.events.access.Role;
import org.oversight.events.childcase.ChairRole;

/** Set every role a person holds (and, for a chair, the chairing roles they act in). */
public record ChangePersonRoles(
        @TargetAggregateIdentifier @NotBlank String personId,
        @NotBlank @Size(max = 100) String username,
        Set<Role> roles,
        Set<ChairRole> chairRoles,
        @Size(max = 2000, message = "The reason must be 2000 characters or fewer") String reason) {

    public static ChangePersonRoles of(String username, Set<Role> roles, Set<ChairRole> chairRoles, String reason) {
        return new ChangePersonRoles(PersonIds.personId(username), username, roles, chairRoles, reason);
    }
}
