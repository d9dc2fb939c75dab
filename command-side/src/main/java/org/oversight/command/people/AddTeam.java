package org.oversight.command.people;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Add a team to a local authority. */
public record AddTeam(
        @TargetAggregateIdentifier @NotBlank String teamsId,
        @NotBlank(message = "Select a local authority")
        @Size(max = 20, message = "Select a local authority") String localAuthority,
        @Size(max = 100, message = "The team's name must be 100 characters or fewer") String name,
        @Size(max = 2000, message = "The reason must be 2000 characters or fewer") String reason) {

    public static AddTeam of(String localAuthority, String name, String reason) {
        return new AddTeam(PersonIds.teamsId(localAuthority), localAuthority, name, reason);
    }
}
