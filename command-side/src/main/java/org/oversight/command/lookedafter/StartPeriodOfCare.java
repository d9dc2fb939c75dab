package org.oversight.command.lookedafter;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.time.LocalDate;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.oversight.events.lookedafter.LegalStatus;
import org.oversight.command.fields.Identifier;
import org.oversight.command.fields.Code;

/**
 * Record that a child started to be looked after. The period's identifier is chosen when the form is shown,
 * so a form submitted twice is refused rather than recorded twice.
 */
public record StartPeriodOfCare(
        @NotBlank @Identifier String childId,
        @NotBlank @Identifier String periodId,
        @NotNull(message = "Enter the date the child started to be looked after") LocalDate startedOn,
        @NotNull(message = "Select the legal status the child is looked after under") LegalStatus legalStatus,
        @Code(value = "The placement", message = Placements.MESSAGE)
        @Pattern(regexp = Placements.CODE, message = Placements.MESSAGE) String placement) {

    public static StartPeriodOfCare of(String childId, LocalDate startedOn, LegalStatus legalStatus, String placement) {
        return new StartPeriodOfCare(childId, UUID.randomUUID().toString(), startedOn, legalStatus,
                Placements.normalise(placement));
    }

    /** The child's looked-after journey, where this command is handled. */
    @TargetAggregateIdentifier
    String journeyId() {
        return LookedAfterIds.journeyOf(childId);
    }
}
