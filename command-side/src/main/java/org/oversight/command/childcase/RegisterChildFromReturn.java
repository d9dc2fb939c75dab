package org.oversight.command.childcase;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.LocalDate;
import org.oversight.command.fields.Code;
import org.oversight.command.fields.Identifier;
import org.oversight.command.fields.LocalIdentifier;
import org.oversight.events.access.Access;
import org.oversight.events.access.Operation;

/**
 * Register a child known only from the authority's statutory returns (SSDA903, CIN census), which carry no names:
 * the child is known by the authority's identifier until a name is recorded. Every other rule of a registration
 * holds, judged on the day the registration takes effect, so a child who was 17 when first looked after is
 * registered as they were then.
 */
@Access(Operation.IMPORT_HISTORY)
public record RegisterChildFromReturn(
        @NotNull @Identifier String childId,
        @NotBlank(message = "Select the local authority") @Code("The local authority") String localAuthority,
        @NotBlank(message = "Enter the local authority's identifier for the child")
        @LocalIdentifier("The child's identifier")
        String localIdentifier,
        @NotNull(message = "Enter the child's date of birth") LocalDate dateOfBirth) {

    /** What a registration without a name records for each name: nothing, so that pages say it is not recorded. */
    public static final String NAME_NOT_RECORDED = "";
}
