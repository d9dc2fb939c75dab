package org.oversight.command.people;

import org.oversight.events.access.Access;
import org.oversight.events.access.Operation;
import org.oversight.command.fields.Code;
import org.oversight.command.fields.Username;
import org.oversight.command.fields.ShortText;
import org.oversight.command.fields.FreeText;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.Set;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Set every local authority a person works for; they leave the teams of any authority they leave. */
@Access(Operation.MANAGE_PEOPLE)
public record ChangePersonAuthorities(
        @TargetAggregateIdentifier @NotBlank @ShortText("The person") String personId,
        @NotBlank @Username("The username") String username,
        @Size(max = 200, message = "Select fewer local authorities") Set<@Code("The local authority") String> authorities,
        @FreeText("The reason") String reason) {

    public static ChangePersonAuthorities of(String username, Set<String> authorities, String reason) {
        return new ChangePersonAuthorities(PersonIds.personId(username), username, authorities, reason);
    }
}
