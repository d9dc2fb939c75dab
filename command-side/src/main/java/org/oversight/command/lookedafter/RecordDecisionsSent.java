package org.oversight.command.lookedafter;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.LocalDate;
import org.axonframework.commandhandling.RoutingKey;

/** Record that a review's decisions were sent out (the decision letter). */
public record RecordDecisionsSent(
        @RoutingKey @NotBlank String childId,
        @NotBlank(message = "Select the review") String reviewId,
        @NotNull(message = "Enter the date the decisions were sent") LocalDate sentOn) {
}
