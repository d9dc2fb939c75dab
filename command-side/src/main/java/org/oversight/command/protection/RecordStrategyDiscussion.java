package org.oversight.command.protection;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.oversight.command.fields.Identifier;

/** Record the strategy discussion at which a section 47 enquiry was initiated for a child. */
public record RecordStrategyDiscussion(
        @NotBlank @Identifier String childId,
        @NotBlank @Identifier String enquiryId,
        @NotNull(message = "Enter the date of the strategy discussion") LocalDate strategyDiscussionOn) {

    /** The child's protection journey, where this command is handled. */
    @TargetAggregateIdentifier
    String protectionId() {
        return ProtectionIds.protectionOf(childId);
    }
}
