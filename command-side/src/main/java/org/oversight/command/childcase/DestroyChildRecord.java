package org.oversight.command.childcase;

import jakarta.validation.constraints.NotBlank;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.oversight.command.fields.Code;
import org.oversight.command.fields.Identifier;
import org.oversight.events.access.Access;
import org.oversight.events.access.Operation;

/**
 * Destroy a child's record at the end of its retention, under the retention rule named by its code (the
 * authority's schedule says which rules there are; the code is recorded, never interpreted here).
 */
@Access(Operation.DESTROY_RECORD)
public record DestroyChildRecord(
        @TargetAggregateIdentifier @NotBlank @Identifier("The child") String childId,
        @NotBlank(message = "Enter the code of the retention rule the record is destroyed under")
        @Code("The retention rule") String retentionRule) {
}
