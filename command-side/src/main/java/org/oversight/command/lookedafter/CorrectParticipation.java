package org.oversight.command.lookedafter;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.axonframework.commandhandling.RoutingKey;
import org.oversight.events.lookedafter.ParticipationCode;

/** Correct the participation code a review was recorded with, saying why the record was wrong. */
public record CorrectParticipation(
        @RoutingKey @NotBlank String childId,
        @NotBlank(message = "Select the review") String reviewId,
        @NotNull(message = "Select how the child took part in the review") ParticipationCode correctedTo,
        @NotBlank(message = "Enter why the recorded participation was wrong")
        @Size(max = 1000, message = "The reason must be 1000 characters or fewer")
        String reason) {
}
