package org.oversight.command.subjectaccess;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.oversight.command.fields.FreeText;
import org.oversight.command.fields.Identifier;
import org.oversight.events.access.Access;
import org.oversight.events.access.Operation;

/** Extend the time to answer a request by two further months, having told the requester why. */
@Access(Operation.RECORD_SUBJECT_ACCESS)
public record ExtendSubjectAccessDeadline(
        @TargetAggregateIdentifier @NotBlank @Identifier("The child") String childId,
        @NotBlank @Identifier("The request") String requestId,
        @NotNull(message = "Enter the date the requester was told of the extension") LocalDate toldOn,
        @NotBlank(message = "Enter why more time is needed") @FreeText("The reason") String reason) {
}
