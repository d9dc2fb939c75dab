package org.oversight.command.subjectaccess;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.LocalDate;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.oversight.command.fields.Identifier;
import org.oversight.command.fields.PersonName;
import org.oversight.events.access.Access;
import org.oversight.events.access.Operation;
import org.oversight.events.subjectaccess.RequesterRelationship;

/** Record a subject access request received about the child's record. */
@Access(Operation.RECORD_SUBJECT_ACCESS)
public record RecordSubjectAccessRequest(
        @TargetAggregateIdentifier @NotBlank @Identifier("The child") String childId,
        @NotBlank @Identifier("The request") String requestId,
        @NotBlank(message = "Enter the name of the person asking") @PersonName("The requester's name")
        String requesterName,
        @NotNull(message = "Select how the person asking stands to the child") RequesterRelationship relationship,
        @NotNull(message = "Enter the date the request was received") LocalDate receivedOn) {

    /** A new request, with an identifier of its own. */
    public static RecordSubjectAccessRequest of(String childId, String requesterName,
            RequesterRelationship relationship, LocalDate receivedOn) {
        return new RecordSubjectAccessRequest(childId, UUID.randomUUID().toString(), requesterName, relationship,
                receivedOn);
    }
}
