package org.oversight.command.people;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Stop a person signing in. */
public record DisablePerson(
        @TargetAggregateIdentifier @NotBlank String personId,
        @NotBlank @Size(max = 100) String username,
        @Size(max = 2000, message = "The reason must be 2000 characters or fewer") String reason) {

    public static DisablePerson of(String username, String reason) {
        return new DisablePerson(PersonIds.personId(username), username, reason);
    }
}
