package org.oversight.command.protection;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.LocalDate;

/** Record the strategy discussion at which a section 47 enquiry was initiated for a child. */
public record RecordStrategyDiscussion(
        @NotBlank String childId,
        @NotBlank String enquiryId,
        @NotNull(message = "Enter the date of the strategy discussion") LocalDate strategyDiscussionOn) {
}
