package org.oversight.command.lookedafter;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import org.axonframework.commandhandling.RoutingKey;

/** Correct the date a review was recorded as held on, saying why the record was wrong. */
public record CorrectReviewDate(
        @RoutingKey @NotBlank String childId,
        @NotBlank(message = "Select the review") String reviewId,
        @NotNull(message = "Enter the date the review was held") LocalDate correctedTo,
        @NotBlank(message = "Enter why the recorded date was wrong")
        @Size(max = 1000, message = "The reason must be 1000 characters or fewer")
        String reason) {
}
