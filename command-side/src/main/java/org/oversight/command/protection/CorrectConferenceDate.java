package org.oversight.command.protection;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;

/** Correct the date a conference was recorded as held on; the original record stays. */
public record CorrectConferenceDate(
        @NotBlank String childId,
        @NotBlank(message = "Select the conference") String conferenceId,
        @NotNull(message = "Enter the date the conference was held") LocalDate correctedTo,
        @NotBlank(message = "Enter why the recorded date was wrong")
        @Size(max = 2000, message = "The reason must be 2000 characters or fewer")
        String reason) {
}
