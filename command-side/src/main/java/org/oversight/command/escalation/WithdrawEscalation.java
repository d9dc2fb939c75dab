package org.oversight.command.escalation;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.oversight.command.fields.FreeText;
import org.oversight.command.fields.Identifier;

/** Close the escalation without it being resolved, saying why. */
public record WithdrawEscalation(
        @TargetAggregateIdentifier @NotBlank @Identifier String escalationId,
        @NotNull(message = "Enter the date the escalation was withdrawn") LocalDate withdrawnOn,
        @NotBlank(message = "Enter why the escalation is withdrawn")
        @FreeText("The reason")
        String reason) {
}
