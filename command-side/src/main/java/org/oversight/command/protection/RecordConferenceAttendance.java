package org.oversight.command.protection;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.oversight.command.fields.Identifier;
import org.oversight.command.fields.PersonName;
import org.oversight.command.fields.ShortText;
import org.oversight.command.fields.Username;
import org.oversight.events.protection.Attendance;
import org.oversight.events.protection.ConferenceRole;

/** Record who was invited to a conference about a child, who attended, and the reports it received. */
public record RecordConferenceAttendance(
        @NotBlank @Identifier String childId,
        @NotBlank @Identifier String conferenceId,
        @NotEmpty(message = "Record who was invited to the conference") List<@Valid @NotNull Attendee> attendees,
        @NotBlank @Username("The chair") String recordedBy) {

    /**
     * One person invited or present, by role.
     *
     * @param agency             the agency, for an agency's representative
     * @param name               a family member's name, if the chair records one
     * @param reportSharedInTime whether a report received before the conference reached the family in time
     */
    public record Attendee(
            @NotNull(message = "Select the person's role") ConferenceRole role,
            @ShortText("The agency") String agency,
            @PersonName("The family member's name") String name,
            boolean invited,
            @NotNull(message = "Select how much of the conference they attended") Attendance attendance,
            boolean reportBeforeConference,
            Boolean reportSharedInTime) {
    }

    /** The child's protection journey, where this command is handled. */
    @TargetAggregateIdentifier
    String protectionId() {
        return ProtectionIds.protectionOf(childId);
    }
}
