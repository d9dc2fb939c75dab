package org.oversight.command.subjectaccess;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.oversight.command.fields.Identifier;
import org.oversight.command.fields.ShortText;
import org.oversight.events.access.Access;
import org.oversight.events.access.Operation;

/** Record that the prepared copy was given to the requester, or to someone acting for them. */
@Access(Operation.RECORD_SUBJECT_ACCESS)
public record ReleaseSubjectAccessCopy(
        @TargetAggregateIdentifier @NotBlank @Identifier("The child") String childId,
        @NotBlank @Identifier("The request") String requestId,
        @NotNull(message = "Enter the date the copy was released") LocalDate releasedOn,
        @NotBlank(message = "Enter who the copy was given to") @ShortText("Who it was given to") String releasedTo) {
}
