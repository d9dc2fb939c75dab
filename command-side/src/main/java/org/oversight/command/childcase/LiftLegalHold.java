package org.oversight.command.childcase;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.oversight.command.fields.FreeText;
import org.oversight.command.fields.Identifier;
import org.oversight.events.access.Access;
import org.oversight.events.access.Operation;
import org.oversight.events.retention.HoldReason;

/** Lift the hold placed on a child's record for a reason: the inquiry reported, the claim was settled. */
@Access(Operation.HOLD_RECORD)
public record LiftLegalHold(
        @TargetAggregateIdentifier @NotBlank @Identifier("The child") String childId,
        @NotNull(message = "Select the hold to lift") HoldReason reason,
        @NotBlank(message = "Enter why the hold is lifted") @FreeText("The note") String note) {
}
