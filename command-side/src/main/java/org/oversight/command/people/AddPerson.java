package org.oversight.command.people;

import org.oversight.events.access.Access;
import org.oversight.events.access.Operation;
import org.oversight.command.fields.Username;
import org.oversight.command.fields.PersonName;
import org.oversight.command.fields.FreeText;
import org.oversight.command.fields.Code;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.Set;
import org.oversight.events.access.Role;
import org.oversight.events.access.Team;
import org.oversight.events.childcase.ChairRole;

/** Add a person to the service with their roles, authorities and teams. */
@Access(Operation.MANAGE_PEOPLE)
public record AddPerson(
        @Username("The username") String username,
        @NotBlank(message = "Enter the person's name")
        @PersonName("The name") String displayName,
        Set<Role> roles,
        Set<ChairRole> chairRoles,
        @Size(max = 200, message = "Select fewer local authorities") Set<@Code("The local authority") String> authorities,
        @Size(max = 200, message = "Select fewer teams") Set<Team> teams,
        @FreeText("The reason") String reason) {

    public String personId() {
        return PersonIds.personId(username);
    }
}
