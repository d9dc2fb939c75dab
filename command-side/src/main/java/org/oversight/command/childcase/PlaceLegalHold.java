package org.oversight.command.childcase;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.oversight.command.fields.FreeText;
import org.oversight.command.fields.Identifier;
import org.oversight.events.access.Access;
import org.oversight.events.access.Operation;
import org.oversight.events.retention.HoldReason;

/** Hold a child's record beyond its retention period, for an inquiry, a claim, a complaint or an investigation. */
@Access(Operation.HOLD_RECORD)
public record PlaceLegalHold(
        @TargetAggregateIdentifier @NotBlank @Identifier("The child") String childId,
        @NotNull(message = "Select why the record is held") HoldReason reason,
        @NotBlank(message = "Enter what the hold is for") @FreeText("The note") String note) {
}
