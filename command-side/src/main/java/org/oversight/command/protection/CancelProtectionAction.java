package org.oversight.command.protection;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.oversight.command.fields.FreeText;
import org.oversight.command.fields.Identifier;

/** Cancel an open action of the child protection plan, saying why. */
public record CancelProtectionAction(
        @NotBlank @Identifier String childId,
        @NotBlank(message = "Select the action") @Identifier String actionId,
        @NotNull(message = "Enter the date the action was cancelled") LocalDate cancelledOn,
        @NotBlank(message = "Enter why the action is cancelled") @FreeText("The reason") String reason) {

    /** The child's protection journey, where this command is handled. */
    @TargetAggregateIdentifier
    String protectionId() {
        return ProtectionIds.protectionOf(childId);
    }
}
