package org.oversight.command.people;

import org.oversight.events.access.Access;
import org.oversight.events.access.Operation;
import org.oversight.command.fields.Username;
import org.oversight.command.fields.ShortText;
import org.oversight.command.fields.FreeText;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Let a disabled person sign in again. */
@Access(Operation.MANAGE_PEOPLE)
public record EnablePerson(
        @TargetAggregateIdentifier @NotBlank @ShortText("The person") String personId,
        @NotBlank @Username("The username") String username,
        @FreeText("The reason") String reason) {

    public static EnablePerson of(String username, String reason) {
        return new EnablePerson(PersonIds.personId(username), username, reason);
    }
}
