package org.oversight.command.people;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.oversight.command.fields.FreeText;
import org.oversight.command.fields.ShortText;
import org.oversight.command.fields.Username;
import org.oversight.events.access.Access;
import org.oversight.events.access.Operation;

/** Record the hours a chair works a week from a day, and the full-time week of their post. */
@Access(Operation.MANAGE_PEOPLE)
public record SetWorkingHours(
        @TargetAggregateIdentifier @NotBlank @ShortText("The person") String personId,
        @NotBlank @Username("The username") String username,
        @NotNull(message = "Enter the date they start working these hours") LocalDate effectiveFrom,
        @NotNull(message = "Enter the hours they work a week") BigDecimal weeklyHours,
        @NotNull(message = "Enter the hours of a full-time week") BigDecimal fullTimeWeeklyHours,
        @FreeText("The reason") String reason) {

    public static SetWorkingHours of(String username, LocalDate effectiveFrom, BigDecimal weeklyHours,
            BigDecimal fullTimeWeeklyHours, String reason) {
        return new SetWorkingHours(PersonIds.personId(username), username, effectiveFrom, weeklyHours,
                fullTimeWeeklyHours, reason);
    }
}
