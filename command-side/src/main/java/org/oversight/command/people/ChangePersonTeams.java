package org.oversight.command.people;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.Set;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.oversight.events.access.Team;

/** Set every team a person belongs to. */
public record ChangePersonTeams(
        @TargetAggregateIdentifier @NotBlank String personId,
        @NotBlank @Size(max = 100) String username,
        @Size(max = 200, message = "Select fewer teams") Set<Team> teams,
        @Size(max = 2000, message = "The reason must be 2000 characters or fewer") String reason) {

    public static ChangePersonTeams of(String username, Set<Team> teams, String reason) {
        return new ChangePersonTeams(PersonIds.personId(username), username, teams, reason);
    }
}
