package org.oversight.command.lookedafter;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.LocalDate;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.oversight.command.fields.FreeText;
import org.oversight.command.fields.Identifier;
import org.oversight.command.fields.ShortText;
import org.oversight.command.fields.Username;

/**
 * Record a meeting about the child, other than a review, that the IRO chaired: its type (one the child's authority
 * keeps), its date, the roles of those who took part and what it decided.
 */
public record RecordMeetingChaired(
        @NotBlank @Identifier String childId,
        @NotBlank @Identifier String meetingId,
        @NotBlank(message = "Select the type of meeting") @Identifier String meetingType,
        @NotNull(message = "Enter the date of the meeting") LocalDate heldOn,
        List<@NotBlank(message = "A role cannot be blank") @ShortText("A role") String> attendeeRoles,
        @NotBlank(message = "Enter what the meeting decided") @FreeText("The outcome") String outcome,
        @NotBlank(message = "Select the IRO who chaired the meeting") @Username("The IRO") String iroId) {

    public RecordMeetingChaired {
        attendeeRoles = attendeeRoles == null ? List.of() : List.copyOf(attendeeRoles);
    }

    /** The child's looked-after journey, where this command is handled. */
    @TargetAggregateIdentifier
    String journeyId() {
        return LookedAfterIds.journeyOf(childId);
    }
}
