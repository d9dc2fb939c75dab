package org.oversight.command.childcase;

import org.oversight.command.fields.FreeText;
import org.oversight.command.fields.Identifier;
import jakarta.validation.constraints.NotBlank;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.oversight.events.access.Access;
import org.oversight.events.access.Operation;

/** Lift the restriction on a child's record: it is seen again by whoever the access rules allow. */
@Access(Operation.RESTRICT_RECORD)
public record LiftRestriction(
        @TargetAggregateIdentifier @NotBlank @Identifier("The child") String childId,
        @NotBlank(message = "Enter why the restriction is lifted") @FreeText("The reason") String reason) {
}
