package org.oversight.command.people;

import org.oversight.events.access.Access;
import org.oversight.events.access.Operation;
import org.oversight.command.fields.Username;
import org.oversight.command.fields.ShortText;
import org.oversight.command.fields.FreeText;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Stop a person signing in. */
@Access(Operation.MANAGE_PEOPLE)
public record DisablePerson(
        @TargetAggregateIdentifier @NotBlank @ShortText("The person") String personId,
        @NotBlank @Username("The username") String username,
        @FreeText("The reason") String reason) {

    public static DisablePerson of(String username, String reason) {
        return new DisablePerson(PersonIds.personId(username), username, reason);
    }
}
