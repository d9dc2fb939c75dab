package org.oversight.command.people;

import org.oversight.events.access.Access;
import org.oversight.events.access.Operation;
import org.oversight.command.fields.Username;
import org.oversight.command.fields.ShortText;
import org.oversight.command.fields.FreeText;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.Set;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.oversight.events.access.Role;
import org.oversight.events.childcase.ChairRole;

/** Set every role a person holds (and, for a chair, the chairing roles they act in). */
@Access(Operation.MANAGE_PEOPLE)
public record ChangePersonRoles(
        @TargetAggregateIdentifier @NotBlank @ShortText("The person") String personId,
        @NotBlank @Username("The username") String username,
        Set<Role> roles,
        Set<ChairRole> chairRoles,
        @FreeText("The reason") String reason) {

    public static ChangePersonRoles of(String username, Set<Role> roles, Set<ChairRole> chairRoles, String reason) {
        return new ChangePersonRoles(PersonIds.personId(username), username, roles, chairRoles, reason);
    }
}
