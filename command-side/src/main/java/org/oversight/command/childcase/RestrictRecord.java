package org.oversight.command.childcase;

import org.oversight.command.fields.Username;
import org.oversight.command.fields.Identifier;
import org.oversight.command.fields.FreeText;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.oversight.events.access.Access;
import org.oversight.events.access.Operation;

/**
 * Restrict a child's record to the people named (the person restricting it among them), or, when it is already
 * restricted, name who may see it afresh.
 */
@Access(Operation.RESTRICT_RECORD)
public record RestrictRecord(
        @TargetAggregateIdentifier @NotBlank @Identifier("The child") String childId,
        @NotEmpty(message = "Name the people who may still see the record")
        @Size(max = RestrictRecord.MOST_NAMED, message = "Name at most " + RestrictRecord.MOST_NAMED + " people")
        List<@NotBlank(message = "Name each person by their username") @Username("Each person named") String>
                namedPeople,
        @NotBlank(message = "Enter why the record is restricted")
        @FreeText("The reason") String reason) {

    /** A restriction is for a handful of people; a long list is a sign it is the wrong tool. */
    public static final int MOST_NAMED = 50;
}
