package org.oversight.command.childcase;

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
        @TargetAggregateIdentifier @NotBlank String childId,
        @NotEmpty(message = "Name the people who may still see the record")
        @Size(max = RestrictRecord.MOST_NAMED, message = "Name at most " + RestrictRecord.MOST_NAMED + " people")
        List<@NotBlank(message = "Name each person by their username") @Size(max = 100,
                message = "A username is 100 characters or fewer") String> namedPeople,
        @NotBlank(message = "Enter why the record is restricted")
        @Size(max = RestrictRecord.REASON_LIMIT, message = "The reason must be "
                + RestrictRecord.REASON_LIMIT + " characters or fewer")
        String reason) {

    /** A restriction is for a handful of people; a long list is a sign it is the wrong tool. */
    public static final int MOST_NAMED = 50;
    public static final int REASON_LIMIT = 500;
}
