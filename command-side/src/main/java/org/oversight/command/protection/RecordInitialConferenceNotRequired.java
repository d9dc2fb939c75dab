package org.oversight.command.protection;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;

/** Record that a section 47 enquiry concluded without the need for an initial conference. */
public record RecordInitialConferenceNotRequired(
        @NotBlank String childId,
        @NotBlank(message = "Select the enquiry") String enquiryId,
        @NotNull(message = "Enter the date of the decision") LocalDate decidedOn,
        @NotBlank(message = "Enter why no initial conference is needed")
        @Size(max = 2000, message = "The reason must be 2000 characters or fewer")
        String reason) {
}
