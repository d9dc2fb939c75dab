package org.oversight.command.protection;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.oversight.events.protection.PlanEndReason;
import org.oversight.command.fields.Identifier;

/** End a child's open plan without a review conference, for instance on transfer out or at 18. */
public record EndChildProtectionPlan(
        @NotBlank @Identifier String childId,
        @NotNull(message = "Enter the date the plan ended") LocalDate endDate,
        @NotNull(message = "Select why the plan ended") PlanEndReason reason) {

    /** The child's protection journey, where this command is handled. */
    @TargetAggregateIdentifier
    String protectionId() {
        return ProtectionIds.protectionOf(childId);
    }
}
