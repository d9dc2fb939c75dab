package org.oversight.command.escalation;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Close the escalation as resolved at its current level, saying what changed for the child. */
public record ResolveEscalation(
        @TargetAggregateIdentifier @NotBlank String escalationId,
        @NotNull(message = "Enter the date the escalation was resolved") LocalDate resolvedOn,
        @NotBlank(message = "Enter the outcome for the child")
        @Size(max = 2000, message = "The outcome must be 2000 characters or fewer")
        String outcomeForChild,
        @NotNull(message = "Select whether the escalation was resolved in the child's interest")
        Boolean resolvedInChildsInterest) {
}
