package org.oversight.command.retention;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.oversight.command.fields.Code;
import org.oversight.command.fields.FreeText;
import org.oversight.events.StreamIds;
import org.oversight.events.access.Access;
import org.oversight.events.access.Operation;
import org.oversight.events.retention.RecordType;
import org.oversight.events.retention.RetentionTrigger;

/** Set how long a local authority keeps records of one type, and from which day the years are counted. */
@Access(Operation.CHANGE_SETTINGS)
public record ChangeLocalRetention(
        @TargetAggregateIdentifier @NotBlank @Code("The schedule") String scheduleId,
        @NotBlank(message = "Select a local authority") @Code("The local authority") String localAuthority,
        @NotNull(message = "Select the type of record") RecordType recordType,
        @NotNull(message = "Enter how many years the record is kept") Integer years,
        @NotNull(message = "Select the day the years are counted from") RetentionTrigger from,
        @NotBlank(message = "Enter why the schedule is changing") @FreeText("The reason") String reason) {

    public static ChangeLocalRetention of(String localAuthority, RecordType recordType, Integer years,
            RetentionTrigger from, String reason) {
        return new ChangeLocalRetention(scheduleOf(localAuthority), localAuthority, recordType, years, from, reason);
    }

    /** A local authority's schedule is one stream, named after the authority's code. */
    public static String scheduleOf(String localAuthority) {
        return StreamIds.RETENTION + (localAuthority == null ? "" : localAuthority.strip());
    }
}
