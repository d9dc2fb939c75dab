package org.oversight.command.escalation;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Reject the latest response at the escalation's current level, saying why it does not meet the child's needs. */
public record RejectEscalationResponse(
        @TargetAggregateIdentifier @NotBlank String escalationId,
        @NotNull(message = "Enter the date you rejected the response") LocalDate rejectedOn,
        @NotBlank(message = "Enter why the response is rejected")
        @Size(max = 2000, message = "The reason must be 2000 characters or fewer")
        String reason) {
}
