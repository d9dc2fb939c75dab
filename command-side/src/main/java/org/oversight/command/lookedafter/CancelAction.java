package org.oversight.command.lookedafter;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import org.axonframework.commandhandling.RoutingKey;

/** Cancel an open care plan action that will not be done, saying why. */
public record CancelAction(
        @RoutingKey @NotBlank String childId,
        @NotBlank(message = "Select the action") String actionId,
        @NotNull(message = "Enter the date the action was cancelled") LocalDate cancelledOn,
        @NotBlank(message = "Enter why the action is cancelled")
        @Size(max = 1000, message = "The reason must be 1000 characters or fewer")
        String reason) {
}
