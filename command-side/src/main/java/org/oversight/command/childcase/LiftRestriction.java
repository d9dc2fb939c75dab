package org.oversight.command.childcase;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.oversight.events.access.Access;
import org.oversight.events.access.Operation;

/** Lift the restriction on a child's record: it is seen again by whoever the access rules allow. */
@Access(Operation.RESTRICT_RECORD)
public record LiftRestriction(
        @TargetAggregateIdentifier @NotBlank String childId,
        @NotBlank(message = "Enter why the restriction is lifted")
        @Size(max = RestrictRecord.REASON_LIMIT, message = "The reason must be "
                + RestrictRecord.REASON_LIMIT + " characters or fewer")
        String reason) {
}
