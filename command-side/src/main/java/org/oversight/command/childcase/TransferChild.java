package org.oversight.command.childcase;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.oversight.command.fields.Code;
import org.oversight.command.fields.FreeText;
import org.oversight.command.fields.Identifier;
import org.oversight.command.fields.LocalIdentifier;
import org.oversight.events.access.Access;
import org.oversight.events.access.Operation;

/**
 * Pass the responsibility for a child to another local authority, which knows the child by an identifier of its
 * own. Asked by the sending authority's team manager or QA lead.
 */
@Access(Operation.TRANSFER_CHILD)
public record TransferChild(
        @TargetAggregateIdentifier @NotBlank @Identifier("The child") String childId,
        @NotBlank(message = "Select the local authority taking the child on") @Code("The receiving local authority")
        String toLocalAuthority,
        @NotBlank(message = "Enter the receiving local authority's identifier for the child")
        @LocalIdentifier("The receiving local authority's identifier") String toLocalIdentifier,
        @NotNull(message = "Enter the date the responsibility passes") LocalDate transferredOn,
        @NotBlank(message = "Enter why the child is transferred") @FreeText("The reason") String reason) {
}
