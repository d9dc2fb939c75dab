package org.oversight.command.lookedafter;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.oversight.command.fields.Identifier;
import org.oversight.events.lookedafter.VisitPlace;

/** Record a statutory visit by the child's social worker (reg 28, or reg 48(3)(c) for short breaks). */
public record RecordSocialWorkerVisit(
        @NotBlank @Identifier String childId,
        @NotNull(message = "Enter the date of the visit") LocalDate visitedOn,
        boolean seenAlone,
        @NotNull(message = "Select where the child was seen") VisitPlace place) {

    /** The child's looked-after journey, where this command is handled. */
    @TargetAggregateIdentifier
    String journeyId() {
        return LookedAfterIds.journeyOf(childId);
    }
}
