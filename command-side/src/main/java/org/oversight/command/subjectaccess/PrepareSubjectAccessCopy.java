package org.oversight.command.subjectaccess;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.oversight.command.fields.FreeText;
import org.oversight.command.fields.Identifier;
import org.oversight.events.access.Access;
import org.oversight.events.access.Operation;
import org.oversight.events.subjectaccess.Whose;

/**
 * Prepare the copy for a request: the history it holds (up to a position in the store) and, for each piece of
 * other people's information the person preparing it reviewed, whether it is released or withheld and why.
 */
@Access(Operation.RECORD_SUBJECT_ACCESS)
public record PrepareSubjectAccessCopy(
        @TargetAggregateIdentifier @NotBlank @Identifier("The child") String childId,
        @NotBlank @Identifier("The request") String requestId,
        @NotNull(message = "Enter the date the copy was prepared") LocalDate preparedOn,
        @NotNull(message = "Say up to which event the copy holds the history") @PositiveOrZero Long historyThrough,
        @NotNull @Size(max = PrepareSubjectAccessCopy.MOST_ITEMS,
                message = "A copy can decide at most " + PrepareSubjectAccessCopy.MOST_ITEMS + " pieces at once")
        List<@NotNull @Valid Item> items) {

    /** More pieces than a long record holds is a sign of a broken client, not of a long record. */
    public static final int MOST_ITEMS = 5000;

    /** One reviewed piece of information, by the key the copy gives it. */
    public record Item(
            @NotBlank(message = "Each piece is named by its key") @Identifier("The key") String key,
            @NotNull(message = "Say whose information each piece is") Whose whose,
            boolean released,
            @FreeText("The reason") String reason) {
    }
}
