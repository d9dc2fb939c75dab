package org.oversight.command.escalation;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Record that the chair referred the child's case to Cafcass; the escalation itself stays open. */
public record ReferToCafcass(
        @TargetAggregateIdentifier @NotBlank String escalationId,
        @NotNull(message = "Enter the date of the referral to Cafcass") LocalDate referredOn,
        @NotBlank(message = "Enter why the case is referred to Cafcass")
        @Size(max = 2000, message = "The reason must be 2000 characters or fewer")
        String reason) {
}
