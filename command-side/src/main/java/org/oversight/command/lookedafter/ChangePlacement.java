package org.oversight.command.lookedafter;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.oversight.command.fields.Identifier;
import org.oversight.command.fields.Code;

/** Record that a looked-after child moved placement inside their open period of care. */
public record ChangePlacement(
        @NotBlank @Identifier String childId,
        @NotNull(message = "Enter the date the child moved") LocalDate changedOn,
        @NotBlank(message = "Enter the new placement's SSDA903 placement type code")
        @Code(value = "The placement", message = Placements.MESSAGE)
        @Pattern(regexp = Placements.CODE, message = Placements.MESSAGE)
        String placement,
        Boolean carerChanged) {

    /** A move whose change of carer is not said. */
    public ChangePlacement(String childId, LocalDate changedOn, String placement) {
        this(childId, changedOn, placement, null);
    }

    public static ChangePlacement of(String childId, LocalDate changedOn, String placement) {
        return of(childId, changedOn, placement, null);
    }

    /** @param carerChanged whether the child moved to another carer (SSDA903 P) or stayed with theirs (T) */
    public static ChangePlacement of(String childId, LocalDate changedOn, String placement, Boolean carerChanged) {
        return new ChangePlacement(childId, changedOn, Placements.normalise(placement), carerChanged);
    }

    /** The child's looked-after journey, where this command is handled. */
    @TargetAggregateIdentifier
    String journeyId() {
        return LookedAfterIds.journeyOf(childId);
    }
}
