package org.oversight.command.lookedafter;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.LocalDate;
import org.axonframework.commandhandling.RoutingKey;

/** Record that a care plan action was done. */
public record CompleteAction(
        @RoutingKey @NotBlank String childId,
        @NotBlank(message = "Select the action") String actionId,
        @NotNull(message = "Enter the date the action was done") LocalDate completedOn) {
}
