package org.oversight.command.protection;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.LocalDate;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.oversight.command.fields.Identifier;
import org.oversight.command.fields.ShortText;
import org.oversight.events.protection.StrategyMeetingDecision;

/**
 * Record a strategy meeting a chair chaired about a child. A decision to make section 47 enquiries starts the
 * enquiry named {@code enquiryId}, whose initial conference clock runs from the meeting's date.
 */
public record RecordStrategyMeeting(
        @NotBlank @Identifier String childId,
        @NotBlank @Identifier String meetingId,
        @NotNull(message = "Enter the date of the strategy meeting") LocalDate heldOn,
        @NotNull(message = "Select the agencies that attended") List<@ShortText("An agency") String> attendingAgencies,
        @NotNull(message = "Select what the meeting decided") StrategyMeetingDecision decision,
        @Identifier String enquiryId) {

    public RecordStrategyMeeting {
        attendingAgencies = attendingAgencies == null ? null : List.copyOf(attendingAgencies);
    }

    /** The child's protection journey, where this command is handled. */
    @TargetAggregateIdentifier
    String protectionId() {
        return ProtectionIds.protectionOf(childId);
    }
}
