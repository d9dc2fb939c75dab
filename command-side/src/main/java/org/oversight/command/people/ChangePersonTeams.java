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
import org.oversight.events.access.Team;

/** Set every team a person belongs to. */
@Access(Operation.MANAGE_PEOPLE)
public record ChangePersonTeams(
        @TargetAggregateIdentifier @NotBlank @ShortText("The person") String personId,
        @NotBlank @Username("The username") String username,
        @Size(max = 200, message = "Select fewer teams") Set<Team> teams,
        @FreeText("The reason") String reason) {

    public static ChangePersonTeams of(String username, Set<Team> teams, String reason) {
        return new ChangePersonTeams(PersonIds.personId(username), username, teams, reason);
    }
}
