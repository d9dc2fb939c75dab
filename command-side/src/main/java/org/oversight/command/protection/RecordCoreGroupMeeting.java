package org.oversight.command.protection;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.LocalDate;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.oversight.events.protection.CoreGroupMeetingHeld;
import org.oversight.command.fields.FreeText;
import org.oversight.command.fields.Identifier;
import org.oversight.command.fields.ShortText;

/** Record a meeting of the child's core group: who attended and how far the plan's actions had got. */
public record RecordCoreGroupMeeting(
        @NotBlank @Identifier String childId,
        @NotBlank @Identifier String meetingId,
        @NotNull(message = "Enter the date of the core group meeting") LocalDate heldOn,
        @NotNull(message = "Select the agencies that attended") List<@ShortText("An agency") String> attendingAgencies,
        @NotNull List<@Valid @NotNull Progress> actionProgress,
        @FreeText("Progress on the plan") String progressNote) {

    public RecordCoreGroupMeeting {
        attendingAgencies = attendingAgencies == null ? null : List.copyOf(attendingAgencies);
        actionProgress = actionProgress == null ? null : List.copyOf(actionProgress);
    }

    /** Where one action stood. */
    public record Progress(
            @NotBlank(message = "Select the action") @Identifier String actionId,
            @NotNull(message = "Select how far the action had got") CoreGroupMeetingHeld.Progress progress) {
    }

    /** The child's protection journey, where this command is handled. */
    @TargetAggregateIdentifier
    String protectionId() {
        return ProtectionIds.protectionOf(childId);
    }
}
