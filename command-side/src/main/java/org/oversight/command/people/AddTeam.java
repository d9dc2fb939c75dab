package org.oversight.command.people;

import org.oversight.command.fields.ShortText;
import org.oversight.command.fields.FreeText;
import org.oversight.command.fields.Code;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.oversight.events.access.Access;
import org.oversight.events.access.Operation;

/** Add a team to a local authority: an administrator's change, not a decision about a child. */
@Access(Operation.MANAGE_PEOPLE)
public record AddTeam(
        @TargetAggregateIdentifier @NotBlank @ShortText("The teams") String teamsId,
        @NotBlank(message = "Select a local authority")
        @Code("The local authority") String localAuthority,
        @ShortText("The team's name") String name,
        @FreeText("The reason") String reason) {

    public static AddTeam of(String localAuthority, String name, String reason) {
        return new AddTeam(PersonIds.teamsId(localAuthority), localAuthority, name, reason);
    }
}
