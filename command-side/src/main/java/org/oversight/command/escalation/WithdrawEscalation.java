package org.oversight.command.escalation;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Close the escalation without it being resolved, saying why. */
public record WithdrawEscalation(
        @TargetAggregateIdentifier @NotBlank String escalationId,
        @NotNull(message = "Enter the date the escalation was withdrawn") LocalDate withdrawnOn,
        @NotBlank(message = "Enter why the escalation is withdrawn")
        @Size(max = 2000, message = "The reason must be 2000 characters or fewer")
        String reason) {
}
