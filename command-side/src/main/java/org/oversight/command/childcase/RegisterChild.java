package org.oversight.command.childcase;

import org.oversight.events.access.Access;
import org.oversight.events.access.Operation;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.LocalDate;
import org.oversight.command.fields.PersonName;
import org.oversight.command.fields.Identifier;
import org.oversight.command.fields.LocalIdentifier;
import org.oversight.command.fields.Code;

/**
 * Register a child with the oversight service. The case gets a new random id (see {@link ChildIds}); the local
 * authority's own identifier for the child is claimed by the case (see {@link ChildIdentifiers}), so registering
 * the same child twice is refused.
 */
@Access(Operation.REGISTER_CHILD)
public record RegisterChild(
        @NotNull @Identifier String childId,
        @NotBlank(message = "Select the local authority") @Code("The local authority") String localAuthority,
        @NotBlank(message = "Enter the local authority's identifier for the child")
        @LocalIdentifier("The child's identifier")
        String localIdentifier,
        @NotBlank(message = "Enter the child's given name")
        @PersonName("The given name")
        String givenName,
        @NotBlank(message = "Enter the child's family name")
        @PersonName("The family name")
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
