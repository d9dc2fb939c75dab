package org.oversight.command.childcase;

import org.oversight.events.access.Access;
import org.oversight.events.access.Operation;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.oversight.events.childcase.ChairRole;
import org.oversight.command.fields.Identifier;
import org.oversight.command.fields.Username;

/** Allocate a chair to a child in one role, replacing whoever held that role. */
@Access(Operation.ALLOCATE_CHAIR)
public record AllocateChair(
        @TargetAggregateIdentifier @NotBlank @Identifier String childId,
        @NotNull(message = "Select whether this is the IRO or the child protection chair") ChairRole role,
        @NotBlank(message = "Select the chair to allocate") @Username("The chair") String chairId,
        @NotNull(message = "Enter the date the allocation starts") LocalDate allocatedFrom) {
}
