package org.oversight.command.lookedafter;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import org.axonframework.commandhandling.RoutingKey;

/** Change an open care plan action: its wording, who is responsible or when it is due, saying why. */
public record ChangeAction(
        @RoutingKey @NotBlank String childId,
        @NotBlank(message = "Select the action") String actionId,
        @NotBlank(message = "Describe the action")
        @Size(max = 1000, message = "An action must be 1000 characters or fewer")
        String action,
        @NotBlank(message = "Enter who is responsible for the action")
        @Size(max = 200, message = "Who is responsible must be 200 characters or fewer")
        String owner,
        @NotNull(message = "Enter the date the action is due") LocalDate dueOn,
        @NotBlank(message = "Enter why the action is changing")
        @Size(max = 1000, message = "The reason must be 1000 characters or fewer")
        String reason,
        @NotNull(message = "Enter the date of the change") LocalDate changedOn) {
}
