package org.oversight.command.people;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.Set;
import org.oversight.events.access.Role;
import org.oversight.events.access.Team;
import org.oversight.events.childcase.ChairRole;

/** Add a person to the service with their roles, authorities and teams. */
public record AddPerson(
        @Size(max = 100, message = "The username must be 100 characters or fewer") String username,
        @NotBlank(message = "Enter the person's name")
        @Size(max = 200, message = "The name must be 200 characters or fewer") String displayName,
        Set<Role> roles,
        Set<ChairRole> chairRoles,
        @Size(max = 200, message = "Select fewer local authorities") Set<String> authorities,
        @Size(max = 200, message = "Select fewer teams") Set<Team> teams,
        @Size(max = 2000, message = "The reason must be 2000 characters or fewer") String reason) {

    public String personId() {
        return PersonIds.personId(username);
    }
}
