package org.oversight.command.childcase;

import org.oversight.events.access.Access;
import org.oversight.events.access.Operation;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;

/**
 * Register a child with the oversight service. The case gets a new random id (see {@link ChildIds}); the local
 * authority's own identifier for the child is claimed by the case (see {@link ChildIdentifiers}), so registering
 * the same child twice is refused.
 */
@Access(Operation.REGISTER_CHILD)
public record RegisterChild(
        @NotNull String childId,
        @NotBlank(message = "Select the local authority") String localAuthority,
        @NotBlank(message = "Enter the local authority's identifier for the child")
        @Size(max = 20, message = "The child's identifier must be 20 characters or fewer")
        @Pattern(regexp = "[A-Za-z0-9-]*", message = "The child's identifier can only contain letters, numbers and hyphens")
        String localIdentifier,
        @NotBlank(message = "Enter the child's given name")
        @Size(max = 100, message = "The given name must be 100 characters or fewer")
        String givenName,
        @NotBlank(message = "Enter the child's family name")
        @Size(max = 100, message = "The family name must be 100 characters or fewer")
        String familyName,
        LocalDate dateOfBirth,
        LocalDate expectedDateOfDelivery) {

    public static RegisterChild of(String localAuthority, String localIdentifier, String givenName,
            String familyName, LocalDate dateOfBirth, LocalDate expectedDateOfDelivery) {
        return new RegisterChild(ChildIds.random(), localAuthority,
                trimmed(localIdentifier), trimmed(givenName), trimmed(familyName), dateOfBirth, expectedDateOfDelivery);
    }

    /** The same registration for a case with the given id (synthetic data whose ids come from a seed). */
    public RegisterChild withChildId(String id) {
        return new RegisterChild(id, localAuthority, localIdentifier, givenName, familyName, dateOfBirth,
                expectedDateOfDelivery);
    }

    private static String trimmed(String value) {
        return value == null ? null : value.strip();
    }
}
