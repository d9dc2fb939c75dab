package org.oversight.command.protection;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.oversight.events.protection.CategoryOfAbuse;
import org.oversight.command.fields.FreeText;
import org.oversight.command.fields.Identifier;

/** Correct a plan's initial category of abuse that was entered wrongly; the original record stays. */
public record CorrectInitialCategory(
        @NotBlank @Identifier String childId,
        @NotBlank(message = "Select the plan") @Identifier String planId,
        @NotNull(message = "Select the initial category decided at the conference") CategoryOfAbuse correctedTo,
        @NotBlank(message = "Enter why the recorded category was wrong")
        @FreeText("The reason")
        String reason) {

    /** The child's protection journey, where this command is handled. */
    @TargetAggregateIdentifier
    String protectionId() {
        return ProtectionIds.protectionOf(childId);
    }
}
