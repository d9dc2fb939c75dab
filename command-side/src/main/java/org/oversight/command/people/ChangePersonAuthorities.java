package org.oversight.command.people;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.Set;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Set every local authority a person works for; they leave the teams of any authority they leave. */
public record ChangePersonAuthorities(
        @TargetAggregateIdentifier @NotBlank String personId,
        @NotBlank @Size(max = 100) String username,
        @Size(max = 200, message = "Select fewer local authorities") Set<String> authorities,
        @Size(max = 2000, message = "The reason must be 2000 characters or fewer") String reason) {

    public static ChangePersonAuthorities of(String username, Set<String> authorities, String reason) {
        return new ChangePersonAuthorities(PersonIds.personId(username), username, authorities, reason);
    }
}
