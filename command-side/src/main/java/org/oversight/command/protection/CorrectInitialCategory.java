package org.oversight.command.protection;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.oversight.events.protection.CategoryOfAbuse;

/** Correct a plan's initial category of abuse that was entered wrongly; the original record stays. */
public record CorrectInitialCategory(
        @NotBlank String childId,
        @NotBlank(message = "Select the plan") String planId,
        @NotNull(message = "Select the initial category decided at the conference") CategoryOfAbuse correctedTo,
        @NotBlank(message = "Enter why the recorded category was wrong")
        @Size(max = 2000, message = "The reason must be 2000 characters or fewer")
        String reason) {
}
