package org.oversight.command.protection;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.oversight.command.fields.Identifier;
import org.oversight.events.access.Access;
import org.oversight.events.access.Operation;

/**
 * End a child's open plan on the date a statutory return reports (CIN {@code CPPendDate}), for a child whose
 * history is imported. The return does not say why the plan ended, so the end is recorded with its reason not
 * recorded ({@link org.oversight.events.protection.PlanEndReason#NOT_RECORDED}), which only an import may give.
 */
@Access(Operation.IMPORT_HISTORY)
public record EndChildProtectionPlanFromReturn(
        @NotBlank @Identifier String childId,
        @NotNull(message = "Enter the date the plan ended") LocalDate endDate) {

    /** The child's protection journey, where this command is handled. */
    @TargetAggregateIdentifier
    String protectionId() {
        return ProtectionIds.protectionOf(childId);
    }
}
