package org.oversight.command.protection;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.oversight.command.fields.FreeText;
import org.oversight.command.fields.Identifier;
import org.oversight.command.fields.ShortText;

/** Change an open action of the child protection plan: its wording, who is responsible or when it is due. */
public record ChangeProtectionAction(
        @NotBlank @Identifier String childId,
        @NotBlank(message = "Select the action") @Identifier String actionId,
        @NotBlank(message = "Describe the action") @FreeText("An action") String action,
        @NotBlank(message = "Enter who is responsible for the action") @ShortText("Who is responsible") String owner,
        @NotNull(message = "Enter the date the action is due") LocalDate dueOn,
        @NotBlank(message = "Enter why the action is changing") @FreeText("The reason") String reason,
        @NotNull(message = "Enter the date of the change") LocalDate changedOn) {

    /** The child's protection journey, where this command is handled. */
    @TargetAggregateIdentifier
    String protectionId() {
        return ProtectionIds.protectionOf(childId);
    }
}
