package org.oversight.command.lookedafter;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.oversight.command.fields.Identifier;
import org.oversight.command.fields.Username;
import org.oversight.events.lookedafter.ParentalResponsibility;
import org.oversight.events.lookedafter.ParentsWishesOutcome;

/** Record that the wishes and feelings of a parent, or another with parental responsibility, were sought. */
public record RecordParentsWishes(
        @NotBlank @Identifier String childId,
        @NotNull(message = "Enter the date their wishes and feelings were sought") LocalDate soughtOn,
        @NotNull(message = "Select whose wishes and feelings were sought") ParentalResponsibility whose,
        @NotNull(message = "Select what came of it") ParentsWishesOutcome outcome,
        @NotBlank(message = "Select the IRO") @Username("The IRO") String iroId) {

    /** The child's looked-after journey, where this command is handled. */
    @TargetAggregateIdentifier
    String journeyId() {
        return LookedAfterIds.journeyOf(childId);
    }
}
