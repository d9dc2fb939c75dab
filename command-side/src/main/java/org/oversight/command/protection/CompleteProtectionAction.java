package org.oversight.command.protection;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.oversight.command.fields.Identifier;

/** Record that an action of the child protection plan was done. */
public record CompleteProtectionAction(
        @NotBlank @Identifier String childId,
        @NotBlank(message = "Select the action") @Identifier String actionId,
        @NotNull(message = "Enter the date the action was done") LocalDate completedOn) {

    /** The child's protection journey, where this command is handled. */
    @TargetAggregateIdentifier
    String protectionId() {
        return ProtectionIds.protectionOf(childId);
    }
}
