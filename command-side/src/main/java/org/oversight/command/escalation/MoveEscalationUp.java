package org.oversight.command.escalation;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Take the escalation to a higher level; an informal alert becomes formal at that level. Levels may be skipped,
 * and then the reason is required.
 */
public record MoveEscalationUp(
        @TargetAggregateIdentifier @NotBlank String escalationId,
        @NotBlank(message = "Select the level to escalate to") String toLevel,
        @NotNull(message = "Enter the date the escalation moved up") LocalDate movedOn,
        @Size(max = 2000, message = "The reason must be 2000 characters or fewer") String reason) {
}
